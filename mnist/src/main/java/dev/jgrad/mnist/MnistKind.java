package dev.jgrad.mnist;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two datasets in MNIST's file layout, with torchvision's folder names, class names, mirrors
 * and file checksums.
 */
public enum MnistKind {
    /** The handwritten digits, torchvision's {@code datasets.MNIST}. */
    MNIST(
            "MNIST",
            "mnist",
            List.of(
                    "0 - zero",
                    "1 - one",
                    "2 - two",
                    "3 - three",
                    "4 - four",
                    "5 - five",
                    "6 - six",
                    "7 - seven",
                    "8 - eight",
                    "9 - nine"),
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
            Map.of(
                    "train-images-idx3-ubyte.gz",
                    "f68b3c2dcbeaaa9fbdd348bbdeb94873",
                    "train-labels-idx1-ubyte.gz",
                    "d53e105ee54ea40749a09fcbcd1e9432",
                    "t10k-images-idx3-ubyte.gz",
                    "9fb629c4189551a2d022fa330f9573f3",
                    "t10k-labels-idx1-ubyte.gz",
                    "ec29112dd5afa0611ce80d1b7f02629c")),
    /** Zalando's clothing images, torchvision's {@code datasets.FashionMNIST}. */
    FASHION_MNIST(
            "FashionMNIST",
            "fashion-mnist",
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"),
            List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            Map.of(
                    "train-images-idx3-ubyte.gz",
                    "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                    "train-labels-idx1-ubyte.gz",
                    "25c81989df183df01b3e8a0aad5dffbe",
                    "t10k-images-idx3-ubyte.gz",
                    "bef4ecab320f06d8554ea6380940ec79",
                    "t10k-labels-idx1-ubyte.gz",
                    "bb300cfdad3c16e7a12a480ee83cd310"));

    private final String folderName;
    private final String cliName;
    private final List<String> classes;
    private final List<String> defaultMirrors;
    private final Map<String, String> md5s;

    MnistKind(
            String folderName,
            String cliName,
            List<String> classes,
            List<String> defaultMirrors,
            Map<String, String> md5s) {
        this.folderName = folderName;
        this.cliName = cliName;
        this.classes = classes;
        this.defaultMirrors = defaultMirrors;
        this.md5s = md5s;
    }

    /**
     * torchvision's dataset class name, which is also its folder: {@code root/<folderName>/raw}.
     *
     * @return {@code MNIST} or {@code FashionMNIST}
     */
    public String folderName() {
        return folderName;
    }

    /**
     * The name on the command line.
     *
     * @return {@code mnist} or {@code fashion-mnist}
     */
    public String cliName() {
        return cliName;
    }

    /**
     * The class names, indexed by label, as torchvision's {@code classes}.
     *
     * @return an unmodifiable list of the 10 names
     */
    public List<String> classes() {
        return classes;
    }

    /**
     * The public mirrors torchvision downloads from, in order.
     *
     * @return an unmodifiable list of base URLs
     */
    public List<String> defaultMirrors() {
        return defaultMirrors;
    }

    /**
     * MD5 checksums of the published {@code .gz} files, by file name.
     *
     * @return an unmodifiable map from file name (e.g. {@code train-images-idx3-ubyte.gz}) to lower-case hex
     */
    public Map<String, String> md5s() {
        return md5s;
    }

    /**
     * Parses a command-line name: {@code mnist}, {@code fashion-mnist} (case and separators are loose,
     * so {@code FashionMNIST} and {@code FASHION_MNIST} work too).
     *
     * @param name the name
     * @return the kind
     * @throws IllegalArgumentException if the name is neither
     */
    public static MnistKind fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (MnistKind k : values()) {
            if (k.cliName.replace("-", "").equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "': expected mnist or fashion-mnist");
    }
}
