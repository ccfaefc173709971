package dev.jgrad.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kernel package needs nothing from the rest of tensor-core: no compiled kernel class names a
 * class of {@code dev.jgrad.tensor} outside {@code dev.jgrad.tensor.kernel}, as a type, in a
 * signature or as a reflective name. Read from the class files' constant pools, so javadoc links do
 * not count and every real use (imports are gone by then) does.
 */
class KernelSelfContainedTest {
    /** A tensor-core class named in internal (slashes) or binary (dots) form, the kernel package excepted. */
    private static final Pattern OUTSIDE =
            Pattern.compile("dev[/.]jgrad[/.]tensor[/.](?!kernel[/.$;]|kernel$)[\\w$/.]+");

    @Test
    void kernelClassesReferToNothingElseInTensorCore() throws IOException, URISyntaxException {
        Path dir = Path.of(Kernels.class.getResource("Kernels.class").toURI()).getParent();
        List<Path> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes =
                    files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertTrue(classes.size() >= 20, "expected the kernel classes in " + dir + ", found " + classes);
        List<String> found = new ArrayList<>();
        for (Path c : classes) {
            for (String s : utf8Constants(c)) {
                Matcher m = OUTSIDE.matcher(s);
                while (m.find()) {
                    found.add(c.getFileName() + " -> " + m.group());
                }
            }
        }
        assertEquals(List.of(), found, "kernel classes that use the rest of tensor-core");
    }

    @Test
    void thePatternCatchesAReferenceOutsideTheKernelPackage() {
        assertTrue(OUTSIDE.matcher("(Ldev/jgrad/tensor/Parallel$RangeBody;)V").find());
        assertTrue(OUTSIDE.matcher("dev.jgrad.tensor.NDArray").find());
        assertTrue(!OUTSIDE.matcher("Ldev/jgrad/tensor/kernel/UnaryOp;").find());
        assertTrue(!OUTSIDE.matcher("dev.jgrad.tensor.kernel").find());
    }

    /** The CONSTANT_Utf8 entries of a class file: every class name, descriptor and string it uses. */
    private static List<String> utf8Constants(Path classFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(classFile);
                DataInputStream d = new DataInputStream(in)) {
            if (d.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            d.readUnsignedShort();
            d.readUnsignedShort();
            int count = d.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = d.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(d.readUTF());
                    case 7, 8, 16, 19, 20 -> d.skipBytes(2);
                    case 15 -> d.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> d.skipBytes(4);
                    case 5, 6 -> {
                        d.skipBytes(8);
                        i++; // long and double take two slots
                    }
                    default -> throw new IOException("unknown constant tag " + tag + " in " + classFile);
                }
            }
        }
        return out;
    }
}
