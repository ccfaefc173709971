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
 *
 * <h2>How to add an op (for contributors)</h2>
 *
 * <p>An op is named once, by a constant of one enum per kind in the kernel package
 * ({@code dev.jgrad.tensor.kernel}, not exported): {@code UnaryOp} (functions of one operand) and
 * {@code BinaryOp} (arithmetic, comparisons, logical). The constant carries the op's scalar
 * definitions; NDArray, {@code Elementwise} (broadcasting, promotion, threads) and both kernel
 * implementations take it as it is, with no mapping between layers. An elementwise function of one
 * operand, say {@code tan}, touches these files:
 * <ol>
 *   <li>{@code kernel/UnaryOp.java}: a constant {@code TAN(IntegerInput.IN_FLOAT32)}, with
 *       {@code applyL} if integers keep their dtype ({@code IntegerInput.KEEP}); and, in the
 *       double-twin section at the end of the file, a case in {@code loop}'s switch and a method
 *       {@code tan}: its float32 loop (copy a neighbour's: a loop over a shared index, a contiguous
 *       one, a strided one) with the function written into it, say {@code (float) Math.tan(v)}.
 *       The build writes the float64 loop from it ({@code tensor-core/src/build/GenerateDouble.java}:
 *       float becomes double, {@code (float) Math.tan(} becomes {@code Math.tan(},
 *       {@code FloatMath.f} becomes {@code Math.f}, or {@code DoubleMath.f} where the JDK lacks f).
 *       That is the whole scalar kernel: the
 *       scalar implementation, and the vector one for strides and tails, run it. Each op's loop is
 *       a method of its own, so it is compiled apart with the function inline; a loop shared by all
 *       ops calling the function through a lambda or the enum would make a megamorphic call per
 *       element (29 times slower for ReLU). A float32 polynomial that the vector code mirrors goes
 *       in {@code FloatMath} (and its float64 function in {@code DoubleMath} if the JDK lacks
 *       it).</li>
 *   <li>{@code kernel/VectorFloatOps.java} (optional): a case in {@code unary} that runs a Vector
 *       API loop giving the same bits as the scalar function (the loop itself there or, for the
 *       longer functions, in {@code VectorFloatMath}); lines outside its float-only markers are
 *       float64's too (the generated {@code VectorDoubleOps}). Without it the op runs its scalar
 *       loop on every kernel set. Only the {@code Vector*} classes may touch
 *       {@code jdk.incubator.vector} (VectorApiConfinementTest).</li>
 *   <li>{@code NDArray.java}: the facade, one line: {@code return Elementwise.unary(UnaryOp.TAN,
 *       this, null);}, with its javadoc.</li>
 *   <li>autograd: one entry of {@code ElementwiseGrad.Unary} (its {@code grad_fn} name, the
 *       forward, what backward reads and the derivative), one line in {@code Tensor}, and the
 *       {@code grad_fn} name in the derivatives index of autograd's {@code package-info.java}
 *       (DerivativesIndexTest holds the index to the code and gradient-checks every entry).</li>
 * </ol>
 * Without the optional vector loop that is five main-code files, the derivative included:
 * {@code UnaryOp}, {@code NDArray}, {@code ElementwiseGrad}, {@code Tensor} and autograd's
 * {@code package-info}; six with it (and {@code FloatMath} for a polynomial).
 * The kernel tests iterate every constant ({@code @EnumSource}): vector against scalar bit for
 * bit, contiguous against strided; add an example with PyTorch's values in {@code MathOpsTest}. A
 * binary op is the same with {@code BinaryOp}: {@code applyD} and {@code applyL} (the reference
 * for every dtype), a case and a float32 loop method in its double-twin section if the kernels
 * implement it, a case and a method in {@code VectorFloatOps.binary}. The kernel package imports
 * nothing from the rest of tensor-core (KernelSelfContainedTest): what it needs (the thread pool,
 * {@code kernel.Threads}) lives there.
 */
package dev.jgrad.tensor;
