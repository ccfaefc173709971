/**
 * Tensor files: {@link dev.jgrad.tensor.io.SafeTensors} reads and writes the safetensors format, so that weights
 * move between jgrad and PyTorch ({@code safetensors.torch.save_file} / {@code load_file}).
 *
 * <p>A malformed file fails with a {@link dev.jgrad.tensor.io.SafeTensorsException} that names the file and the
 * problem. {@link dev.jgrad.tensor.io.AtomicFiles} writes a file through a temporary one renamed into place, so an
 * interrupted save never leaves a broken file; nn's {@code StateDictFile} builds model checkpoints on both.
 * {@link dev.jgrad.tensor.io.Json} is jgrad's one JSON codec, strict and bounded, for every file it reads or writes.
 */
package dev.jgrad.tensor.io;
