/**
 * Plain numerics without autograd, like NumPy or ATen: {@link dev.jgrad.tensor.NDArray}, a strided n-dimensional
 * array with PyTorch's semantics.
 *
 * <p>Start with {@link dev.jgrad.tensor.NDArray}: its static factories ({@code tensor}, {@code zeros},
 * {@code randn}, {@code arange}, ...) and its ops (elementwise, reductions, {@code matmul}, views, indexing), named
 * as PyTorch names them. Around it:
 * <ul>
 *   <li>{@link dev.jgrad.tensor.DType}: the six element types and their promotion;</li>
 *   <li>{@link dev.jgrad.tensor.Size}: a shape, printed as {@code torch.Size};</li>
 *   <li>{@link dev.jgrad.tensor.Storage}: the primitive array views share, with its in-place version counter;</li>
 *   <li>{@link dev.jgrad.tensor.Generator}: the seedable random number generator behind {@code rand},
 *       {@code randn} and {@code randperm};</li>
 *   <li>{@link dev.jgrad.tensor.Parallel}: the one thread pool the kernels share
 *       ({@code NDArray.setNumThreads}).</li>
 * </ul>
 *
 * <p>float32 ops run on SIMD kernels written on the JDK Vector API when the {@code jdk.incubator.vector} module is
 * present ({@code --add-modules jdk.incubator.vector}); without it jgrad logs one warning and runs scalar kernels
 * that give the same results. Autograd's {@code dev.jgrad.autograd.Tensor} wraps an NDArray and records its ops for
 * backward.
 */
package dev.jgrad.tensor;
