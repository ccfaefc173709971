/**
 * MNIST and Fashion-MNIST: IDX files, the datasets' splits, and the {@code ./jgrad train} command.
 *
 * <p>Start with {@link dev.jgrad.mnist.MnistSample} (a small Fashion-MNIST sample inside this jar, so training needs
 * no download) or {@link dev.jgrad.mnist.MnistFiles} (finds or downloads the four files of a full dataset), which
 * give a {@link dev.jgrad.mnist.MnistSplit}: the images as a uint8 {@code [N, rows, cols]} array and the labels as
 * int64, ready for a {@code dev.jgrad.data.TensorDataset}. {@link dev.jgrad.mnist.IdxFile} reads and writes the IDX
 * format itself; {@link dev.jgrad.mnist.TrainCommand} is the command-line trainer.
 */
package dev.jgrad.mnist;
