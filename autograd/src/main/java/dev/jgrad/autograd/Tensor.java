package dev.jgrad.autograd;

import dev.jgrad.autograd.ElementwiseGrad.Unary;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Size;
import dev.jgrad.tensor.ValuesIndices;
import java.util.List;

/**
 * PyTorch's tensor: an {@link NDArray} that, when it requires grad, remembers how it was computed so that
 * {@link #backward()} can differentiate through it.
 *
 * <p>It has NDArray's factories and ops under the same names, so a line of PyTorch is a line of jgrad:
 * {@code torch.zeros(1, requires_grad=True)} is {@code Tensor.zeros(1).requiresGrad_()}, {@code x_train * W + b} is
 * {@code xTrain.mul(W).add(b)}, {@code torch.mean((h - y) ** 2)} is {@code h.sub(y).pow(2).mean()}. Shapes, dtypes,
 * broadcasting, type promotion and the exceptions are NDArray's (see its class comment). Factories make leaves that
 * don't require grad. Ops on floating tensors are differentiable unless their comment says otherwise (comparisons,
 * logical ops and argmax/argmin are not); ops on tensors that don't require grad, or that run under {@link #noGrad()},
 * record nothing and cost what the NDArray op costs.
 *
 * <p>Start with the factories ({@link #tensor(float[][])}, {@link #randn(int...)}), {@link #requiresGrad_()},
 * {@link #backward()} and {@link #grad()}; {@link CustomOp} adds a differentiable op of your own.
 *
 * <p>Not thread-safe for writes, like PyTorch's; many threads may read one tensor (e.g. run a model under
 * {@code noGrad}) at once.
 */
public final class Tensor {
    private final NDArray data;
    /** The autograd state; null until this tensor requires grad, gets a grad_fn or a grad (see {@link #meta()}). */
    private AutogradMeta meta;

    Tensor(NDArray data, Node gradFn) {
        this.data = data;
        this.meta = gradFn == null ? null : new AutogradMeta(data, gradFn);
    }

    /** The autograd state, made on first use: most tensors (data, inference results) never need one. */
    AutogradMeta meta() {
        if (meta == null) {
            meta = new AutogradMeta(data, null);
        }
        return meta;
    }

    /**
     * A tensor over {@code data} (no copy) that doesn't require grad ({@code torch.as_tensor}).
     *
     * @param data the values, shared
     * @return a new leaf tensor
     * @throws NullPointerException if {@code data} is null
     */
    public static Tensor of(NDArray data) {
        if (data == null) {
            throw new NullPointerException("data");
        }
        return new Tensor(data, null);
    }

    /**
     * The values, shared (no copy). A write through them is an in-place write outside autograd: it
     * records no history, but it bumps the storage's version counter like any in-place op, so a
     * backward that needs the values saved before the write fails with PyTorch's "modified by an
     * inplace operation" error instead of computing a wrong gradient. That is PyTorch's
     * {@code detach()} sharing; PyTorch's {@code .data} alone skips the version counter.
     *
     * @return this tensor's values, sharing its storage
     */
    public NDArray data() {
        return data;
    }

    // ---------------------------------------------------------------- creation

