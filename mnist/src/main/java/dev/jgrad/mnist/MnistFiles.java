package dev.jgrad.mnist;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four IDX files of MNIST or Fashion-MNIST in one folder: where they are, and how to download
 * them. Each file may be raw or gzip-compressed ({@code .gz}); raw wins when both are there.
 *
 * <p>A root is searched as torchvision lays it out, {@code root/MNIST/raw/} or
 * {@code root/FashionMNIST/raw/}, then as a folder holding the four files directly.
 */
public final class MnistFiles {
    /** The training images' file name, without {@code .gz}. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** The training labels' file name, without {@code .gz}. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** The test images' file name, without {@code .gz}. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** The test labels' file name, without {@code .gz}. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four files, without the {@code .gz} suffix. */
    public static final List<String> NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** System property: comma-separated base URLs replacing the default mirrors. */
    public static final String MIRRORS_PROPERTY = "jgrad.mnist.mirrors";

    private final Path directory;
    private final Map<String, Path> files;

    private MnistFiles(Path directory, Map<String, Path> files) {
        this.directory = directory;
        this.files = files;
    }

    /**
     * The folders searched under {@code root}, in order: {@code root/<folderName>/raw}, then {@code root}.
     *
     * @param root the data root, as torchvision's {@code root}, or a folder holding the files
     * @param kind the dataset, which names the torchvision folder
     * @return the two folders; they need not exist
     */
    public static List<Path> searchedFolders(Path root, MnistKind kind) {
        return List.of(root.resolve(kind.folderName()).resolve("raw"), root);
    }

