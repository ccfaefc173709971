package dev.jgrad.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your project" shows the consumer application's module-info.java and program
 * as they are: the invoker build compiles and runs those files, so the README's code must be theirs.
 */
class ReadmeProgramIT {

    private static final Path ROOT = Path.of(System.getProperty("jgrad.root", ".."));
    private static final Path CONSUMER = Path.of(System.getProperty("jgrad.consumer", "src/it/consumer"));

    @Test
    void theReadmeShowsTheConsumersModuleInfoAndProgramVerbatim() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(ROOT.resolve("README.md")));
        for (String file : List.of("module-info.java", "com/example/app/CircleClassifier.java")) {
            String source = Files.readString(CONSUMER.resolve("src/main/java").resolve(file));
            String firstLine = source.lines().findFirst().orElseThrow();
            List<String> shown =
                    blocks.stream().filter(b -> b.startsWith(firstLine + "\n")).toList();
            assertEquals(1, shown.size(), "README.md shows one ```java block that starts with '" + firstLine + "'");
            assertEquals(source, shown.get(0), "README.md's copy of " + file);
        }
    }

    @Test
    void theReadmeKeepsItsQuickStartSection() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertTrue(
                readme.contains("\n## Quick start\n\n```\n./jgrad train\n./jgrad test\n```\n"),
                "README.md's Quick start");
    }

    /** The bodies of the README's ```java fences, each ending in a newline. */
    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }
}