    /**
     * A 1-d float32 tensor holding a copy of {@code values} ({@code torch.tensor}).
     *
     * @param values the values
     * @return a new tensor of shape {@code [data.length]}
     */
    public static Tensor tensor(float[] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 2-d float32 tensor holding a copy of {@code values} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param values the rows, all of the same length
     * @return a new tensor of shape {@code [rows, columns]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor tensor(float[][] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 3-d float32 tensor holding a copy of {@code values} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param values the values, rectangular
     * @return a new tensor of shape {@code [d0, d1, d2]}
     * @throws IllegalArgumentException if the nested arrays are ragged
     */
    public static Tensor tensor(float[][][] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 1-d float64 tensor holding a copy of {@code values} ({@code torch.tensor} of Python floats with
     * {@code dtype=torch.float64}).
     *
     * @param values the values
     * @return a new tensor of shape {@code [data.length]}
     */
    public static Tensor tensor(double[] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 2-d float64 tensor holding a copy of {@code values} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param values the rows, all of the same length
     * @return a new tensor of shape {@code [rows, columns]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor tensor(double[][] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 1-d int64 tensor holding a copy of {@code values} ({@code torch.tensor} of Python ints).
     *
     * @param values the values
     * @return a new tensor of shape {@code [data.length]}
     */
    public static Tensor tensor(long[] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 2-d int64 tensor holding a copy of {@code values} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param values the rows, all of the same length
     * @return a new tensor of shape {@code [rows, columns]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static Tensor tensor(long[][] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 1-d int32 tensor holding a copy of {@code values} ({@code torch.tensor(..., dtype=torch.int32)}).
     *
     * @param values the values
     * @return a new tensor of shape {@code [data.length]}
     */
    public static Tensor tensor(int[] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 1-d uint8 tensor holding a copy of {@code values}; bytes are read as unsigned (0..255), as {@code torch.uint8}.
     *
     * @param values the values
     * @return a new tensor of shape {@code [data.length]}
     */
    public static Tensor tensor(byte[] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 1-d bool tensor holding a copy of {@code values} ({@code torch.tensor} of Python bools).
     *
     * @param values the values
     * @return a new tensor of shape {@code [data.length]}
     */
    public static Tensor tensor(boolean[] values) {
        return of(NDArray.tensor(values));
    }

    /**
     * A 0-dim float32 tensor ({@code torch.tensor(value)}).
     *
     * @param value the value, rounded to float
     * @return a new 0-dim tensor
     */
    public static Tensor scalar(double value) {
        return of(NDArray.scalar(value));
    }

    /**
     * A 0-dim tensor of the given dtype ({@code torch.tensor(value, dtype=dtype)}).
     *
     * @param value the value, converted to {@code dtype}
     * @param dtype the element type
     * @return a new 0-dim tensor
     */
    public static Tensor scalar(double value, DType dtype) {
        return of(NDArray.scalar(value, dtype));
    }

    /**
     * A float32 tensor of zeros ({@code torch.zeros}).
     *
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor zeros(int... shape) {
        return of(NDArray.zeros(shape));
    }

    /**
     * A tensor of zeros of the given dtype ({@code torch.zeros(..., dtype=dtype)}).
     *
     * @param dtype the element type
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor zeros(DType dtype, int... shape) {
        return of(NDArray.zeros(dtype, shape));
    }

    /**
     * A float32 tensor of ones ({@code torch.ones}).
     *
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor ones(int... shape) {
        return of(NDArray.ones(shape));
    }

    /**
     * A tensor of ones of the given dtype ({@code torch.ones(..., dtype=dtype)}).
     *
     * @param dtype the element type
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor ones(DType dtype, int... shape) {
        return of(NDArray.ones(dtype, shape));
    }

    /**
     * A float32 tensor filled with {@code value} ({@code torch.full}).
     *
     * @param value the fill value
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor full(double value, int... shape) {
        return of(NDArray.full(value, shape));
    }

    /**
     * A tensor of the given dtype filled with {@code value} ({@code torch.full(..., dtype=dtype)}).
     *
     * @param dtype the element type
     * @param value the fill value, converted to {@code dtype}
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor full(DType dtype, double value, int... shape) {
        return of(NDArray.full(dtype, value, shape));
    }

    /**
     * A new contiguous tensor whose contents are unspecified ({@code torch.empty}); jgrad zeroes them, as Java does.
     *
     * @param dtype the element type
     * @param shape the sizes of the dims; none gives a 0-dim tensor
     * @return a new tensor of that dtype and shape
     * @throws IllegalArgumentException if a size is negative or the shape has more than {@code 2^31-1} elements
     */
    public static Tensor empty(DType dtype, int... shape) {
        return of(NDArray.empty(dtype, shape));
    }

    /**
     * The int64 values {@code 0, 1, ..., end-1} ({@code torch.arange(end)}); empty when {@code end <= 0}.
     *
     * @param end the exclusive upper bound
     * @return a new 1-d int64 tensor
     * @throws IllegalArgumentException if the range has more than {@code 2^31-1} elements
     */
    public static Tensor arange(long end) {
        return of(NDArray.arange(end));
    }

    /**
     * The int64 values {@code start, start+1, ..., end-1} ({@code torch.arange(start, end)}); empty when
     * {@code end <= start}.
     *
     * @param start the first value
     * @param end the exclusive upper bound
     * @return a new 1-d int64 tensor
     * @throws IllegalArgumentException if the range has more than {@code 2^31-1} elements
     */
    public static Tensor arange(long start, long end) {
        return of(NDArray.arange(start, end));
    }

    /**
     * The float32 values {@code start, start+step, ...} below {@code end} (above it, for a negative step):
     * {@code ceil((end - start) / step)} of them ({@code torch.arange(start, end, step)}).
     *
     * @param start the first value
     * @param end the exclusive bound
     * @param step the increment, nonzero
     * @return a new 1-d float32 tensor
     * @throws IllegalArgumentException if {@code step} is zero or has the wrong sign, or a bound is not finite
     */
    public static Tensor arange(double start, double end, double step) {
        return of(NDArray.arange(start, end, step));
    }

    /**
     * {@code torch.arange(end, dtype=dtype)}.
     *
     * @param end the exclusive upper bound
     * @param dtype the element type of the result
     * @return a 1-d tensor 0, 1, ..., end - 1
     */
    public static Tensor arange(long end, DType dtype) {
        return of(NDArray.arange(end, dtype));
    }

    /**
     * {@code torch.arange(start, end, dtype=dtype)}, e.g. {@code Tensor.arange(0, 2000, DType.FLOAT32)}.
     *
     * @param start the first value
     * @param end the exclusive upper bound
     * @param dtype the element type of the result
     * @return a 1-d tensor start, start + 1, ..., end - 1
     */
    public static Tensor arange(long start, long end, DType dtype) {
        return of(NDArray.arange(start, end, dtype));
    }

    /**
     * {@code torch.arange(start, end, step, dtype=dtype)}.
     *
     * @param start the first value
     * @param end the exclusive bound
     * @param step the nonzero increment
     * @param dtype the element type of the result
     * @return a 1-d tensor
     * @throws IllegalArgumentException if step is 0, or its sign does not lead from start to end
     */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        return of(NDArray.arange(start, end, step, dtype));
    }

    /**
     * {@code steps} float32 values evenly spaced from {@code start} to {@code end} inclusive ({@code torch.linspace}).
     *
     * @param start the first value
     * @param end the last value
     * @param steps how many values
     * @return a new 1-d float32 tensor of shape {@code [steps]}
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public static Tensor linspace(double start, double end, int steps) {
        return of(NDArray.linspace(start, end, steps));
    }

    /**
     * The {@code n x n} float32 identity matrix ({@code torch.eye(n)}).
     *
     * @param n the number of rows and columns
     * @return a new 2-d tensor
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Tensor eye(int n) {
        return of(NDArray.eye(n));
    }

    /**
     * An {@code n x m} float32 matrix with ones on the diagonal and zeros elsewhere ({@code torch.eye(n, m)}).
     *
     * @param n the number of rows
     * @param m the number of columns
     * @return a new 2-d tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor eye(int n, int m) {
        return of(NDArray.eye(n, m));
    }

    /**
     * Zeros with the shape and dtype of {@code t} ({@code torch.zeros_like}).
     *
     * @param t the tensor whose shape and dtype to copy
     * @return a new contiguous tensor
     */
    public static Tensor zerosLike(Tensor t) {
        return of(NDArray.zerosLike(t.data));
    }

    /**
     * Ones with the shape and dtype of {@code t} ({@code torch.ones_like}).
     *
     * @param t the tensor whose shape and dtype to copy
     * @return a new contiguous tensor
     */
    public static Tensor onesLike(Tensor t) {
        return of(NDArray.onesLike(t.data));
    }

    /**
     * {@code value} with the shape and dtype of {@code t} ({@code torch.full_like}).
     *
     * @param t the tensor whose shape and dtype to copy
     * @param value the fill value, converted to the dtype of {@code t}
     * @return a new contiguous tensor
     */
    public static Tensor fullLike(Tensor t, double value) {
        return of(NDArray.fullLike(t.data, value));
    }

    /**
     * Uniform float32 samples in {@code [0, 1)} from the default generator ({@code torch.rand}).
     *
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor rand(int... shape) {
        return of(NDArray.rand(shape));
    }

    /**
     * Uniform float32 samples in {@code [0, 1)} from {@code g} ({@code torch.rand(..., generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor rand(Generator g, int... shape) {
        return of(NDArray.rand(g, shape));
    }

    /**
     * Standard normal float32 samples from the default generator ({@code torch.randn}).
     *
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor randn(int... shape) {
        return of(NDArray.randn(shape));
    }

    /**
     * Standard normal float32 samples from {@code g} ({@code torch.randn(..., generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param shape the sizes of the dims
     * @return a new tensor
     * @throws IllegalArgumentException if a size is negative
     */
    public static Tensor randn(Generator g, int... shape) {
        return of(NDArray.randn(g, shape));
    }

    /**
     * Uniform int64 integers in {@code [low, high)} from the default generator ({@code torch.randint}).
     *
     * @param low the smallest value
     * @param high the exclusive upper bound
     * @param shape the sizes of the dims
     * @return a new int64 tensor
     * @throws IllegalArgumentException if {@code low >= high} or a size is negative
     */
    public static Tensor randint(long low, long high, int... shape) {
        return of(NDArray.randint(low, high, shape));
    }

    /**
     * Uniform int64 integers in {@code [low, high)} from {@code g} ({@code torch.randint(..., generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param low the smallest value
     * @param high the exclusive upper bound
     * @param shape the sizes of the dims
     * @return a new int64 tensor
     * @throws IllegalArgumentException if {@code low >= high} or a size is negative
     */
    public static Tensor randint(Generator g, long low, long high, int... shape) {
        return of(NDArray.randint(g, low, high, shape));
    }

    /**
     * A random permutation of {@code 0..n-1} from the default generator, as int64 ({@code torch.randperm}).
     *
     * @param n how many values
     * @return a new 1-d int64 tensor of shape {@code [n]}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Tensor randperm(int n) {
        return of(NDArray.randperm(n));
    }

    /**
     * A random permutation of {@code 0..n-1} from {@code g}, as int64 ({@code torch.randperm(n, generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param n how many values
     * @return a new 1-d int64 tensor of shape {@code [n]}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static Tensor randperm(Generator g, int n) {
        return of(NDArray.randperm(g, n));
    }

    // ---------------------------------------------------------------- metadata and values

    /**
     * The number of dims ({@code Tensor.dim()}); 0 for a scalar.
     *
     * @return the number of dims
     */
    public int dim() {
        return data.dim();
    }

    /**
     * The sizes of the dims ({@code Tensor.shape}).
     *
     * @return the shape
     */
    public Size shape() {
        return data.shape();
    }

    /**
     * The sizes of the dims ({@code Tensor.size()}); the same as {@link #shape()}.
     *
     * @return the shape
     */
    public Size size() {
        return data.size();
    }

    /**
     * The size of one dim ({@code Tensor.size(d)}).
     *
     * @param d the dim; negative counts from the end
     * @return its size
     * @throws IndexOutOfBoundsException if {@code d} is out of range or the tensor is 0-dim
     */
    public int size(int d) {
        return data.size(d);
    }

    /**
     * The number of elements ({@code Tensor.numel()}): the product of the sizes, 1 for a 0-dim tensor.
     *
     * @return the number of elements
     */
    public int numel() {
        return data.numel();
    }

    /**
     * The element type ({@code Tensor.dtype}).
     *
     * @return the dtype
     */
    public DType dtype() {
        return data.dtype();
    }

    /**
     * The strides in elements, one per dim ({@code Tensor.stride()}).
     *
     * @return a copy of the strides
     */
    public int[] strides() {
        return data.strides();
    }

    /**
     * The stride of one dim in elements ({@code Tensor.stride(d)}).
     *
     * @param d the dim; negative counts from the end
     * @return its stride
     * @throws IndexOutOfBoundsException if {@code d} is out of range or the tensor is 0-dim
     */
    public int stride(int d) {
        return data.stride(d);
    }

    /**
     * The index in the storage of the first element ({@code Tensor.storage_offset()}).
     *
     * @return the offset in elements
     */
    public int storageOffset() {
        return data.storageOffset();
    }

    /**
     * Whether the elements lie in row-major order without gaps ({@code Tensor.is_contiguous()}); size-1 dims may have
     * any stride.
     *
     * @return true when contiguous
     */
    public boolean isContiguous() {
        return data.isContiguous();
    }

    /**
     * PyTorch's {@code _version}: how many in-place writes the storage has seen.
     *
     * @return the version counter of the storage
     */
    public int version() {
        return data.storage().version();
    }

    /**
     * The value of a one-element tensor, as a double ({@code Tensor.item()}).
     *
     * @return the value
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public double item() {
        return data.item();
    }

    /**
     * The value of a one-element tensor, as a long; floating values truncate toward zero ({@code int(t.item())}).
     *
     * @return the value
     * @throws IllegalArgumentException if the tensor does not have exactly one element
     */
    public long itemLong() {
        return data.itemLong();
    }

    /**
     * One element, converted to double ({@code t[i, j, ...].item()}).
     *
     * @param index one index per dim; negative counts from the end
     * @return the element
     * @throws IllegalArgumentException if the number of indices is not {@link #dim()}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double getDouble(int... index) {
        return data.getDouble(index);
    }

    /**
     * One element, converted to long (floating values truncate toward zero).
     *
     * @param index one index per dim; negative counts from the end
     * @return the element
     * @throws IllegalArgumentException if the number of indices is not {@link #dim()}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public long getLong(int... index) {
        return data.getLong(index);
    }

    /**
     * The elements in row-major order, converted to float ({@code t.flatten().tolist()}).
     *
     * @return a new array of {@link #numel()} values
     */
    public float[] toFloatArray() {
        return data.toFloatArray();
    }

    /**
     * The elements in row-major order, converted to double.
     *
     * @return a new array of {@link #numel()} values
     */
    public double[] toDoubleArray() {
        return data.toDoubleArray();
    }

    /**
     * The elements in row-major order, converted to long (floating values truncate toward zero).
     *
     * @return a new array of {@link #numel()} values
     */
    public long[] toLongArray() {
        return data.toLongArray();
    }

    /**
     * The elements in row-major order, converted to int (floating values truncate toward zero).
     *
     * @return a new array of {@link #numel()} values
     */
    public int[] toIntArray() {
        return data.toIntArray();
    }

    /**
     * The elements in row-major order as uint8 bytes (integer values wrap modulo 256).
     *
     * @return a new array of {@link #numel()} values
     */
    public byte[] toByteArray() {
        return data.toByteArray();
    }

    /**
     * The elements in row-major order as booleans (nonzero is true).
     *
     * @return a new array of {@link #numel()} values
     */
    public boolean[] toBooleanArray() {
        return data.toBooleanArray();
    }

    /**
     * {@code t.tolist()}: the elements as nested {@link java.util.List}s, one level per dim, holding
     * {@link Double} (float dtypes), {@link Long} (integer dtypes) or {@link Boolean} (bool); a 0-dim
     * tensor gives the bare element, as in PyTorch.
     *
     * @return a {@code List<...List<E>>} nested {@code dim()} deep, or one element for a 0-dim tensor
     */
    public Object tolist() {
        return data.tolist();
    }

    /**
     * Whether both have the same shape and equal values after type promotion ({@code torch.equal}); NaN is not equal to
     * itself.
     *
     * @param other the tensor to compare with
     * @return true when equal
     */
    public boolean equal(Tensor other) {
        return data.equal(other.data);
    }

    /**
     * {@link #allclose(Tensor, double, double)} with PyTorch's defaults {@code rtol=1e-5}, {@code atol=1e-8}
     * ({@code torch.allclose}).
     *
     * @param other the tensor to compare with; it must broadcast with this one
     * @return true when every element is close
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public boolean allclose(Tensor other) {
        return data.allclose(other.data);
    }

    /**
     * Whether every element pair is close in the sense of {@link #isclose} ({@code torch.allclose}).
     *
     * @param other the tensor to compare with; it must broadcast with this one
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return true when every element is close
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public boolean allclose(Tensor other, double rtol, double atol) {
        return data.allclose(other.data, rtol, atol);
    }

    /**
     * Elementwise {@code |a - b| <= atol + rtol * |b|}, computed in double ({@code torch.isclose}); equal infinities
     * are close, NaN is never close. Not differentiable: the result has no history.
     *
     * @param other the tensor to compare with; it must broadcast with this one
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor isclose(Tensor other, double rtol, double atol) {
        return of(data.isclose(other.data, rtol, atol));
    }

    // ---------------------------------------------------------------- autograd

    /**
     * Whether gradients flow to this tensor ({@code Tensor.requires_grad}): a leaf that asked for them, or the result
     * of a recorded op on one.
     *
     * @return true when backward would reach this tensor
     */
    public boolean requiresGrad() {
        return meta != null && meta.requiresGrad();
    }

    /**
     * {@code requires_grad_()}: this leaf starts to collect gradients in {@link #grad()}.
     *
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is not floating
     */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /**
     * {@code requires_grad_(flag)} on a leaf; on an op's result, {@code true} changes nothing.
     *
     * @param flag whether this leaf collects gradients
     * @return this tensor
     * @throws IllegalArgumentException if {@code flag} is true and this tensor is not floating
     * @throws IllegalStateException if {@code flag} is false and this tensor is not a leaf
     */
    public Tensor requiresGrad_(boolean flag) {
        meta().setRequiresGrad(flag);
        return this;
    }

    /**
     * The factory option {@code requires_grad=flag}: a new leaf over the same values with the flag set, e.g.
     * {@code Tensor.zeros(1).requiresGrad(true)}. This tensor is left as it was.
     *
     * @param flag whether the new leaf collects gradients
     * @return a new leaf sharing this tensor's values
     * @throws IllegalArgumentException if {@code flag} is true and this tensor is not floating
     */
    public Tensor requiresGrad(boolean flag) {
        return new Tensor(data, null).requiresGrad_(flag);
    }

    /**
     * Whether this tensor was made by the user rather than by an op that recorded history ({@code Tensor.is_leaf}).
     *
     * @return true for a leaf
     */
    public boolean isLeaf() {
        return meta == null || meta.isLeaf();
    }

    /**
     * The node that made this tensor (PyTorch's {@code grad_fn}), or null for a leaf.
     *
     * @return the node, or null
     */
    public Node gradFn() {
        return meta == null ? null : meta.gradFn();
    }

    /**
     * The gradient accumulated by backward ({@code Tensor.grad}): set for leaves that require grad, and for other
     * tensors after {@link #retainGrad()}. Null until the first backward reaches it.
     *
     * @return the gradient, of this tensor's shape and dtype, or null
     */
    public Tensor grad() {
        return meta == null ? null : meta.grad();
    }

    /**
     * Replaces the gradient ({@code x.grad = g}); null clears it, as {@code zero_grad(set_to_none=True)} does.
     *
     * @param g the new gradient, of this tensor's shape and dtype, or null
     * @throws IllegalArgumentException if {@code g} has another shape or dtype
     */
    public void setGrad(Tensor g) {
        meta().setGrad(g);
    }

    /**
     * Sets the gradient to zero in place, keeping its buffer ({@code x.grad.zero_()}); does nothing when there is none.
     *
     * @return this tensor
     */
    public Tensor zeroGrad_() {
        if (meta != null) {
            meta.zeroGrad();
        }
        return this;
    }

    /**
     * Keeps this non-leaf tensor's gradient in {@link #grad()} during backward ({@code Tensor.retain_grad}); a leaf
     * that requires grad keeps it anyway.
     *
     * @return this tensor
     * @throws IllegalStateException if this is a leaf that doesn't require grad
     */
    public Tensor retainGrad() {
        meta().retainGrad();
        return this;
    }

    /**
     * Whether {@link #retainGrad()} was called on this non-leaf tensor ({@code Tensor.retains_grad}).
     *
     * @return true when its gradient is kept
     */
    public boolean retainsGrad() {
        return meta != null && meta.retainsGrad();
    }

    /**
     * A tensor over the same values that doesn't require grad and has no history ({@code Tensor.detach}).
     *
     * @return a new leaf sharing this tensor's values
     */
    public Tensor detach() {
        return new Tensor(data, null);
    }

    /**
     * Backpropagates from this one-element tensor, seeding its gradient with 1 ({@code Tensor.backward()}); the graph's
     * saved values are freed afterwards.
     *
     * @throws IllegalStateException if this tensor does not require grad, or the graph was already freed
     * @throws IllegalArgumentException if this tensor has more than one element
     */
    public void backward() {
        backward(null, false);
    }

    /**
     * Backpropagates {@code gradient}, the gradient of some scalar with respect to this tensor
     * ({@code Tensor.backward(gradient)}); the graph's saved values are freed afterwards.
     *
     * @param gradient the seed, of this tensor's shape; null means 1 for a one-element tensor
     * @throws IllegalStateException if this tensor does not require grad, or the graph was already freed
     * @throws IllegalArgumentException if {@code gradient} has another shape, or is null for a tensor of several
     *     elements
     */
    public void backward(Tensor gradient) {
        backward(gradient, false);
    }

    /**
     * Backpropagates {@code gradient} ({@code Tensor.backward(gradient, retain_graph)}), accumulating into the
     * {@link #grad()} of the leaves that require grad. Without {@code retainGraph} the values the graph saved are
     * freed, so a second backward through it fails.
     *
     * @param gradient the seed, of this tensor's shape; null means 1 for a one-element tensor
     * @param retainGraph whether to keep the saved values for another backward
     * @throws IllegalStateException if this tensor does not require grad, the graph was already freed, or a saved value
     *     was modified in place since it was saved
     * @throws IllegalArgumentException if {@code gradient} has another shape, or is null for a tensor of several
     *     elements
     */
    public void backward(Tensor gradient, boolean retainGraph) {
        Engine.backward(this, gradient, retainGraph);
    }

    /**
     * {@code with torch.no_grad():} as {@code try (var s = Tensor.noGrad()) { ... }}, for this thread: ops in the scope
     * record nothing.
     *
     * @return the scope; closing it restores the previous mode
     */
    public static GradMode.Scope noGrad() {
        return GradMode.scope(false);
    }

    /**
     * {@code with torch.no_grad(): y = f()} as an expression: {@code var y = Tensor.noGrad(() -> model.call(x))}.
     * Grad mode is restored afterwards, also when {@code body} throws.
     *
     * @param <T> what the body returns
     * @param body the code to run without recording history
     * @return what {@code body} returned
     */
    public static <T> T noGrad(java.util.function.Supplier<T> body) {
        return GradMode.call(false, body);
    }

    /**
     * {@code with torch.no_grad(): ...} for a block that returns nothing, e.g. a manual update
     * {@code Tensor.noGrad(() -> { w.sub_(w.grad().mul(lr)); })}.
     *
     * @param body the code to run without recording history
     */
    public static void noGrad(Runnable body) {
        GradMode.run(false, body);
    }

    /**
     * {@code with torch.enable_grad():}, to record again inside a {@link #noGrad()} scope, for this thread.
     *
     * @return the scope; closing it restores the previous mode
     */
    public static GradMode.Scope enableGrad() {
        return GradMode.scope(true);
    }

    /**
     * {@code torch.is_grad_enabled()} for the current thread.
     *
     * @return whether ops record history
     */
    public static boolean isGradEnabled() {
        return GradMode.isEnabled();
    }

    /** Where this tensor's gradient goes when it is an op's input: its gradFn, its leaf accumulator, or null. */
    Node gradEdge() {
        return meta == null ? null : meta.gradEdge();
    }

    /** The grad_fn as it stands (no view refresh), to name the producer of a saved value. */
    Node gradFnForSaving() {
        return meta == null ? null : meta.gradFnForSaving();
    }

    // ---------------------------------------------------------------- elementwise

    /**
     * {@code this + other} elementwise, with broadcasting and type promotion ({@code torch.add}).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor add(Tensor other) {
        return ElementwiseGrad.add(this, other, 1);
    }

    /**
     * {@code this + other} ({@code torch.add} with a number; the class comment says how numbers promote).
     *
     * @param other the number to add
     * @return a new tensor
     */
    public Tensor add(double other) {
        return ElementwiseGrad.add(this, other);
    }

    /**
     * {@code this + alpha * other} elementwise ({@code torch.add(input, other, alpha=alpha)}).
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast, or {@code alpha} is fractional for integer
     *     operands
     */
    public Tensor add(Tensor other, double alpha) {
        return ElementwiseGrad.add(this, other, alpha);
    }

    /**
     * {@code this - other} elementwise, with broadcasting and type promotion ({@code torch.sub}).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast, or an operand is bool
     */
    public Tensor sub(Tensor other) {
        return ElementwiseGrad.sub(this, other, 1);
    }

    /**
     * {@code this - other} ({@code torch.sub} with a Python number).
     *
     * @param other the number to subtract
     * @return a new tensor
     * @throws IllegalArgumentException if this tensor is bool
     */
    public Tensor sub(double other) {
        return ElementwiseGrad.sub(this, other);
    }

    /**
     * {@code this - alpha * other} elementwise ({@code torch.sub(input, other, alpha=alpha)}).
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast, an operand is bool, or {@code alpha} is
     *     fractional for integer operands
     */
    public Tensor sub(Tensor other, double alpha) {
        return ElementwiseGrad.sub(this, other, alpha);
    }

    /**
     * {@code this * other} elementwise, with broadcasting and type promotion ({@code torch.mul}).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor mul(Tensor other) {
        return ElementwiseGrad.mul(this, other);
    }

    /**
     * {@code this * other} ({@code torch.mul} with a Python number).
     *
     * @param other the multiplier
     * @return a new tensor
     */
    public Tensor mul(double other) {
        return ElementwiseGrad.mul(this, other);
    }

    /**
     * {@code this / other} elementwise, true division: integer operands give float32 ({@code torch.div}).
     *
     * @param other the divisor
     * @return a new floating tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor div(Tensor other) {
        return ElementwiseGrad.div(this, other);
    }

    /**
     * {@code this / other}, true division ({@code torch.div} with a Python number).
     *
     * @param other the divisor
     * @return a new floating tensor
     */
    public Tensor div(double other) {
        return ElementwiseGrad.div(this, other);
    }

    /**
     * {@code -this} elementwise ({@code torch.neg}).
     *
     * @return a new tensor of the same dtype
     * @throws IllegalArgumentException if this tensor is bool
     */
    public Tensor neg() {
        return Unary.NEG.apply(this);
    }

    /**
     * {@code |this|} elementwise ({@code torch.abs}).
     *
     * @return a new tensor of the same dtype
     */
    public Tensor abs() {
        return Unary.ABS.apply(this);
    }

    /**
     * {@code this ** exponent} elementwise ({@code torch.pow}); {@code x ** 2} is computed as {@code x * x}.
     *
     * @param exponent the power
     * @return a new tensor; integer tensors stay integer for an integral exponent
     * @throws IllegalArgumentException if an integer tensor is raised to a negative integral power
     */
    public Tensor pow(double exponent) {
        return ElementwiseGrad.pow(this, exponent);
    }

    /**
     * {@code this ** exponent} elementwise, with broadcasting and type promotion ({@code torch.pow}).
     *
     * @param exponent the powers
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor pow(Tensor exponent) {
        return ElementwiseGrad.pow(this, exponent);
    }

    /**
     * Square root elementwise ({@code torch.sqrt}); integer inputs give float32.
     *
     * @return a new floating tensor
     */
    public Tensor sqrt() {
        return Unary.SQRT.apply(this);
    }

    /**
     * {@code e ** this} elementwise ({@code torch.exp}); integer inputs give float32.
     *
     * @return a new floating tensor
     */
    public Tensor exp() {
        return Unary.EXP.apply(this);
    }

    /**
     * Natural logarithm elementwise ({@code torch.log}); integer inputs give float32.
     *
     * @return a new floating tensor
     */
    public Tensor log() {
        return Unary.LOG.apply(this);
    }

    /**
     * {@code 1 / (1 + exp(-this))} elementwise ({@code torch.sigmoid}); integer inputs give float32.
     *
     * @return a new floating tensor
     */
    public Tensor sigmoid() {
        return Unary.SIGMOID.apply(this);
    }

    /**
     * Hyperbolic tangent elementwise ({@code torch.tanh}); integer inputs give float32.
     *
     * @return a new floating tensor
     */
    public Tensor tanh() {
        return Unary.TANH.apply(this);
    }

    /**
     * {@code max(this, 0)} elementwise, NaN kept ({@code torch.relu}).
     *
     * @return a new tensor of the same dtype
     */
    public Tensor relu() {
        return Unary.RELU.apply(this);
    }

    /**
     * {@code torch.sin}, with its gradient cos(x).
     *
     * @return a new tensor of the same shape
     */
    public Tensor sin() {
        return Unary.SIN.apply(this);
    }

    /**
     * {@code torch.cos}, with its gradient -sin(x).
     *
     * @return a new tensor of the same shape
     */
    public Tensor cos() {
        return Unary.COS.apply(this);
    }

    /**
     * {@code torch.erf}, the Gauss error function, with its gradient 2/sqrt(pi) e^(-x^2).
     *
     * @return a new tensor of the same shape
     */
    public Tensor erf() {
        return Unary.ERF.apply(this);
    }

    /**
     * {@code torch.expm1}: e^x - 1, accurate near 0.
     *
     * @return a new tensor of the same shape
     */
    public Tensor expm1() {
        return Unary.EXPM1.apply(this);
    }

    /**
     * {@code torch.log1p}: log(1 + x), accurate near 0.
     *
     * @return a new tensor of the same shape
     */
    public Tensor log1p() {
        return Unary.LOG1P.apply(this);
    }

    /**
     * {@code torch.floor}, same dtype; its gradient is zero.
     *
     * @return a new tensor of the same shape
     */
    public Tensor floor() {
        return Unary.FLOOR.apply(this);
    }

    /**
     * {@code torch.ceil}, same dtype; its gradient is zero.
     *
     * @return a new tensor of the same shape
     */
    public Tensor ceil() {
        return Unary.CEIL.apply(this);
    }

    /**
     * {@code torch.round}: halves to even, same dtype; its gradient is zero.
     *
     * @return a new tensor of the same shape
     */
    public Tensor round() {
        return Unary.ROUND.apply(this);
    }

    /**
     * {@code torch.trunc}: towards zero, same dtype; its gradient is zero.
     *
     * @return a new tensor of the same shape
     */
    public Tensor trunc() {
        return Unary.TRUNC.apply(this);
    }

    /**
     * {@code torch.sign}: -1, 0 or 1 (0 for NaN), same dtype; its gradient is zero.
     *
     * @return a new tensor of the same shape
     */
    public Tensor sign() {
        return Unary.SIGN.apply(this);
    }

    /**
     * {@code torch.isnan}: true where an element is NaN; not differentiable.
     *
     * @return a bool tensor of the same shape
     */
    public Tensor isnan() {
        return of(data.isnan());
    }

    /**
     * {@code torch.isinf}: true where an element is infinite; not differentiable.
     *
     * @return a bool tensor of the same shape
     */
    public Tensor isinf() {
        return of(data.isinf());
    }

    /**
     * {@code torch.rsub(x, other)}: {@code other - this}, PyTorch's {@code 1 - x} as {@code x.rsub(1)}.
     *
     * @param other the number this tensor is subtracted from
     * @return a new tensor
     */
    public Tensor rsub(double other) {
        return ElementwiseGrad.rsub(this, other);
    }

    /**
     * {@code torch.rsub(x, other)}: {@code other - this}, broadcast.
     *
     * @param other the tensor this one is subtracted from
     * @return a new tensor of the broadcast shape
     */
    public Tensor rsub(Tensor other) {
        return other.sub(this);
    }

    /**
     * Each element limited to {@code [min, max]} ({@code torch.clamp}); an infinite bound does not limit.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return a new tensor (float32 for an integer tensor with a fractional bound)
     */
    public Tensor clamp(double min, double max) {
        return ElementwiseGrad.clamp(this, min, max);
    }

    /**
     * Each element limited to at least {@code min} ({@code torch.clamp(min=min)}).
     *
     * @param min the lower bound
     * @return a new tensor
     */
    public Tensor clampMin(double min) {
        return ElementwiseGrad.clampMin(this, min);
    }

    /**
     * Each element limited to at most {@code max} ({@code torch.clamp(max=max)}).
     *
     * @param max the upper bound
     * @return a new tensor
     */
    public Tensor clampMax(double max) {
        return ElementwiseGrad.clampMax(this, max);
    }

    /**
     * The elementwise maximum, with broadcasting; NaN propagates ({@code torch.maximum}).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor maximum(Tensor other) {
        return ElementwiseGrad.maximum(this, other);
    }

    /**
     * The elementwise minimum, with broadcasting; NaN propagates ({@code torch.minimum}).
     *
     * @param other the other operand
     * @return a new tensor of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor minimum(Tensor other) {
        return ElementwiseGrad.minimum(this, other);
    }

    /**
     * {@code condition ? a : b} elementwise, broadcasting all three ({@code torch.where}). Differentiable in {@code a}
     * and {@code b}.
     *
     * @param condition the bool condition
     * @param a the values where {@code condition} is true
     * @param b the values where {@code condition} is false
     * @return a new tensor of the broadcast shape and the promoted dtype of {@code a} and {@code b}
     * @throws IllegalArgumentException if {@code condition} is not bool or the shapes don't broadcast
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        return ElementwiseGrad.where(condition, a, b);
    }

    // Comparisons and logic give bool tensors, which have no gradient.

    /**
     * {@code this == other} elementwise, with broadcasting ({@code torch.eq}). Not differentiable: the result has no
     * history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor eq(Tensor other) {
        return of(data.eq(other.data));
    }

    /**
     * {@code this == other} elementwise ({@code torch.eq} with a number). Not differentiable: the result has no
     * history.
     *
     * @param other the number to compare with
     * @return a new bool tensor
     */
    public Tensor eq(double other) {
        return of(data.eq(other));
    }

    /**
     * {@code this != other} elementwise, with broadcasting ({@code torch.ne}). Not differentiable: the result has no
     * history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor ne(Tensor other) {
        return of(data.ne(other.data));
    }

    /**
     * {@code this != other} elementwise ({@code torch.ne} with a number). Not differentiable: the result has no
     * history.
     *
     * @param other the number to compare with
     * @return a new bool tensor
     */
    public Tensor ne(double other) {
        return of(data.ne(other));
    }

    /**
     * {@code this < other} elementwise, with broadcasting ({@code torch.lt}). Not differentiable: the result has no
     * history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor lt(Tensor other) {
        return of(data.lt(other.data));
    }

    /**
     * {@code this < other} elementwise ({@code torch.lt} with a number). Not differentiable: the result has no history.
     *
     * @param other the number to compare with
     * @return a new bool tensor
     */
    public Tensor lt(double other) {
        return of(data.lt(other));
    }

    /**
     * {@code this <= other} elementwise, with broadcasting ({@code torch.le}). Not differentiable: the result has no
     * history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor le(Tensor other) {
        return of(data.le(other.data));
    }

    /**
     * {@code this <= other} elementwise ({@code torch.le} with a number). Not differentiable: the result has no
     * history.
     *
     * @param other the number to compare with
     * @return a new bool tensor
     */
    public Tensor le(double other) {
        return of(data.le(other));
    }

    /**
     * {@code this > other} elementwise, with broadcasting ({@code torch.gt}). Not differentiable: the result has no
     * history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor gt(Tensor other) {
        return of(data.gt(other.data));
    }

    /**
     * {@code this > other} elementwise ({@code torch.gt} with a number). Not differentiable: the result has no history.
     *
     * @param other the number to compare with
     * @return a new bool tensor
     */
    public Tensor gt(double other) {
        return of(data.gt(other));
    }

    /**
     * {@code this >= other} elementwise, with broadcasting ({@code torch.ge}). Not differentiable: the result has no
     * history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor ge(Tensor other) {
        return of(data.ge(other.data));
    }

    /**
     * {@code this >= other} elementwise ({@code torch.ge} with a number). Not differentiable: the result has no
     * history.
     *
     * @param other the number to compare with
     * @return a new bool tensor
     */
    public Tensor ge(double other) {
        return of(data.ge(other));
    }

    /**
     * Elementwise logical and, nonzero being true, with broadcasting ({@code torch.logical_and}). Not differentiable:
     * the result has no history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor logicalAnd(Tensor other) {
        return of(data.logicalAnd(other.data));
    }

    /**
     * Elementwise logical or, nonzero being true, with broadcasting ({@code torch.logical_or}). Not differentiable: the
     * result has no history.
     *
     * @param other the other operand
     * @return a new bool tensor of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public Tensor logicalOr(Tensor other) {
        return of(data.logicalOr(other.data));
    }

    /**
     * Elementwise logical not: true where an element is zero ({@code torch.logical_not}). Not differentiable: the
     * result has no history.
     *
     * @return a new bool tensor
     */
    public Tensor logicalNot() {
        return of(data.logicalNot());
    }

    // ---------------------------------------------------------------- in place

    /**
     * {@code this += other} in place ({@code Tensor.add_}); {@code other} broadcasts to this shape. Under autograd
     * (grad mode on and this tensor or an operand requiring grad) the write is recorded as PyTorch records an in-place
     * op: backward sees the out-of-place op applied to the old value.
     *
     * @param other the other operand
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or the result dtype can't be
     *     cast to this one (a float result into an integer tensor)
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor add_(Tensor other) {
        return AutogradMeta.inplace(this, () -> data.add_(other.data), t -> t.add(other), false, other);
    }

    /**
     * {@code this += other} in place ({@code Tensor.add_} with a number). Under autograd (grad mode on and this tensor
     * or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the
     * out-of-place op applied to the old value.
     *
     * @param other the number to add
     * @return this tensor
     * @throws IllegalArgumentException if the result dtype can't be cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor add_(double other) {
        return AutogradMeta.inplace(this, () -> data.add_(other), t -> t.add(other), false);
    }

    /**
     * {@code this += alpha * other} in place ({@code Tensor.add_(other, alpha=alpha)}). Under autograd (grad mode on
     * and this tensor or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward
     * sees the out-of-place op applied to the old value.
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or the result dtype can't be
     *     cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor add_(Tensor other, double alpha) {
        return AutogradMeta.inplace(this, () -> data.add_(other.data, alpha), t -> t.add(other, alpha), false, other);
    }

    /**
     * {@code this -= other} in place ({@code Tensor.sub_}). Under autograd (grad mode on and this tensor or an operand
     * requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the out-of-place op
     * applied to the old value.
     *
     * @param other the other operand
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, an operand is bool, or the
     *     result dtype can't be cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor sub_(Tensor other) {
        return AutogradMeta.inplace(this, () -> data.sub_(other.data), t -> t.sub(other), false, other);
    }

    /**
     * {@code this -= other} in place ({@code Tensor.sub_} with a number). Under autograd (grad mode on and this tensor
     * or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the
     * out-of-place op applied to the old value.
     *
     * @param other the number to subtract
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is bool, or the result dtype can't be cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor sub_(double other) {
        return AutogradMeta.inplace(this, () -> data.sub_(other), t -> t.sub(other), false);
    }

    /**
     * {@code this -= alpha * other} in place ({@code Tensor.sub_(other, alpha=alpha)}). Under autograd (grad mode on
     * and this tensor or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward
     * sees the out-of-place op applied to the old value.
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, an operand is bool, or the
     *     result dtype can't be cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor sub_(Tensor other, double alpha) {
        return AutogradMeta.inplace(this, () -> data.sub_(other.data, alpha), t -> t.sub(other, alpha), false, other);
    }

    /**
     * {@code this *= other} in place ({@code Tensor.mul_}). Under autograd (grad mode on and this tensor or an operand
     * requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the out-of-place op
     * applied to the old value.
     *
     * @param other the other operand
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or the result dtype can't be
     *     cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor mul_(Tensor other) {
        return AutogradMeta.inplace(this, () -> data.mul_(other.data), t -> t.mul(other), true, other);
    }

    /**
     * {@code this *= other} in place ({@code Tensor.mul_} with a number). Under autograd (grad mode on and this tensor
     * or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the
     * out-of-place op applied to the old value.
     *
     * @param other the multiplier
     * @return this tensor
     * @throws IllegalArgumentException if the result dtype can't be cast to this one
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor mul_(double other) {
        return AutogradMeta.inplace(this, () -> data.mul_(other), t -> t.mul(other), false);
    }

    /**
     * {@code this /= other} in place, true division ({@code Tensor.div_}). Under autograd (grad mode on and this tensor
     * or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the
     * out-of-place op applied to the old value.
     *
     * @param other the divisor
     * @return this tensor
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or this tensor is not
     *     floating (the quotient can't be cast to an integer dtype)
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor div_(Tensor other) {
        return AutogradMeta.inplace(this, () -> data.div_(other.data), t -> t.div(other), true, other);
    }

    /**
     * {@code this /= other} in place, true division ({@code Tensor.div_} with a number). Under autograd (grad mode on
     * and this tensor or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward
     * sees the out-of-place op applied to the old value.
     *
     * @param other the divisor
     * @return this tensor
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor div_(double other) {
        return AutogradMeta.inplace(this, () -> data.div_(other), t -> t.div(other), false);
    }

    /**
     * Each element limited to {@code [min, max]}, in place ({@code Tensor.clamp_}). Under autograd (grad mode on and
     * this tensor or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward sees
     * the out-of-place op applied to the old value.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this tensor
     * @throws IllegalArgumentException if the result dtype can't be cast to this one (a fractional bound on an integer
     *     tensor)
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor clamp_(double min, double max) {
        return AutogradMeta.inplace(this, () -> data.clamp_(min, max), t -> t.clamp(min, max), true);
    }

    /**
     * Sets every element to {@code value}, converted to this dtype ({@code Tensor.fill_}). Under autograd (grad mode on
     * and this tensor or an operand requiring grad) the write is recorded as PyTorch records an in-place op: backward
     * sees the out-of-place op applied to the old value.
     *
     * @param value the fill value
     * @return this tensor
     * @throws IllegalArgumentException if several elements share memory (an expanded view)
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor fill_(double value) {
        return AutogradMeta.inplace(this, () -> data.fill_(value), t -> CopyGrad.filled(t, value), false);
    }

    /**
     * Sets every element to zero ({@code Tensor.zero_}). Under autograd (grad mode on and this tensor or an operand
     * requiring grad) the write is recorded as PyTorch records an in-place op: backward sees the out-of-place op
     * applied to the old value.
     *
     * @return this tensor
     * @throws IllegalArgumentException if several elements share memory (an expanded view)
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor zero_() {
        return AutogradMeta.inplace(this, data::zero_, t -> CopyGrad.zeroed(t), false);
    }

    /**
     * Copies {@code src}, broadcast to this shape and converted to this dtype, into this tensor ({@code Tensor.copy_}).
     * Under autograd (grad mode on and this tensor or an operand requiring grad) the write is recorded as PyTorch
     * records an in-place op: backward sees the out-of-place op applied to the old value.
     *
     * @param src the values to copy; it may overlap this tensor
     * @return this tensor
     * @throws IllegalArgumentException if {@code src} does not broadcast to this shape, or several elements of this
     *     tensor share memory
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor copy_(Tensor src) {
        return AutogradMeta.inplace(this, () -> data.copy_(src.data), t -> CopyGrad.copied(t, src), false, src);
    }

    /**
     * Writes {@code src} at {@code index} along {@code dim} ({@code Tensor.scatter_}): for dim 0,
     * {@code self[index[i][j]][j] = src[i][j]}. With repeated indices, which write wins is unspecified in PyTorch.
     * Under autograd (grad mode on and this tensor or an operand requiring grad) the write is recorded as PyTorch
     * records an in-place op: backward sees the out-of-place op applied to the old value.
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this tensor's rank and no larger than it outside {@code dim}
     * @param src the values, of this dtype and at least the shape of {@code index}
     * @return this tensor
     * @throws IllegalArgumentException if the index is not int64, the ranks or sizes don't fit, or the dtypes differ
     * @throws IndexOutOfBoundsException if an index is out of range
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        return AutogradMeta.inplace(
                this,
                () -> data.scatter_(dim, index.data, src.data),
                t -> IndexingGrad.scattered(t, dim, index, src),
                false,
                src);
    }

    /**
     * {@code x.scatter_add_(dim, index, src)}: adds src at index along dim, repeated indices adding up;
     * differentiable in self and src.
     *
     * @param dim the dim to scatter along
     * @param index int64 indices, of src's shape
     * @param src the values to add
     * @return this tensor
     */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
        return AutogradMeta.inplace(
                this,
                () -> data.scatterAdd_(dim, index.data, src.data),
                t -> IndexingGrad.scatterAdded(t, dim, index, src),
                false,
                src);
    }

    /**
     * {@code x.sqrt_()}: the square root in place, recorded as sqrt when it needs a gradient.
     *
     * @return this tensor
     */
    public Tensor sqrt_() {
        return AutogradMeta.inplace(this, () -> data.sqrt_(), Tensor::sqrt, false);
    }

    /**
     * Writes {@code value} at {@code index} along {@code dim} ({@code Tensor.scatter_(dim, index, value)}, the one-hot
     * idiom). Under autograd (grad mode on and this tensor or an operand requiring grad) the write is recorded as
     * PyTorch records an in-place op: backward sees the out-of-place op applied to the old value.
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this tensor's rank and no larger than it outside {@code dim}
     * @param value the value to write, converted to this dtype
     * @return this tensor
     * @throws IllegalArgumentException if the index is not int64 or its rank or sizes don't fit
     * @throws IndexOutOfBoundsException if an index is out of range
     * @throws IllegalStateException if autograd records the write and this tensor is a leaf that requires grad, or a
     *     view of one
     */
    public Tensor scatter_(int dim, Tensor index, double value) {
        return AutogradMeta.inplace(
                this,
                () -> data.scatter_(dim, index.data, value),
                t -> IndexingGrad.scattered(t, dim, index, value),
                false);
    }

    // ---------------------------------------------------------------- reductions

    /**
     * The sum of all elements as a 0-dim tensor ({@code torch.sum}); floating tensors keep their dtype, integer and
     * bool ones give int64.
     *
     * @return a new 0-dim tensor
     */
    public Tensor sum() {
        return ReductionsGrad.sum(this);
    }

    /**
     * The sums along {@code dim}, which is removed ({@code torch.sum(input, dim)}); integer and bool tensors give
     * int64.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new tensor with one dim fewer
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor sum(int dim) {
        return ReductionsGrad.sum(this, new int[] {dim}, false);
    }

    /**
     * The sums along {@code dim} ({@code torch.sum(input, dim, keepdim)}); integer and bool tensors give int64.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new tensor
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor sum(int dim, boolean keepdim) {
        return ReductionsGrad.sum(this, new int[] {dim}, keepdim);
    }

    /**
     * The sums over several dims ({@code torch.sum(input, dims, keepdim)}); an empty {@code dims} reduces all of them.
     * Integer and bool tensors give int64.
     *
     * @param dims the dims to reduce; negative values count from the end
     * @param keepdim whether to keep the reduced dims with size 1
     * @return a new tensor
     * @throws IllegalArgumentException if a dim is repeated
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Tensor sum(int[] dims, boolean keepdim) {
        return ReductionsGrad.sum(this, dims.clone(), keepdim);
    }

    /**
     * The mean of all elements as a 0-dim tensor ({@code torch.mean}); NaN for an empty tensor.
     *
     * @return a new 0-dim tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     */
    public Tensor mean() {
        return ReductionsGrad.mean(this);
    }

    /**
     * The means along {@code dim}, which is removed ({@code torch.mean(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new tensor with one dim fewer
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor mean(int dim) {
        return ReductionsGrad.mean(this, new int[] {dim}, false);
    }

    /**
     * The means along {@code dim} ({@code torch.mean(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new tensor
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor mean(int dim, boolean keepdim) {
        return ReductionsGrad.mean(this, new int[] {dim}, keepdim);
    }

    /**
     * The means over several dims ({@code torch.mean(input, dims, keepdim)}); an empty {@code dims} reduces all.
     *
     * @param dims the dims to reduce; negative values count from the end
     * @param keepdim whether to keep the reduced dims with size 1
     * @return a new tensor
     * @throws IllegalArgumentException if this tensor is not floating or a dim is repeated
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Tensor mean(int[] dims, boolean keepdim) {
        return ReductionsGrad.mean(this, dims.clone(), keepdim);
    }

    /**
     * The product of all elements as a 0-dim tensor ({@code torch.prod}); integer and bool tensors give int64.
     *
     * @return a new 0-dim tensor
     */
    public Tensor prod() {
        return ReductionsGrad.prod(this);
    }

    /**
     * The products along {@code dim} ({@code torch.prod(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new tensor
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor prod(int dim, boolean keepdim) {
        return ReductionsGrad.prod(this, dim, keepdim);
    }

    /**
     * {@code torch.sort(x)}: along the last dim, ascending; the values are differentiable.
     *
     * @return the sorted values and their int64 indices
     */
    public ValuesIndices<Tensor> sort() {
        return sort(-1, false);
    }

    /**
     * {@code torch.sort(x, dim)}, ascending.
     *
     * @param dim the dim to sort along
     * @return the sorted values and their int64 indices
     */
    public ValuesIndices<Tensor> sort(int dim) {
        return sort(dim, false);
    }

    /**
     * {@code torch.sort(x, dim, descending)}: stable, NaN above every number.
     *
     * @param dim the dim to sort along
     * @param descending largest first
     * @return the sorted values and their int64 indices
     */
    public ValuesIndices<Tensor> sort(int dim, boolean descending) {
        return SortingGrad.sort(this, dim, descending);
    }

    /**
     * {@code torch.argsort(x)}: not differentiable.
     *
     * @return int64 indices that sort the last dim ascending
     */
    public Tensor argsort() {
        return of(data.argsort());
    }

    /**
     * {@code torch.argsort(x, dim)}.
     *
     * @param dim the dim to sort along
     * @return int64 indices
     */
    public Tensor argsort(int dim) {
        return of(data.argsort(dim));
    }

    /**
     * {@code torch.argsort(x, dim, descending)}.
     *
     * @param dim the dim to sort along
     * @param descending largest first
     * @return int64 indices
     */
    public Tensor argsort(int dim, boolean descending) {
        return of(data.argsort(dim, descending));
    }

    /**
     * {@code torch.topk(x, k)}: the k largest along the last dim.
     *
     * @param k how many
     * @return the values (differentiable) and their int64 indices
     */
    public ValuesIndices<Tensor> topk(int k) {
        return topk(k, -1, true, true);
    }

    /**
     * {@code torch.topk(x, k, dim)}.
     *
     * @param k how many
     * @param dim the dim to select along
     * @return the values and their int64 indices
     */
    public ValuesIndices<Tensor> topk(int k, int dim) {
        return topk(k, dim, true, true);
    }

    /**
     * {@code torch.topk(x, k, dim, largest, sorted)}; the result is always sorted.
     *
     * @param k how many
     * @param dim the dim to select along
     * @param largest the largest rather than the smallest
     * @param sorted PyTorch's flag; sorted either way
     * @return the values and their int64 indices
     * @throws IllegalArgumentException if k is negative or above the dim's size
     */
    public ValuesIndices<Tensor> topk(int k, int dim, boolean largest, boolean sorted) {
        return SortingGrad.topk(this, k, dim, largest, sorted);
    }

    /**
     * {@code torch.cumsum(x, dim)}: running sums (integer input gives int64).
     *
     * @param dim the dim to accumulate along
     * @return a new tensor of the same shape
     */
    public Tensor cumsum(int dim) {
        return ScansGrad.cumsum(this, dim);
    }

    /**
     * {@code torch.cumprod(x, dim)}: running products; its gradient is exact with zeros in x.
     *
     * @param dim the dim to accumulate along
     * @return a new tensor of the same shape
     */
    public Tensor cumprod(int dim) {
        return ScansGrad.cumprod(this, dim);
    }

    /**
     * {@code torch.norm(x)}: the 2-norm of all elements; its gradient is x / norm (0 at a zero norm).
     *
     * @return a 0-dim tensor
     */
    public Tensor norm() {
        return NormsGrad.norm(this, 2, null, false);
    }

    /**
     * {@code torch.norm(x, p)} over all elements; p may be 0, 1, 2, any positive number or +-infinity.
     *
     * @param p the order
     * @return a 0-dim tensor
     */
    public Tensor norm(double p) {
        return NormsGrad.norm(this, p, null, false);
    }

    /**
     * {@code torch.norm(x, p, dim, keepdim)}.
     *
     * @param p the order
     * @param dim the dim to reduce
     * @param keepdim keep the reduced dim with size 1
     * @return the norms
     */
    public Tensor norm(double p, int dim, boolean keepdim) {
        return NormsGrad.norm(this, p, dim, keepdim);
    }

    /**
     * {@code torch.any(x)}: whether any element is non-zero.
     *
     * @return a 0-dim bool tensor
     */
    public Tensor any() {
        return ReductionsGrad.bool(data.any());
    }

    /**
     * {@code torch.any(x, dim)}.
     *
     * @param dim the dim to reduce
     * @return a bool tensor
     */
    public Tensor any(int dim) {
        return ReductionsGrad.bool(data.any(dim));
    }

    /**
     * {@code torch.any(x, dim, keepdim)}.
     *
     * @param dim the dim to reduce
     * @param keepdim keep the reduced dim with size 1
     * @return a bool tensor
     */
    public Tensor any(int dim, boolean keepdim) {
        return ReductionsGrad.bool(data.any(dim, keepdim));
    }

    /**
     * {@code torch.all(x)}: whether every element is non-zero.
     *
     * @return a 0-dim bool tensor
     */
    public Tensor all() {
        return ReductionsGrad.bool(data.all());
    }

    /**
     * {@code torch.all(x, dim)}.
     *
     * @param dim the dim to reduce
     * @return a bool tensor
     */
    public Tensor all(int dim) {
        return ReductionsGrad.bool(data.all(dim));
    }

    /**
     * {@code torch.all(x, dim, keepdim)}.
     *
     * @param dim the dim to reduce
     * @param keepdim keep the reduced dim with size 1
     * @return a bool tensor
     */
    public Tensor all(int dim, boolean keepdim) {
        return ReductionsGrad.bool(data.all(dim, keepdim));
    }

    /**
     * {@code x.masked_fill(mask, value)}: value where mask is true; the gradient flows where it is false.
     *
     * @param mask a bool tensor broadcastable with this one
     * @param value the fill value
     * @return a new tensor of this tensor's dtype
     * @throws IllegalArgumentException if mask is not bool
     */
    public Tensor maskedFill(Tensor mask, double value) {
        return IndexingGrad.maskedFill(this, mask, value);
    }

    /**
     * {@code torch.tril(x)}: the lower triangle of the last two dims.
     *
     * @return a new tensor of the same shape
     */
    public Tensor tril() {
        return ShapeOpsGrad.triangle(this, 0, true);
    }

    /**
     * {@code torch.tril(x, diagonal)}.
     *
     * @param diagonal 0 the main diagonal, positive above, negative below
     * @return a new tensor of the same shape
     */
    public Tensor tril(int diagonal) {
        return ShapeOpsGrad.triangle(this, diagonal, true);
    }

    /**
     * {@code torch.triu(x)}: the upper triangle of the last two dims.
     *
     * @return a new tensor of the same shape
     */
    public Tensor triu() {
        return ShapeOpsGrad.triangle(this, 0, false);
    }

    /**
     * {@code torch.triu(x, diagonal)}.
     *
     * @param diagonal 0 the main diagonal, positive above, negative below
     * @return a new tensor of the same shape
     */
    public Tensor triu(int diagonal) {
        return ShapeOpsGrad.triangle(this, diagonal, false);
    }

    /**
     * {@code torch.flip(x, dims)}: a copy reversed along each given dim.
     *
     * @param dims the dims to reverse
     * @return a new tensor of the same shape
     */
    public Tensor flip(int... dims) {
        return ShapeOpsGrad.flip(this, dims.clone());
    }

    /**
     * {@code x.repeat(*sizes)}: x tiled sizes[i] times along dim i; the gradient adds up the tiles.
     *
     * @param sizes the repeat count per dim, at least as many as this tensor has dims
     * @return a new tensor
     */
    public Tensor repeat(int... sizes) {
        return ShapeOpsGrad.repeat(this, sizes.clone());
    }

    /**
     * The largest element as a 0-dim tensor of this dtype ({@code torch.max(input)}); NaN if there is one.
     * Differentiable: tied extremes share the gradient equally, as in PyTorch.
     *
     * @return a new 0-dim tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor max() {
        return ReductionsGrad.extreme(this, true);
    }

    /**
     * The smallest element as a 0-dim tensor of this dtype ({@code torch.min(input)}); NaN if there is one.
     * Differentiable: tied extremes share the gradient equally, as in PyTorch.
     *
     * @return a new 0-dim tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor min() {
        return ReductionsGrad.extreme(this, false);
    }

    /**
     * The largest values along {@code dim} and the index of the first of each ({@code torch.max(input, dim)}); NaN
     * counts as the largest. The dim is removed. The values are differentiable (the gradient goes to the element each
     * index names); the indices are not.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<Tensor> max(int dim) {
        return ReductionsGrad.extreme(this, dim, false, true);
    }

    /**
     * The largest values along {@code dim} and the index of the first of each ({@code torch.max(input, dim, keepdim)}).
     * The values are differentiable (the gradient goes to the element each index names); the indices are not.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<Tensor> max(int dim, boolean keepdim) {
        return ReductionsGrad.extreme(this, dim, keepdim, true);
    }

    /**
     * The smallest values along {@code dim} and the index of the first of each ({@code torch.min(input, dim)}); NaN
     * counts as the smallest. The dim is removed. The values are differentiable (the gradient goes to the element each
     * index names); the indices are not.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<Tensor> min(int dim) {
        return ReductionsGrad.extreme(this, dim, false, false);
    }

    /**
     * The smallest values along {@code dim} and the index of the first of each
     * ({@code torch.min(input, dim, keepdim)}). The values are differentiable (the gradient goes to the element each
     * index names); the indices are not.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<Tensor> min(int dim, boolean keepdim) {
        return ReductionsGrad.extreme(this, dim, keepdim, false);
    }

    /**
     * The index of the first maximum in the flattened tensor, as a 0-dim int64 tensor ({@code torch.argmax}); NaN
     * counts as the maximum. Not differentiable: the result has no history.
     *
     * @return a new 0-dim int64 tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor argmax() {
        return of(data.argmax());
    }

    /**
     * The index of the first maximum along {@code dim}, which is removed ({@code torch.argmax(input, dim)}). Not
     * differentiable: the result has no history.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new int64 tensor
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor argmax(int dim) {
        return of(data.argmax(dim));
    }

    /**
     * The index of the first maximum along {@code dim} ({@code torch.argmax(input, dim, keepdim)}). Not differentiable:
     * the result has no history.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new int64 tensor
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor argmax(int dim, boolean keepdim) {
        return of(data.argmax(dim, keepdim));
    }

    /**
     * The index of the first minimum in the flattened tensor, as a 0-dim int64 tensor ({@code torch.argmin}); NaN
     * counts as the minimum. Not differentiable: the result has no history.
     *
     * @return a new 0-dim int64 tensor
     * @throws IllegalArgumentException if the tensor is empty
     */
    public Tensor argmin() {
        return of(data.argmin());
    }

    /**
     * The index of the first minimum along {@code dim}, which is removed ({@code torch.argmin(input, dim)}). Not
     * differentiable: the result has no history.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new int64 tensor
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor argmin(int dim) {
        return of(data.argmin(dim));
    }

    /**
     * The index of the first minimum along {@code dim} ({@code torch.argmin(input, dim, keepdim)}). Not differentiable:
     * the result has no history.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new int64 tensor
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor argmin(int dim, boolean keepdim) {
        return of(data.argmin(dim, keepdim));
    }

    /**
     * The standard deviation of all elements with Bessel's correction ({@code torch.std}); NaN for fewer than 2
     * elements.
     *
     * @return a new 0-dim tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     */
    public Tensor std() {
        return RowOpsGrad.variance(this, null, true, false, true);
    }

    /**
     * The standard deviations along {@code dim}, with Bessel's correction; the dim is removed
     * ({@code torch.std(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor std(int dim) {
        return RowOpsGrad.variance(this, dim, true, false, true);
    }

    /**
     * The standard deviations along {@code dim} ({@code torch.std(input, dim, unbiased, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param unbiased whether to divide by {@code n - 1} (Bessel's correction) rather than {@code n}
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor std(int dim, boolean unbiased, boolean keepdim) {
        return RowOpsGrad.variance(this, dim, unbiased, keepdim, true);
    }

    /**
     * The variance of all elements with Bessel's correction ({@code torch.var}); NaN for fewer than 2 elements.
     *
     * @return a new 0-dim tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     */
    public Tensor var() {
        return RowOpsGrad.variance(this, null, true, false, false);
    }

    /**
     * The variances along {@code dim}, with Bessel's correction; the dim is removed ({@code torch.var(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor var(int dim) {
        return RowOpsGrad.variance(this, dim, true, false, false);
    }

    /**
     * The variances along {@code dim} ({@code torch.var(input, dim, unbiased, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param unbiased whether to divide by {@code n - 1} (Bessel's correction) rather than {@code n}
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new tensor of this dtype
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor var(int dim, boolean unbiased, boolean keepdim) {
        return RowOpsGrad.variance(this, dim, unbiased, keepdim, false);
    }

    /**
     * {@code log(sum(exp(x)))} along {@code dim}, computed stably; the dim is removed ({@code torch.logsumexp}).
     * Integer tensors give float32.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new floating tensor
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor logsumexp(int dim) {
        return RowOpsGrad.logsumexp(this, dim, false);
    }

    /**
     * {@code log(sum(exp(x)))} along {@code dim}, computed stably ({@code torch.logsumexp(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new floating tensor
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return RowOpsGrad.logsumexp(this, dim, keepdim);
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * The matrix product with PyTorch's rules ({@code torch.matmul}): 1-d by 1-d is a dot product, a 1-d operand gets a
     * dim prepended (left) or appended (right) and removed again, and batch dims broadcast:
     * {@code [..., n, k] @ [..., k, m] -> [..., n, m]}.
     *
     * @param other the right operand, of this dtype
     * @return a new tensor
     * @throws IllegalArgumentException if an operand is 0-dim, the inner sizes differ, the batch dims don't broadcast,
     *     or the dtypes differ
     */
    public Tensor matmul(Tensor other) {
        return LinAlgGrad.matmul(this, other);
    }

    /**
     * The product of two matrices, {@code [n, k] @ [k, m] -> [n, m]} ({@code torch.mm}).
     *
     * @param other the right matrix, of this dtype
     * @return a new {@code [n, m]} tensor
     * @throws IllegalArgumentException if an operand is not 2-d, the inner sizes differ, or the dtypes differ
     */
    public Tensor mm(Tensor other) {
        return LinAlgGrad.mm(this, other);
    }

    /**
     * A batch of matrix products, {@code [b, n, k] @ [b, k, m] -> [b, n, m]} ({@code torch.bmm}).
     *
     * @param other the right batch, of this dtype
     * @return a new {@code [b, n, m]} tensor
     * @throws IllegalArgumentException if an operand is not 3-d, the sizes don't match, or the dtypes differ
     */
    public Tensor bmm(Tensor other) {
        return LinAlgGrad.bmm(this, other);
    }

    /**
     * The dot product of two 1-d tensors of the same length and dtype ({@code torch.dot}).
     *
     * @param other the other vector
     * @return a new 0-dim tensor
     * @throws IllegalArgumentException if an operand is not 1-d, the lengths differ, or the dtypes differ
     */
    public Tensor dot(Tensor other) {
        return LinAlgGrad.dot(this, other);
    }

    /**
     * The outer product of two 1-d tensors, {@code [n] x [m] -> [n, m]} ({@code torch.outer}).
     *
     * @param other the other vector
     * @return a new {@code [n, m]} tensor of the promoted dtype
     * @throws IllegalArgumentException if an operand is not 1-d
     */
    public Tensor outer(Tensor other) {
        return LinAlgGrad.outer(this, other);
    }

    // ---------------------------------------------------------------- joining and indexing

    /**
     * The tensors joined along an existing dim ({@code torch.cat}), copied into a new tensor of their promoted dtype.
     * As in PyTorch, 1-d empty tensors are skipped.
     *
     * @param tensors the tensors, with equal sizes except along {@code dim}
     * @param dim the dim to join along; negative counts from the end
     * @return a new tensor
     * @throws IllegalArgumentException if the list is empty, a tensor is 0-dim, or the ranks or sizes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Tensor cat(List<Tensor> tensors, int dim) {
        return JoiningGrad.cat(tensors, dim);
    }

    /**
     * The tensors joined along a new dim inserted at {@code dim} ({@code torch.stack}), copied into a new tensor.
     *
     * @param tensors the tensors, all of one shape
     * @param dim the position of the new dim, in {@code [-rank-1, rank]}
     * @return a new tensor with one more dim
     * @throws IllegalArgumentException if the list is empty or the shapes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static Tensor stack(List<Tensor> tensors, int dim) {
        return JoiningGrad.stack(tensors, dim);
    }

    /**
     * Views of consecutive pieces of {@code splitSize} along {@code dim}, the last one possibly shorter
     * ({@code torch.split}). Each piece is a differentiable view.
     *
     * @param splitSize the size of each piece, positive (0 only for an empty dim)
     * @param dim the dim to split; negative counts from the end
     * @return the pieces, views of this tensor
     * @throws IllegalArgumentException if the tensor is 0-dim or {@code splitSize} is invalid
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public List<Tensor> split(int splitSize, int dim) {
        return JoiningGrad.pieces(this, data.split(splitSize, dim), dim);
    }

    /**
     * Views of consecutive pieces of the given sizes along {@code dim} ({@code torch.split} with a list). Each piece is
     * a differentiable view.
     *
     * @param sizes the size of each piece, non-negative, summing to the size of the dim
     * @param dim the dim to split; negative counts from the end
     * @return the pieces, views of this tensor
     * @throws IllegalArgumentException if the tensor is 0-dim or the sizes are invalid
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public List<Tensor> split(int[] sizes, int dim) {
        return JoiningGrad.pieces(this, data.split(sizes, dim), dim);
    }

    /**
     * Views of at most {@code chunks} equal pieces along {@code dim}, the last one possibly shorter
     * ({@code torch.chunk}): pieces of {@code ceil(size / chunks)}. Each piece is a differentiable view.
     *
     * @param chunks the number of pieces wanted, positive
     * @param dim the dim to split; negative counts from the end
     * @return the pieces, views of this tensor
     * @throws IllegalArgumentException if the tensor is 0-dim or {@code chunks} is not positive
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public List<Tensor> chunk(int chunks, int dim) {
        return JoiningGrad.pieces(this, data.chunk(chunks, dim), dim);
    }

    /**
     * The elements at {@code index} along {@code dim} ({@code torch.gather}): for dim 0,
     * {@code out[i][j] = self[index[i][j]][j]}.
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this tensor's rank and no larger than it outside {@code dim}
     * @return a new tensor of the shape of {@code index} and this dtype
     * @throws IllegalArgumentException if the index is not int64 or its rank or sizes don't fit
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Tensor gather(int dim, Tensor index) {
        return IndexingGrad.gather(this, dim, index);
    }

    /**
     * The slices at {@code index} along {@code dim}, copied ({@code torch.index_select}).
     *
     * @param dim the dim to pick from; negative counts from the end
     * @param index a 0-d or 1-d int32 or int64 tensor of positions; negative counts from the end
     * @return a new tensor whose size along {@code dim} is the number of indices
     * @throws IllegalArgumentException if the index has the wrong dtype or more than one dim
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Tensor indexSelect(int dim, Tensor index) {
        return IndexingGrad.indexSelect(this, dim, index);
    }

    /**
     * The elements where {@code mask} is true, in row-major order ({@code torch.masked_select}); the mask broadcasts
     * with this tensor.
     *
     * @param mask a bool tensor
     * @return a new 1-d tensor of this dtype
     * @throws IllegalArgumentException if the mask is not bool or the shapes don't broadcast
     */
    public Tensor maskedSelect(Tensor mask) {
        return IndexingGrad.maskedSelect(this, mask);
    }

    /**
     * {@code exp(x) / sum(exp(x))} along {@code dim} ({@code torch.softmax}).
     *
     * @param dim the dim to normalise; negative counts from the end
     * @return a new tensor of this shape and dtype
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor softmax(int dim) {
        return RowOpsGrad.softmax(this, dim);
    }

    /**
     * {@code x - logsumexp(x)} along {@code dim}, computed stably ({@code torch.log_softmax}).
     *
     * @param dim the dim to normalise; negative counts from the end
     * @return a new tensor of this shape and dtype
     * @throws IllegalArgumentException if this tensor is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor logSoftmax(int dim) {
        return RowOpsGrad.logSoftmax(this, dim);
    }

    // ---------------------------------------------------------------- casting

    /**
     * This tensor converted to {@code dtype} ({@code Tensor.to(dtype)}): this tensor itself when it already has that
     * dtype, else a contiguous copy. Floating to integer truncates toward zero; nonzero becomes true. Differentiable:
     * the gradient is cast back to this dtype.
     *
     * @param dtype the target dtype
     * @return this tensor or a converted copy
     */
    public Tensor to(DType dtype) {
        return CopyGrad.to(this, dtype);
    }

    /**
     * {@code to(FLOAT32)} ({@code Tensor.float()}).
     *
     * @return this tensor or a float32 copy
     */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /**
     * {@code to(FLOAT64)} ({@code Tensor.double()}).
     *
     * @return this tensor or a float64 copy
     */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /**
     * {@code to(INT64)} ({@code Tensor.long()}).
     *
     * @return this tensor or an int64 copy
     */
    public Tensor toLong() {
        return to(DType.INT64);
    }

    /**
     * {@code to(INT32)} ({@code Tensor.int()}).
     *
     * @return this tensor or an int32 copy
     */
    public Tensor toInt() {
        return to(DType.INT32);
    }

    /**
     * {@code to(BOOL)} ({@code Tensor.bool()}).
     *
     * @return this tensor or a bool copy
     */
    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /**
     * {@code to(UINT8)} ({@code Tensor.byte()}).
     *
     * @return this tensor or a uint8 copy
     */
    public Tensor toByte() {
        return to(DType.UINT8);
    }

    // ---------------------------------------------------------------- views

    /**
     * Successive {@link #select} on dims 0, 1, ...: {@code t.get(i, j)} is Python's {@code t[i, j]}, a view.
     * Differentiable; the view shares storage with this tensor, and autograd follows in-place writes to either, as
     * PyTorch does.
     *
     * @param indices one index per leading dim; negative counts from the end
     * @return a view with {@code indices.length} fewer dims
     * @throws IndexOutOfBoundsException if an index is out of range or there are more indices than dims
     */
    public Tensor get(int... indices) {
        return ViewsGrad.get(this, indices);
    }

    /**
     * The slice at {@code index} along {@code dim}, with that dim removed ({@code Tensor.select}); a view.
     * Differentiable; the view shares storage with this tensor, and autograd follows in-place writes to either, as
     * PyTorch does.
     *
     * @param dim the dim; negative counts from the end
     * @param index the position along it; negative counts from the end
     * @return a view with one dim fewer
     * @throws IndexOutOfBoundsException if the tensor is 0-dim, or {@code dim} or {@code index} is out of range
     */
    public Tensor select(int dim, int index) {
        return ViewsGrad.select(this, dim, index);
    }

    /**
     * {@code length} elements along {@code dim} from {@code start} ({@code Tensor.narrow}); a view. Differentiable; the
     * view shares storage with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position; negative counts from the end
     * @param length how many positions
     * @return a view of the same rank
     * @throws IllegalArgumentException if {@code length} is negative
     * @throws IndexOutOfBoundsException if the tensor is 0-dim, or the range does not fit the dim
     */
    public Tensor narrow(int dim, int start, int length) {
        return ViewsGrad.narrow(this, dim, start, length);
    }

    /**
     * Python's {@code t[start:end:step]} along {@code dim}; a view. Bounds behave as in {@link #slice(int, int, int)}.
     * Differentiable; the view shares storage with this tensor, and autograd follows in-place writes to either, as
     * PyTorch does.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position
     * @param end the exclusive end
     * @param step the distance between positions, positive
     * @return a view of the same rank
     * @throws IllegalArgumentException if {@code step} is not positive
     * @throws IndexOutOfBoundsException if the tensor is 0-dim or {@code dim} is out of range
     */
    public Tensor slice(int dim, int start, int end, int step) {
        return ViewsGrad.slice(this, dim, start, end, step);
    }

    /**
     * Python's {@code t[start:end]} along {@code dim}; a view. Negative bounds count from the end and out-of-range ones
     * are clamped, as in Python. Differentiable; the view shares storage with this tensor, and autograd follows
     * in-place writes to either, as PyTorch does.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position
     * @param end the exclusive end
     * @return a view of the same rank
     * @throws IndexOutOfBoundsException if the tensor is 0-dim or {@code dim} is out of range
     */
    public Tensor slice(int dim, int start, int end) {
        return ViewsGrad.slice(this, dim, start, end, 1);
    }

    /**
     * Python's {@code t[start:]} along {@code dim}; a view. Differentiable; the view shares storage with this tensor,
     * and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position; negative counts from the end
     * @return a view of the same rank
     * @throws IndexOutOfBoundsException if the tensor is 0-dim or {@code dim} is out of range
     */
    public Tensor slice(int dim, int start) {
        return ViewsGrad.slice(this, dim, start, Integer.MAX_VALUE, 1);
    }

    /**
     * The same elements with another shape, sharing the storage ({@code Tensor.view}). Differentiable; the view shares
     * storage with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param shape the new shape, which may contain one {@code -1} to be inferred
     * @return a view
     * @throws IllegalArgumentException if the shape does not hold {@link #numel()} elements, or the strides can't
     *     express it without a copy (use {@link #reshape} then)
     */
    public Tensor view(int... shape) {
        return ViewsGrad.view(this, shape);
    }

    /**
     * The same elements with another shape ({@code Tensor.reshape}): a view when the strides allow it, else a
     * contiguous copy. Differentiable.
     *
     * @param shape the new shape, which may contain one {@code -1} to be inferred
     * @return a view or a copy
     * @throws IllegalArgumentException if the shape does not hold {@link #numel()} elements
     */
    public Tensor reshape(int... shape) {
        return ViewsGrad.reshape(this, shape);
    }

    /**
     * This tensor without its size-1 dims ({@code Tensor.squeeze()}); a view. Differentiable; the view shares storage
     * with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @return a view
     */
    public Tensor squeeze() {
        return ViewsGrad.squeeze(this);
    }

    /**
     * This tensor without {@code dim} if its size is 1, else this tensor ({@code Tensor.squeeze(dim)}); a view.
     * Differentiable; the view shares storage with this tensor, and autograd follows in-place writes to either, as
     * PyTorch does.
     *
     * @param dim the dim; negative counts from the end
     * @return a view
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor squeeze(int dim) {
        return ViewsGrad.squeeze(this, dim);
    }

    /**
     * This tensor with a size-1 dim inserted at {@code dim} ({@code Tensor.unsqueeze}); a view. Differentiable; the
     * view shares storage with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param dim the position of the new dim, in {@code [-dim()-1, dim()]}
     * @return a view with one more dim
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public Tensor unsqueeze(int dim) {
        return ViewsGrad.unsqueeze(this, dim);
    }

    /**
     * This tensor with dims {@code dim0} and {@code dim1} swapped ({@code Tensor.transpose}); a view. Differentiable;
     * the view shares storage with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param dim0 one dim; negative counts from the end
     * @param dim1 the other dim
     * @return a view
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Tensor transpose(int dim0, int dim1) {
        return ViewsGrad.transpose(this, dim0, dim1);
    }

    /**
     * The transpose of a matrix ({@code Tensor.t()}); 0-d and 1-d tensors are returned as they are. A view.
     * Differentiable; the view shares storage with this tensor, and autograd follows in-place writes to either, as
     * PyTorch does.
     *
     * @return a view
     * @throws IllegalArgumentException if the tensor has more than 2 dims
     */
    public Tensor t() {
        return ViewsGrad.t(this);
    }

    /**
     * {@code torch.movedim(x, source, destination)}: a view with dim source moved to destination.
     *
     * @param source the dim to move
     * @param destination where it goes
     * @return a view sharing this tensor's storage
     */
    public Tensor movedim(int source, int destination) {
        return ViewsGrad.movedim(this, source, destination);
    }

    /**
     * This tensor with its dims reordered: dim {@code i} of the result is dim {@code dims[i]} of this one
     * ({@code Tensor.permute}); a view. Differentiable; the view shares storage with this tensor, and autograd follows
     * in-place writes to either, as PyTorch does.
     *
     * @param dims a permutation of the dims; negative values count from the end
     * @return a view
     * @throws IllegalArgumentException if {@code dims} has the wrong length or repeats a dim
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Tensor permute(int... dims) {
        return ViewsGrad.permute(this, dims);
    }

    /**
     * This tensor broadcast to {@code sizes} ({@code Tensor.expand}): size-1 dims stretch with stride 0 and new leading
     * dims may be added; {@code -1} keeps a size. A view: don't write to it in place. Differentiable; the view shares
     * storage with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param sizes the target shape
     * @return a view
     * @throws IllegalArgumentException if a non-singleton dim does not match, or there are fewer sizes than dims
     */
    public Tensor expand(int... sizes) {
        return ViewsGrad.expand(this, sizes);
    }

    /**
     * {@link #expand} to the shape of {@code other} ({@code Tensor.expand_as}). Differentiable; the view shares storage
     * with this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param other the tensor whose shape to take
     * @return a view
     * @throws IllegalArgumentException if this tensor does not broadcast to that shape
     */
    public Tensor expandAs(Tensor other) {
        return ViewsGrad.expand(this, other.data.shape().toArray());
    }

    /**
     * {@link #expand} under NumPy's name ({@code torch.broadcast_to}). Differentiable; the view shares storage with
     * this tensor, and autograd follows in-place writes to either, as PyTorch does.
     *
     * @param shape the target shape
     * @return a view
     * @throws IllegalArgumentException if this tensor does not broadcast to that shape
     */
    public Tensor broadcastTo(int... shape) {
        return ViewsGrad.expand(this, shape);
    }

    /**
     * All elements in one dim ({@code Tensor.flatten()}); a 0-dim tensor becomes shape {@code [1]}. A view when the
     * strides allow it, else a copy. Differentiable.
     *
     * @return a 1-d tensor
     */
    public Tensor flatten() {
        return ViewsGrad.flatten(this, 0, -1);
    }

    /**
     * Dims {@code startDim..endDim} (inclusive) merged into one ({@code Tensor.flatten(start_dim, end_dim)}); a view
     * when the strides allow it, else a copy. Differentiable.
     *
     * @param startDim the first dim to merge; negative counts from the end
     * @param endDim the last dim to merge; negative counts from the end
     * @return the flattened tensor
     * @throws IllegalArgumentException if {@code startDim} comes after {@code endDim}
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public Tensor flatten(int startDim, int endDim) {
        return ViewsGrad.flatten(this, startDim, endDim);
    }

    /**
     * This tensor when its elements are already in row-major order, else a contiguous copy ({@code Tensor.contiguous}).
     *
     * @return a contiguous tensor
     */
    public Tensor contiguous() {
        return CopyGrad.contiguous(this);
    }

    /**
     * A contiguous copy with its own storage ({@code Tensor.clone}).
     *
     * @return the copy
     */
    @Override
    public Tensor clone() {
        return CopyGrad.clone(this);
    }

    // ---------------------------------------------------------------- printing

    /**
     * PyTorch's repr without the {@code torch.} prefix, e.g. {@code tensor([1., 2.])}: precision 4, summaries of big
     * tensors, a {@code dtype=} suffix for dtypes other than float32, int64 and bool.
     *
     * @return the repr
     */
    @Override
    public String toString() {
        return data.toString(AutogradMeta.printSuffixes(meta));
    }
}
