/**
 * jgrad's tensors: {@link dev.jgrad.tensor.NDArray} (dtypes, strided views, broadcasting, PyTorch's
 * printing) and safetensors files ({@link dev.jgrad.tensor.io.SafeTensors}).
 *
 * <p>The SIMD kernels use the incubating Vector API. The module is optional ({@code requires static}):
 * start the JVM with {@code --add-modules jdk.incubator.vector} to use them; without it jgrad logs one
 * warning and runs its scalar kernels, with the same results. The kernels and the number formatting
 * are implementation packages and are not exported; the backward kernels are exported to autograd only.
 */
// dev.jgrad.nn, named by a qualified export below, is built after this module: javac cannot see it here.
@SuppressWarnings("module")
module dev.jgrad.tensor {
    requires static jdk.incubator.vector;
    // HotSpot's UseFMA flag, read once to pick the kernels' multiply-add (dev.jgrad.tensor.kernel.Fma).
    requires jdk.management;

    exports dev.jgrad.tensor;
    exports dev.jgrad.tensor.io;
    // The fused backward kernels (threshold_backward, _log_softmax_backward_data): autograd's alone.
    exports dev.jgrad.tensor.internal to
            dev.jgrad.autograd;
    // Python's number formatting, for the optimizers' and layers' printed forms (PyTorch's repr).
    exports dev.jgrad.tensor.format to
            dev.jgrad.nn;
}