    /**
     * The four files under {@code root} (see the class comment), if all four are in one of its folders.
     *
     * @param root the data root, as torchvision's {@code root}, or a folder holding the files
     * @param kind the dataset, which names the torchvision folder
     * @return the files of the first folder that holds all four, or empty
     */
    public static Optional<MnistFiles> find(Path root, MnistKind kind) {
        for (Path dir : searchedFolders(root, kind)) {
            Optional<MnistFiles> found = inFolder(dir);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The four files directly in {@code dir}, if all four are there.
     *
     * @param dir the folder to look in
     * @return the files, or empty when one is missing or {@code dir} doesn't exist
     */
    public static Optional<MnistFiles> inFolder(Path dir) {
        Map<String, Path> found = present(dir);
        return found.size() == NAMES.size() ? Optional.of(new MnistFiles(dir, found)) : Optional.empty();
    }

    /**
     * Like {@link #find}, but fails with a message saying where it looked and which files are
     * missing.
     *
     * @param root the data root, as torchvision's {@code root}, or a folder holding the files
     * @param kind the dataset, which names the torchvision folder
     * @return the files of the first folder that holds all four
     * @throws FileNotFoundException if {@code root} doesn't exist or no searched folder holds all four
     */
    public static MnistFiles locate(Path root, MnistKind kind) throws FileNotFoundException {
        Optional<MnistFiles> found = find(root, kind);
        if (found.isPresent()) {
            return found.get();
        }
        if (!Files.isDirectory(root)) {
            throw new FileNotFoundException(kind.folderName() + " data folder " + root + " does not exist");
        }
        StringBuilder sb = new StringBuilder("no " + kind.folderName() + " files in " + root + ": expected "
                + String.join(", ", NAMES) + " (each raw or .gz) in ");
        List<Path> folders = searchedFolders(root, kind);
        sb.append(folders.stream().map(Path::toString).collect(Collectors.joining(" or ")));
        for (Path dir : folders) {
            Map<String, Path> partial = present(dir);
            if (!partial.isEmpty()) {
                List<String> missing = new ArrayList<>(NAMES);
                missing.removeAll(partial.keySet());
                sb.append("; ").append(dir).append(" lacks ").append(String.join(", ", missing));
            }
        }
        throw new FileNotFoundException(sb.toString());
    }

    /**
     * {@link #download(Path, MnistKind, List)} from {@link #mirrors(MnistKind)}.
     *
     * @param root the data root, as torchvision's {@code root}, or a folder holding the files
     * @param kind the dataset, which names the torchvision folder
     * @return the four files
     * @throws IOException if a missing file can't be downloaded from any mirror (the message lists each
     *     URL tried and why it failed, and how to put the files in place by hand) or can't be written
     */
    public static MnistFiles download(Path root, MnistKind kind) throws IOException {
        return download(root, kind, null);
    }

    /**
     * The files under {@code root}, downloading those missing into {@code root/<folderName>/raw}
     * (as torchvision's {@code download=True}). Nothing is fetched when they are already there.
     * Each file comes from the first mirror that serves it with the right MD5.
     *
     * @param root the data root, as torchvision's {@code root}, or a folder holding the files
     * @param kind the dataset: which folder, files and checksums
     * @param mirrors base URLs to try in order; null or empty means {@link #mirrors(MnistKind)}
     * @return the four files
     * @throws IOException if a missing file can't be downloaded from any mirror (the message lists each
     *     URL tried and why it failed, and how to put the files in place by hand) or can't be written
     */
    public static MnistFiles download(Path root, MnistKind kind, List<String> mirrors) throws IOException {
        return download(root, kind, mirrors, kind.md5s());
    }

    static MnistFiles download(Path root, MnistKind kind, List<String> mirrors, Map<String, String> md5s)
            throws IOException {
        if (mirrors == null || mirrors.isEmpty()) {
            mirrors = mirrors(kind);
        }
        Optional<MnistFiles> found = find(root, kind);
        if (found.isPresent()) {
            return found.get();
        }
        Path raw = searchedFolders(root, kind).get(0);
        List<Path> created = createDirectories(raw);
        MnistDownloader downloader = new MnistDownloader(mirrors, md5s);
        String byHand = "To work offline, download " + expectedNames() + " by hand and put them in " + raw
                + " (or in any folder given as the data folder), or give other mirrors (--mirror URL, or -D"
                + MIRRORS_PROPERTY + "=URL,URL)";
        Map<String, Path> present = present(raw);
        boolean done = false;
        try {
            for (String name : NAMES) {
                if (!present.containsKey(name)) {
                    downloader.fetch(name + ".gz", raw.resolve(name + ".gz"), byHand);
                }
            }
            done = true;
        } finally {
            if (!done) {
                removeIfEmpty(created);
            }
        }
        return locate(root, kind);
    }

    /** Creates {@code dir} and its missing parents; returns those it created, deepest first. */
    private static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        Files.createDirectories(dir);
        return missing;
    }

    /** Removes the folders a failed download created, deepest first, as long as they are empty. */
    private static void removeIfEmpty(List<Path> created) {
        for (Path p : created) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return; // it holds files now (a completed download): keep it and its parents
            }
        }
    }

    /**
     * The mirrors to download from: the {@value #MIRRORS_PROPERTY} system property if set, else the
     * kind's defaults.
     *
     * @param kind the dataset
     * @return base URLs, in the order to try them
     */
    public static List<String> mirrors(MnistKind kind) {
        String property = System.getProperty(MIRRORS_PROPERTY);
        if (property != null) {
            List<String> list = Arrays.stream(property.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toList());
            if (!list.isEmpty()) {
                return list;
            }
        }
        return kind.defaultMirrors();
    }

    /**
     * The folder holding the four files.
     *
     * @return the folder
     */
    public Path directory() {
        return directory;
    }

    /**
     * The file for one of {@link #NAMES}: raw or {@code .gz}, whichever is there.
     *
     * @param name one of {@link #NAMES}, without {@code .gz}
     * @return the file's path
     * @throws IllegalArgumentException if {@code name} is not one of {@link #NAMES}
     */
    public Path path(String name) {
        Path p = files.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown MNIST file '" + name + "': expected one of " + NAMES);
        }
        return p;
    }

    /**
     * Reads the training split ({@code train-*} files) or the test split ({@code t10k-*} files).
     *
     * @param train true for the training split, false for the test split
     * @return the split
     * @throws IdxFormatException if a file is malformed or not MNIST images and labels
     * @throws IOException if a file can't be read
     */
    public MnistSplit load(boolean train) throws IOException {
        return train ? MnistSplit.load(trainImages(), trainLabels()) : MnistSplit.load(testImages(), testLabels());
    }

    /**
     * Reads the training split, {@code load(true)}.
     *
     * @return the training split
     * @throws IdxFormatException if a file is malformed or not MNIST images and labels
     * @throws IOException if a file can't be read
     */
    public MnistSplit train() throws IOException {
        return load(true);
    }

    /**
     * Reads the test split, {@code load(false)}.
     *
     * @return the test split
     * @throws IdxFormatException if a file is malformed or not MNIST images and labels
     * @throws IOException if a file can't be read
     */
    public MnistSplit test() throws IOException {
        return load(false);
    }

    /**
     * The training images' file.
     *
     * @return {@code path(TRAIN_IMAGES)}
     */
    public Path trainImages() {
        return path(TRAIN_IMAGES);
    }

    /**
     * The training labels' file.
     *
     * @return {@code path(TRAIN_LABELS)}
     */
    public Path trainLabels() {
        return path(TRAIN_LABELS);
    }

    /**
     * The test images' file.
     *
     * @return {@code path(TEST_IMAGES)}
     */
    public Path testImages() {
        return path(TEST_IMAGES);
    }

    /**
     * The test labels' file.
     *
     * @return {@code path(TEST_LABELS)}
     */
    public Path testLabels() {
        return path(TEST_LABELS);
    }

    private static Map<String, Path> present(Path dir) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path raw = dir.resolve(name);
            Path gz = dir.resolve(name + ".gz");
            if (Files.isRegularFile(raw)) {
                found.put(name, raw);
            } else if (Files.isRegularFile(gz)) {
                found.put(name, gz);
            }
        }
        return found;
    }

    private static String expectedNames() {
        return String.join(", ", NAMES.stream().map(n -> n + ".gz").collect(Collectors.toList()));
    }

    @Override
    public String toString() {
        return "MnistFiles(" + directory + ")";
    }
}
