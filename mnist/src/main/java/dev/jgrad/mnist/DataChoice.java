package dev.jgrad.mnist;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which data {@code ./jgrad train} uses: {@code --data DIR} if given ({@code --data sample}: the
 * embedded sample, even where a full dataset is installed); otherwise the first of the
 * standard locations that holds the four files ({@code ./data}, {@code ~/.cache/jgrad}, then
 * {@code /usr/share/datasets/fashion-mnist} from the Debian package); with {@code --download},
 * a download into {@code ~/.cache/jgrad}; otherwise the sample embedded in jgrad.
 */
final class DataChoice {

    private final List<Path> roots;
    private final Path debianFashionMnist;
    private final Path cacheRoot;

    /**
     * @param roots              the folders searched first, in order (each as torchvision's root or a flat folder)
     * @param debianFashionMnist where the Debian package puts Fashion-MNIST
     * @param cacheRoot          where {@code --download} puts the files
     */
    DataChoice(List<Path> roots, Path debianFashionMnist, Path cacheRoot) {
        this.roots = List.copyOf(roots);
        this.debianFashionMnist = debianFashionMnist;
        this.cacheRoot = cacheRoot;
    }

    /** The standard locations: {@code ./data}, {@code ~/.cache/jgrad}, {@code /usr/share/datasets/fashion-mnist}. */
    static DataChoice standard() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "jgrad");
        return new DataChoice(List.of(Path.of("data"), cache), Path.of("/usr/share/datasets/fashion-mnist"), cache);
    }

    MnistData load(TrainOptions options) throws IOException {
        if (options.sample()) {
            return MnistData.embedded();
        }
        List<MnistKind> kinds = options.dataset() == null
                ? List.of(MnistKind.FASHION_MNIST, MnistKind.MNIST)
                : List.of(MnistKind.fromName(options.dataset()));
        if (options.data() != null) {
            return fromFolder(options.data(), kinds, options);
        }
        for (Path root : roots) {
            for (MnistKind kind : kinds) {
                Optional<MnistFiles> found = MnistFiles.find(root, kind);
                if (found.isPresent()) {
                    return MnistData.read(found.get(), describe(kind, found.get(), root));
                }
            }
        }
        if (kinds.contains(MnistKind.FASHION_MNIST)) {
            Optional<MnistFiles> debian = MnistFiles.inFolder(debianFashionMnist);
            if (debian.isPresent()) {
                return MnistData.read(debian.get(), "Fashion-MNIST in " + debianFashionMnist);
            }
        }
        if (options.download()) {
            MnistKind kind = kinds.get(0);
            MnistFiles files = MnistFiles.download(cacheRoot, kind, options.mirrors());
            return MnistData.read(files, displayName(kind) + " in " + files.directory() + " (downloaded)");
        }
        if (!kinds.contains(MnistKind.FASHION_MNIST)) {
            throw new FileNotFoundException(
                    "no MNIST files in " + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                            + "; give --data DIR, or --download (the sample embedded in jgrad is Fashion-MNIST)");
        }
        return MnistData.embedded();
    }

    private static MnistData fromFolder(Path dir, List<MnistKind> kinds, TrainOptions options) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileNotFoundException("data folder " + dir + " is a file, not a folder (give the folder that"
                    + " holds the four IDX files)");
        }
        Optional<MnistFiles> flat = MnistFiles.inFolder(dir);
        if (flat.isPresent()) {
            return MnistData.read(flat.get(), "MNIST-format data in " + dir);
        }
        for (MnistKind kind : kinds) {
            Optional<MnistFiles> found = MnistFiles.find(dir, kind);
            if (found.isPresent()) {
                return MnistData.read(found.get(), describe(kind, found.get(), dir));
            }
        }
        if (options.download()) {
            MnistKind kind = kinds.get(0);
            MnistFiles files = MnistFiles.download(dir, kind, options.mirrors());
            return MnistData.read(files, displayName(kind) + " in " + files.directory() + " (downloaded)");
        }
        if (!Files.isDirectory(dir)) {
            throw new FileNotFoundException("data folder " + dir + " does not exist");
        }
        List<String> problems = new ArrayList<>();
        for (MnistKind kind : kinds) {
            try {
                MnistFiles.locate(dir, kind);
            } catch (FileNotFoundException e) {
                problems.add(e.getMessage());
            }
        }
        throw new FileNotFoundException(String.join("; ", problems));
    }

    /** A flat folder's files could be either dataset; torchvision's layout names its kind. */
    private static String describe(MnistKind kind, MnistFiles files, Path root) {
        return (files.directory().equals(root) ? "MNIST-format data" : displayName(kind)) + " in " + files.directory();
    }

    static String displayName(MnistKind kind) {
        return kind == MnistKind.FASHION_MNIST ? "Fashion-MNIST" : "MNIST";
    }
}
