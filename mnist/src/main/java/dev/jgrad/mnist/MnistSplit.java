package dev.jgrad.mnist;

import dev.jgrad.tensor.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One split (train or test) of an MNIST-format dataset, as read from its two IDX files: images
 * as a uint8 tensor {@code [N, rows, cols]} (60,000 MNIST images take 47 MB, not the 188 MB of
 * float32; convert per batch) and labels as an int64 tensor {@code [N]}, as torchvision's
 * {@code data} and {@code targets}.
 */
public final class MnistSplit {
    private final NDArray images;
    private final NDArray labels;
    private final String source;

    private MnistSplit(NDArray images, NDArray labels, String source) {
        this.images = images;
        this.labels = labels;
        this.source = source;
    }

    /**
     * Reads an images file and a labels file (each raw or gzip), as torchvision's
     * {@code MNIST(root, train=...)} does from its raw folder.
     *
     * @param imagesFile an IDX file of unsigned bytes with dims {@code [N, rows, cols]}
     * @param labelsFile an IDX file of unsigned bytes with dims {@code [N]}
     * @return the split; its source is the images file's name
     * @throws IdxFormatException if a file is malformed, has the wrong type or rank, or the counts differ
     * @throws IOException if a file can't be read
     */
    public static MnistSplit load(Path imagesFile, Path labelsFile) throws IOException {
        return of(
                IdxFile.read(imagesFile),
                imagesFile.toString(),
                IdxFile.read(labelsFile),
                labelsFile.toString(),
                imagesFile.toString());
    }

    /**
     * Checks that the images are unsigned bytes of rank 3, the labels unsigned bytes of rank 1,
     * and that their counts agree; the names go into the error messages. The images' array is
     * wrapped, not copied; the labels are widened to int64.
     *
     * @param images unsigned-byte IDX data with dims {@code [N, rows, cols]}
     * @param imagesName the images' file or resource name, for error messages
     * @param labels unsigned-byte IDX data with dims {@code [N]}
     * @param labelsName the labels' file or resource name, for error messages
     * @param source where the split came from, for {@link #source()}
     * @return the split
     * @throws IdxFormatException if a type or rank is wrong or the counts differ
     */
    public static MnistSplit of(IdxData images, String imagesName, IdxData labels, String labelsName, String source)
            throws IdxFormatException {
        requireUnsignedBytes(images, imagesName, "images", 3, "3 dims [N, rows, cols]");
        requireUnsignedBytes(labels, labelsName, "labels", 1, "1 dim [N]");
        if (images.dim(0) != labels.dim(0)) {
            throw new IdxFormatException(
                    labelsName,
                    4,
                    "holds " + labels.dim(0) + " labels, but " + imagesName + " holds " + images.dim(0) + " images");
        }
        byte[] raw = labels.bytes();
        long[] wide = new long[raw.length];
        for (int i = 0; i < raw.length; i++) {
            wide[i] = raw[i] & 0xff;
        }
        return new MnistSplit(images.toNDArray(), NDArray.wrap(wide, raw.length), source);
    }

    /** Type 0x08 (the byte at offset 2) and {@code rank} dims (offset 3), or an error naming {@code name}. */
    private static void requireUnsignedBytes(IdxData data, String name, String what, int rank, String dimsWanted)
            throws IdxFormatException {
        if (data.type() != IdxType.UBYTE) {
            throw new IdxFormatException(
                    name, 2, "expected MNIST " + what + " of type " + IdxType.UBYTE + ", found " + data.type());
        }
        if (data.rank() != rank) {
            throw new IdxFormatException(
                    name,
                    3,
                    "expected MNIST " + what + " with " + dimsWanted + ", found " + data.rank() + " dims "
                            + Arrays.toString(data.dims()));
        }
    }

    /**
     * The images, torchvision's {@code dataset.data}.
     *
     * @return a uint8 array {@code [N, rows, cols]}, values 0..255; not a copy
     */
    public NDArray images() {
        return images;
    }

    /**
     * The labels, torchvision's {@code dataset.targets}.
     *
     * @return an int64 array {@code [N]}; not a copy
     */
    public NDArray labels() {
        return labels;
    }

    /**
     * The number of images, {@code len(dataset)}.
     *
     * @return N
     */
    public int size() {
        return images.size(0);
    }

    /**
     * The height of each image.
     *
     * @return rows, 28 for MNIST
     */
    public int rows() {
        return images.size(1);
    }

    /**
     * The width of each image.
     *
     * @return columns, 28 for MNIST
     */
    public int cols() {
        return images.size(2);
    }

    /**
     * Where the images came from (a file or resource name), for messages.
     *
     * @return the source given when the split was made
     */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "MnistSplit(" + size() + " images of " + rows() + "x" + cols() + " from " + source + ")";
    }
}
