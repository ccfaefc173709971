import dev.jgrad.mnist.IdxData;
import dev.jgrad.mnist.IdxFile;
import dev.jgrad.mnist.MnistFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Writes the first N training and M test images and labels of an MNIST-format folder as gzip IDX
 * files. Run by make-sample.sh; arguments: source folder, output folder, N, M.
 */
public class MakeSample {
    public static void main(String[] args) throws Exception {
        Path src = Paths.get(args[0]);
        Path out = Files.createDirectories(Paths.get(args[1]));
        int train = Integer.parseInt(args[2]);
        int test = Integer.parseInt(args[3]);
        MnistFiles files = MnistFiles.inFolder(src)
                .orElseThrow(() -> new IllegalArgumentException("no MNIST-format files in " + src));
        copy(files.trainImages(), out.resolve(MnistFiles.TRAIN_IMAGES + ".gz"), train);
        copy(files.trainLabels(), out.resolve(MnistFiles.TRAIN_LABELS + ".gz"), train);
        copy(files.testImages(), out.resolve(MnistFiles.TEST_IMAGES + ".gz"), test);
        copy(files.testLabels(), out.resolve(MnistFiles.TEST_LABELS + ".gz"), test);
    }

    private static void copy(Path from, Path to, int n) throws Exception {
        IdxData all = IdxFile.read(from);
        int[] dims = all.dims();
        if (dims[0] < n) {
            throw new IllegalArgumentException(from + " holds only " + dims[0] + " items, " + n + " asked");
        }
        int per = all.numel() / dims[0];
        dims[0] = n;
        IdxFile.write(to, IdxData.ofUnsignedBytes(Arrays.copyOf(all.bytes(), n * per), dims));
        int[] counts = new int[10];
        if (dims.length == 1) {
            for (int i = 0; i < n; i++) {
                counts[all.bytes()[i]]++;
            }
        }
        System.out.println(to + ": " + Arrays.toString(dims) + (dims.length == 1 ? " per class " + Arrays.toString(counts) : ""));
    }
}
