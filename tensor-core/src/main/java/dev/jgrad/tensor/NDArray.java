package dev.jgrad.tensor;

import dev.jgrad.tensor.format.TensorFormatter;
import dev.jgrad.tensor.kernel.BinaryOp;
import dev.jgrad.tensor.kernel.UnaryOp;
import java.util.Arrays;
import java.util.List;

/**
 * A strided n-dimensional array with PyTorch's tensor semantics, without autograd: a {@link Storage} plus a
 * {@link DType}, a shape, strides (in elements) and a storage offset, as PyTorch's {@code TensorImpl}.
 *
 * <p>Views ({@link #view}, {@link #select}, {@link #slice}, {@link #transpose}, {@link #expand}, ...) share the storage
 * and never copy. Ops follow PyTorch's broadcasting, type promotion and error messages, and return fresh arrays unless
 * their name ends in an underscore ({@code add_}, {@code fill_}, ...): those write in place and bump the storage's
 * version. Negative dims count from the end, as in Python. Invalid arguments (shapes that don't broadcast, dims out of
 * range, unsupported dtypes) throw {@link IllegalArgumentException} or, for dims and indices out of range,
 * {@link IndexOutOfBoundsException}. A {@code double} operand counts as a Python int when its value is integral, else
 * as a Python float: an int32 array plus {@code 2} stays int32, plus {@code 2.5} gives float32.
 *
 * <p>Start with the factories ({@link #tensor(float[][])}, {@link #zeros(int...)}, {@link #randn(int...)},
 * {@link #arange(long)}); autograd's {@code Tensor} wraps an NDArray and records the ops for backward.
 */
public final class NDArray {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    NDArray(Storage storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /**
     * A new contiguous array whose contents are unspecified ({@code torch.empty}); jgrad zeroes them, as Java does.
     *
     * @param dtype the element type
     * @param shape the sizes of the dims; none gives a 0-dim array
     * @return a new array of that dtype and shape
     * @throws IllegalArgumentException if a size is negative or the shape has more than {@code 2^31-1} elements
     */
    public static NDArray empty(DType dtype, int... shape) {
        Shapes.checkSizes(shape);
        int[] s = shape.clone();
        return new NDArray(Storage.allocate(dtype, Shapes.numel(s)), s, Shapes.contiguousStrides(s), 0);
    }

    private static NDArray contiguousOver(Storage st, int[] shape) {
        return new NDArray(st, shape, Shapes.contiguousStrides(shape), 0);
    }

    int[] shapeRef() {
        return shape;
    }

    int[] stridesRef() {
        return strides;
    }

    /** This array's strides when viewed with the (broadcast-compatible) shape {@code target}. */
    int[] broadcastStrides(int[] target) {
        int[] out = new int[target.length];
        int lead = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[lead + i] = shape[i] == 1 && target[lead + i] != 1 ? 0 : strides[i];
        }
        return out;
    }

    // =================================================================== creation

    /**
     * A 1-d float32 array holding a copy of {@code data} ({@code torch.tensor}).
     *
     * @param data the values
     * @return a new array of shape {@code [data.length]}
     */
    public static NDArray tensor(float[] data) {
        return wrap(data.clone(), data.length);
    }

    /**
     * A 2-d float32 array holding a copy of {@code data} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param data the rows, all of the same length
     * @return a new array of shape {@code [rows, columns]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static NDArray tensor(float[][] data) {
        return Creation.tensor(data);
    }

    /**
     * A 3-d float32 array holding a copy of {@code data} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param data the values, rectangular
     * @return a new array of shape {@code [d0, d1, d2]}
     * @throws IllegalArgumentException if the nested arrays are ragged
     */
    public static NDArray tensor(float[][][] data) {
        return Creation.tensor(data);
    }

    /**
     * A 1-d float64 array holding a copy of {@code data} ({@code torch.tensor} of Python floats with
     * {@code dtype=torch.float64}).
     *
     * @param data the values
     * @return a new array of shape {@code [data.length]}
     */
    public static NDArray tensor(double[] data) {
        return wrap(data.clone(), data.length);
    }

    /**
     * A 2-d float64 array holding a copy of {@code data} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param data the rows, all of the same length
     * @return a new array of shape {@code [rows, columns]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static NDArray tensor(double[][] data) {
        return Creation.tensor(data);
    }

    /**
     * A 1-d int64 array holding a copy of {@code data} ({@code torch.tensor} of Python ints).
     *
     * @param data the values
     * @return a new array of shape {@code [data.length]}
     */
    public static NDArray tensor(long[] data) {
        return wrap(data.clone(), data.length);
    }

    /**
     * A 2-d int64 array holding a copy of {@code data} ({@code torch.tensor}); an empty outer array gives shape
     * {@code [0]}.
     *
     * @param data the rows, all of the same length
     * @return a new array of shape {@code [rows, columns]}
     * @throws IllegalArgumentException if the rows differ in length
     */
    public static NDArray tensor(long[][] data) {
        return Creation.tensor(data);
    }

    /**
     * A 1-d int32 array holding a copy of {@code data} ({@code torch.tensor(..., dtype=torch.int32)}).
     *
     * @param data the values
     * @return a new array of shape {@code [data.length]}
     */
    public static NDArray tensor(int[] data) {
        return wrap(data.clone(), data.length);
    }

    /**
     * A 1-d uint8 array holding a copy of {@code data}; bytes are read as unsigned (0..255), as {@code torch.uint8}.
     *
     * @param data the values
     * @return a new array of shape {@code [data.length]}
     */
    public static NDArray tensor(byte[] data) {
        return wrap(data.clone(), data.length);
    }

    /**
     * A 1-d bool array holding a copy of {@code data} ({@code torch.tensor} of Python bools).
     *
     * @param data the values
     * @return a new array of shape {@code [data.length]}
     */
    public static NDArray tensor(boolean[] data) {
        return wrap(data.clone(), data.length);
    }

    /**
     * A 0-dim float32 array ({@code torch.tensor(value)}).
     *
     * @param value the value, rounded to float
     * @return a new 0-dim array
     */
    public static NDArray scalar(double value) {
        return scalar(value, DType.FLOAT32);
    }

    /**
     * A 0-dim array of the given dtype ({@code torch.tensor(value, dtype=dtype)}).
     *
     * @param value the value, converted to {@code dtype}
     * @param dtype the element type
     * @return a new 0-dim array
     */
    public static NDArray scalar(double value, DType dtype) {
        NDArray t = empty(dtype, new int[0]);
        Access.of(t.storage).setD(0, value);
        return t;
    }

    /**
     * A float32 array that views {@code data} without copying it ({@code torch.from_numpy}): writes to either show in
     * the other.
     *
     * @param data the elements in row-major order
     * @param shape the shape, which may contain one {@code -1} to be inferred
     * @return an array over {@code data}
     * @throws IllegalArgumentException if the shape does not hold {@code data.length} elements
     */
    public static NDArray wrap(float[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    /**
     * A float64 array that views {@code data} without copying it ({@code torch.from_numpy}).
     *
     * @param data the elements in row-major order
     * @param shape the shape, which may contain one {@code -1} to be inferred
     * @return an array over {@code data}
     * @throws IllegalArgumentException if the shape does not hold {@code data.length} elements
     */
    public static NDArray wrap(double[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    /**
     * An int64 array that views {@code data} without copying it ({@code torch.from_numpy}).
     *
     * @param data the elements in row-major order
     * @param shape the shape, which may contain one {@code -1} to be inferred
     * @return an array over {@code data}
     * @throws IllegalArgumentException if the shape does not hold {@code data.length} elements
     */
    public static NDArray wrap(long[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    /**
     * An int32 array that views {@code data} without copying it ({@code torch.from_numpy}).
     *
     * @param data the elements in row-major order
     * @param shape the shape, which may contain one {@code -1} to be inferred
     * @return an array over {@code data}
     * @throws IllegalArgumentException if the shape does not hold {@code data.length} elements
     */
    public static NDArray wrap(int[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    /**
     * A uint8 array that views {@code data} without copying it ({@code torch.from_numpy}); bytes read as unsigned.
     *
     * @param data the elements in row-major order
     * @param shape the shape, which may contain one {@code -1} to be inferred
     * @return an array over {@code data}
     * @throws IllegalArgumentException if the shape does not hold {@code data.length} elements
     */
    public static NDArray wrap(byte[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    /**
     * A bool array that views {@code data} without copying it ({@code torch.from_numpy}).
     *
     * @param data the elements in row-major order
     * @param shape the shape, which may contain one {@code -1} to be inferred
     * @return an array over {@code data}
     * @throws IllegalArgumentException if the shape does not hold {@code data.length} elements
     */
    public static NDArray wrap(boolean[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    /**
     * A float32 array of zeros ({@code torch.zeros}).
     *
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray zeros(int... shape) {
        return empty(DType.FLOAT32, shape);
    }

    /**
     * An array of zeros of the given dtype ({@code torch.zeros(..., dtype=dtype)}).
     *
     * @param dtype the element type
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray zeros(DType dtype, int... shape) {
        return empty(dtype, shape);
    }

    /**
     * A float32 array of ones ({@code torch.ones}).
     *
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray ones(int... shape) {
        return full(DType.FLOAT32, 1, shape);
    }

    /**
     * An array of ones of the given dtype ({@code torch.ones(..., dtype=dtype)}).
     *
     * @param dtype the element type
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /**
     * A float32 array filled with {@code value} ({@code torch.full}).
     *
     * @param value the fill value
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray full(double value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    /**
     * An array of the given dtype filled with {@code value} ({@code torch.full(..., dtype=dtype)}).
     *
     * @param dtype the element type
     * @param value the fill value, converted to {@code dtype}
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray full(DType dtype, double value, int... shape) {
        NDArray t = empty(dtype, shape);
        if (value != 0) {
            t.fillRaw(value);
        }
        return t;
    }

    /**
     * The int64 values {@code 0, 1, ..., end-1} ({@code torch.arange(end)}); empty when {@code end <= 0}.
     *
     * @param end the exclusive upper bound
     * @return a new 1-d int64 array
     * @throws IllegalArgumentException if the range has more than {@code 2^31-1} elements
     */
    public static NDArray arange(long end) {
        return Creation.arange(0, end);
    }

    /**
     * The int64 values {@code start, start+1, ..., end-1} ({@code torch.arange(start, end)}); empty when
     * {@code end <= start}.
     *
     * @param start the first value
     * @param end the exclusive upper bound
     * @return a new 1-d int64 array
     * @throws IllegalArgumentException if the range has more than {@code 2^31-1} elements
     */
    public static NDArray arange(long start, long end) {
        return Creation.arange(start, end);
    }

    /**
     * The float32 values {@code start, start+step, ...} below {@code end} (above it, for a negative step):
     * {@code ceil((end - start) / step)} of them ({@code torch.arange(start, end, step)}).
     *
     * @param start the first value
     * @param end the exclusive bound
     * @param step the increment, nonzero
     * @return a new 1-d float32 array
     * @throws IllegalArgumentException if {@code step} is zero or has the wrong sign, or a bound is not finite
     */
    public static NDArray arange(double start, double end, double step) {
        return Creation.arange(start, end, step);
    }

    /**
     * {@code torch.arange(end, dtype=dtype)}: 0, 1, ..., end - 1 in {@code dtype}.
     *
     * @param end the exclusive upper bound
     * @param dtype the element type of the result
     * @return a 1-d array of {@code max(0, end)} elements
     */
    public static NDArray arange(long end, DType dtype) {
        return Creation.arange(0, end).to(dtype);
    }

    /**
     * {@code torch.arange(start, end, dtype=dtype)}, e.g. {@code arange(0, 2000, DType.FLOAT32)}.
     *
     * @param start the first value
     * @param end the exclusive upper bound
     * @param dtype the element type of the result
     * @return a 1-d array of {@code max(0, end - start)} elements
     */
    public static NDArray arange(long start, long end, DType dtype) {
        return Creation.arange(start, end).to(dtype);
    }

    /**
     * {@code torch.arange(start, end, step, dtype=dtype)}: each value computed in double, then converted.
     *
     * @param start the first value
     * @param end the exclusive bound
     * @param step the nonzero increment
     * @param dtype the element type of the result
     * @return a 1-d array of {@code ceil((end - start) / step)} elements
     * @throws IllegalArgumentException if step is 0, or its sign does not lead from start to end
     */
    public static NDArray arange(double start, double end, double step, DType dtype) {
        return Creation.arange(start, end, step, dtype);
    }

    /**
     * {@code steps} float32 values evenly spaced from {@code start} to {@code end} inclusive ({@code torch.linspace}).
     *
     * @param start the first value
     * @param end the last value
     * @param steps how many values
     * @return a new 1-d float32 array of shape {@code [steps]}
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    public static NDArray linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps);
    }

    /**
     * The {@code n x n} float32 identity matrix ({@code torch.eye(n)}).
     *
     * @param n the number of rows and columns
     * @return a new 2-d array
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static NDArray eye(int n) {
        return eye(n, n);
    }

    /**
     * An {@code n x m} float32 matrix with ones on the diagonal and zeros elsewhere ({@code torch.eye(n, m)}).
     *
     * @param n the number of rows
     * @param m the number of columns
     * @return a new 2-d array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray eye(int n, int m) {
        return Creation.eye(n, m);
    }

    /**
     * Zeros with the shape and dtype of {@code a} ({@code torch.zeros_like}).
     *
     * @param a the array whose shape and dtype to copy
     * @return a new contiguous array
     */
    public static NDArray zerosLike(NDArray a) {
        return empty(a.dtype(), a.shape);
    }

    /**
     * Ones with the shape and dtype of {@code a} ({@code torch.ones_like}).
     *
     * @param a the array whose shape and dtype to copy
     * @return a new contiguous array
     */
    public static NDArray onesLike(NDArray a) {
        return full(a.dtype(), 1, a.shape);
    }

    /**
     * {@code value} with the shape and dtype of {@code a} ({@code torch.full_like}).
     *
     * @param a the array whose shape and dtype to copy
     * @param value the fill value, converted to the dtype of {@code a}
     * @return a new contiguous array
     */
    public static NDArray fullLike(NDArray a, double value) {
        return full(a.dtype(), value, a.shape);
    }

    /**
     * Uniform float32 samples in {@code [0, 1)} from the default generator ({@code torch.rand}).
     *
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray rand(int... shape) {
        return rand(Generator.defaultGenerator(), shape);
    }

    /**
     * Uniform float32 samples in {@code [0, 1)} from {@code g} ({@code torch.rand(..., generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray rand(Generator g, int... shape) {
        NDArray t = zeros(shape);
        g.fillUniform(t.storage.floats());
        return t;
    }

    /**
     * Standard normal float32 samples from the default generator ({@code torch.randn}).
     *
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray randn(int... shape) {
        return randn(Generator.defaultGenerator(), shape);
    }

    /**
     * Standard normal float32 samples from {@code g} ({@code torch.randn(..., generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param shape the sizes of the dims
     * @return a new array
     * @throws IllegalArgumentException if a size is negative
     */
    public static NDArray randn(Generator g, int... shape) {
        NDArray t = zeros(shape);
        g.fillNormal(t.storage.floats());
        return t;
    }

    /**
     * Uniform int64 integers in {@code [low, high)} from the default generator ({@code torch.randint}).
     *
     * @param low the smallest value
     * @param high the exclusive upper bound
     * @param shape the sizes of the dims
     * @return a new int64 array
     * @throws IllegalArgumentException if {@code low >= high} or a size is negative
     */
    public static NDArray randint(long low, long high, int... shape) {
        return randint(Generator.defaultGenerator(), low, high, shape);
    }

    /**
     * Uniform int64 integers in {@code [low, high)} from {@code g} ({@code torch.randint(..., generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param low the smallest value
     * @param high the exclusive upper bound
     * @param shape the sizes of the dims
     * @return a new int64 array
     * @throws IllegalArgumentException if {@code low >= high} or a size is negative
     */
    public static NDArray randint(Generator g, long low, long high, int... shape) {
        return Creation.randint(g, low, high, shape);
    }

    /**
     * A random permutation of {@code 0..n-1} from the default generator, as int64 ({@code torch.randperm}).
     *
     * @param n how many values
     * @return a new 1-d int64 array of shape {@code [n]}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static NDArray randperm(int n) {
        return randperm(Generator.defaultGenerator(), n);
    }

    /**
     * A random permutation of {@code 0..n-1} from {@code g}, as int64 ({@code torch.randperm(n, generator=g)}).
     *
     * @param g the random number generator to draw from
     * @param n how many values
     * @return a new 1-d int64 array of shape {@code [n]}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static NDArray randperm(Generator g, int n) {
        return Creation.randperm(g, n);
    }

    // =================================================================== metadata

    /**
     * The number of dims ({@code Tensor.dim()}); 0 for a scalar.
     *
     * @return the number of dims
     */
    public int dim() {
        return shape.length;
    }

    /**
     * The sizes of the dims ({@code Tensor.shape}).
     *
     * @return the shape
     */
    public Size shape() {
        return Size.of(shape);
    }

    /**
     * The sizes of the dims ({@code Tensor.size()}); the same as {@link #shape()}.
     *
     * @return the shape
     */
    public Size size() {
        return Size.of(shape);
    }

    /**
     * The size of one dim ({@code Tensor.size(d)}).
     *
     * @param d the dim; negative counts from the end
     * @return its size
     * @throws IndexOutOfBoundsException if {@code d} is out of range or the array is 0-dim
     */
    public int size(int d) {
        return shape[checkedDim(d)];
    }

    private int checkedDim(int d) {
        int w = Shapes.wrapDim(d, shape.length);
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("dimension specified as " + d + " but tensor has no dimensions");
        }
        return w;
    }

    /**
     * The number of elements ({@code Tensor.numel()}): the product of the sizes, 1 for a 0-dim array.
     *
     * @return the number of elements
     */
    public int numel() {
        return Shapes.numel(shape);
    }

    /**
     * The element type ({@code Tensor.dtype}).
     *
     * @return the dtype
     */
    public DType dtype() {
        return storage.dtype();
    }

    /**
     * The strides in elements, one per dim ({@code Tensor.stride()}).
     *
     * @return a copy of the strides
     */
    public int[] strides() {
        return strides.clone();
    }

    /**
     * The stride of one dim in elements ({@code Tensor.stride(d)}).
     *
     * @param d the dim; negative counts from the end
     * @return its stride
     * @throws IndexOutOfBoundsException if {@code d} is out of range or the array is 0-dim
     */
    public int stride(int d) {
        return strides[checkedDim(d)];
    }

    /**
     * The index in the storage of the first element ({@code Tensor.storage_offset()}).
     *
     * @return the offset in elements
     */
    public int storageOffset() {
        return offset;
    }

    /**
     * Whether the elements lie in row-major order without gaps ({@code Tensor.is_contiguous()}); size-1 dims may have
     * any stride.
     *
     * @return true when contiguous
     */
    public boolean isContiguous() {
        return Shapes.isContiguous(shape, strides);
    }

    /**
     * The storage this array views, shared with every view of it ({@code Tensor.untyped_storage()}).
     *
     * @return the storage
     */
    public Storage storage() {
        return storage;
    }

    private void checkOneElement() {
        int n = numel();
        if (n != 1) {
            throw new IllegalArgumentException("a Tensor with " + n + " elements cannot be converted to Scalar");
        }
    }

    /**
     * The value of a one-element array, as a double ({@code Tensor.item()}).
     *
     * @return the value
     * @throws IllegalArgumentException if the array does not have exactly one element
     */
    public double item() {
        checkOneElement();
        return Access.of(storage).getD(offset);
    }

    /**
     * The value of a one-element array, as a long; floating values truncate toward zero ({@code int(t.item())}).
     *
     * @return the value
     * @throws IllegalArgumentException if the array does not have exactly one element
     */
    public long itemLong() {
        checkOneElement();
        return Access.of(storage).getL(offset);
    }

    private int elementOffset(int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices for a tensor of dimension "
                    + shape.length + ", but got " + index.length);
        }
        int o = offset;
        for (int d = 0; d < index.length; d++) {
            o += Views.wrapIndex(index[d], d, shape[d]) * strides[d];
        }
        return o;
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
        return Access.of(storage).getD(elementOffset(index));
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
        return Access.of(storage).getL(elementOffset(index));
    }

    /**
     * Writes one element, converted to this dtype, and bumps the storage version ({@code t[i, j, ...] = value}).
     *
     * @param value the new value
     * @param index one index per dim; negative counts from the end
     * @throws IllegalArgumentException if the number of indices is not {@link #dim()}
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public void setDouble(double value, int... index) {
        Access.of(storage).setD(elementOffset(index), value);
        storage.bumpVersion();
    }

    private NDArray contiguousAs(DType t) {
        return to(t).contiguous();
    }

    /**
     * The elements in row-major order, converted to float ({@code t.flatten().tolist()}).
     *
     * @return a new array of {@link #numel()} values
     */
    public float[] toFloatArray() {
        NDArray c = contiguousAs(DType.FLOAT32);
        return c.numel() == 0 ? new float[0] : Arrays.copyOfRange(c.storage.floats(), c.offset, c.offset + c.numel());
    }

    /**
     * The elements in row-major order, converted to double.
     *
     * @return a new array of {@link #numel()} values
     */
    public double[] toDoubleArray() {
        NDArray c = contiguousAs(DType.FLOAT64);
        return c.numel() == 0 ? new double[0] : Arrays.copyOfRange(c.storage.doubles(), c.offset, c.offset + c.numel());
    }

    /**
     * The elements in row-major order, converted to long (floating values truncate toward zero).
     *
     * @return a new array of {@link #numel()} values
     */
    public long[] toLongArray() {
        NDArray c = contiguousAs(DType.INT64);
        return c.numel() == 0 ? new long[0] : Arrays.copyOfRange(c.storage.longs(), c.offset, c.offset + c.numel());
    }

    /**
     * The elements in row-major order, converted to int (floating values truncate toward zero).
     *
     * @return a new array of {@link #numel()} values
     */
    public int[] toIntArray() {
        NDArray c = contiguousAs(DType.INT32);
        return c.numel() == 0 ? new int[0] : Arrays.copyOfRange(c.storage.ints(), c.offset, c.offset + c.numel());
    }

    /**
     * The elements in row-major order as uint8 bytes (integer values wrap modulo 256).
     *
     * @return a new array of {@link #numel()} values
     */
    public byte[] toByteArray() {
        NDArray c = contiguousAs(DType.UINT8);
        return c.numel() == 0 ? new byte[0] : Arrays.copyOfRange(c.storage.bytes(), c.offset, c.offset + c.numel());
    }

    /**
     * The elements in row-major order as booleans (nonzero is true).
     *
     * @return a new array of {@link #numel()} values
     */
    public boolean[] toBooleanArray() {
        NDArray c = contiguousAs(DType.BOOL);
        return c.numel() == 0 ? new boolean[0] : Arrays.copyOfRange(c.storage.bools(), c.offset, c.offset + c.numel());
    }

    /**
     * {@code t.tolist()}: the elements as nested {@link List}s, one level per dim, holding
     * {@link Double} (float dtypes), {@link Long} (integer dtypes) or {@link Boolean} (bool); a 0-dim
     * array gives the bare element, as in PyTorch.
     *
     * @return a {@code List<...List<E>>} nested {@code dim()} deep, or one element for a 0-dim array
     */
    public Object tolist() {
        return Creation.tolist(this);
    }

    /**
     * Whether both have the same shape and equal values after type promotion ({@code torch.equal}); NaN is not equal to
     * itself.
     *
     * @param other the array to compare with
     * @return true when equal
     */
    public boolean equal(NDArray other) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        return Reductions.all(eq(other));
    }

    /**
     * {@link #allclose(NDArray, double, double)} with PyTorch's defaults {@code rtol=1e-5}, {@code atol=1e-8}
     * ({@code torch.allclose}).
     *
     * @param other the array to compare with; it must broadcast with this one
     * @return true when every element is close
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public boolean allclose(NDArray other) {
        return allclose(other, 1e-5, 1e-8);
    }

    /**
     * Whether every element pair is close in the sense of {@link #isclose} ({@code torch.allclose}).
     *
     * @param other the array to compare with; it must broadcast with this one
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return true when every element is close
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public boolean allclose(NDArray other, double rtol, double atol) {
        return Reductions.all(isclose(other, rtol, atol));
    }

    /**
     * Elementwise {@code |a - b| <= atol + rtol * |b|}, computed in double ({@code torch.isclose}); equal infinities
     * are close, NaN is never close.
     *
     * @param other the array to compare with; it must broadcast with this one
     * @param rtol the relative tolerance
     * @param atol the absolute tolerance
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray isclose(NDArray other, double rtol, double atol) {
        return Elementwise.isclose(this, other, rtol, atol);
    }

    // =================================================================== views

    /**
     * Successive {@link #select} on dims 0, 1, ...: {@code t.get(i, j)} is Python's {@code t[i, j]}, a view.
     *
     * @param indices one index per leading dim; negative counts from the end
     * @return a view with {@code indices.length} fewer dims
     * @throws IndexOutOfBoundsException if an index is out of range or there are more indices than dims
     */
    public NDArray get(int... indices) {
        NDArray t = this;
        for (int index : indices) {
            t = t.select(0, index);
        }
        return t;
    }

    /**
     * The slice at {@code index} along {@code dim}, with that dim removed ({@code Tensor.select}); a view.
     *
     * @param dim the dim; negative counts from the end
     * @param index the position along it; negative counts from the end
     * @return a view with one dim fewer
     * @throws IndexOutOfBoundsException if the array is 0-dim, or {@code dim} or {@code index} is out of range
     */
    public NDArray select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    /**
     * {@code length} elements along {@code dim} from {@code start} ({@code Tensor.narrow}); a view.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position; negative counts from the end
     * @param length how many positions
     * @return a view of the same rank
     * @throws IllegalArgumentException if {@code length} is negative
     * @throws IndexOutOfBoundsException if the array is 0-dim, or the range does not fit the dim
     */
    public NDArray narrow(int dim, int start, int length) {
        return Views.narrow(this, dim, start, length);
    }

    /**
     * Python's {@code t[start:end]} along {@code dim}; a view. Negative bounds count from the end and out-of-range ones
     * are clamped, as in Python.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position
     * @param end the exclusive end
     * @return a view of the same rank
     * @throws IndexOutOfBoundsException if the array is 0-dim or {@code dim} is out of range
     */
    public NDArray slice(int dim, int start, int end) {
        return Views.slice(this, dim, start, end, 1);
    }

    /**
     * Python's {@code t[start:end:step]} along {@code dim}; a view. Bounds behave as in {@link #slice(int, int, int)}.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position
     * @param end the exclusive end
     * @param step the distance between positions, positive
     * @return a view of the same rank
     * @throws IllegalArgumentException if {@code step} is not positive
     * @throws IndexOutOfBoundsException if the array is 0-dim or {@code dim} is out of range
     */
    public NDArray slice(int dim, int start, int end, int step) {
        return Views.slice(this, dim, start, end, step);
    }

    /**
     * Python's {@code t[start:]} along {@code dim}; a view.
     *
     * @param dim the dim; negative counts from the end
     * @param start the first position; negative counts from the end
     * @return a view of the same rank
     * @throws IndexOutOfBoundsException if the array is 0-dim or {@code dim} is out of range
     */
    public NDArray slice(int dim, int start) {
        return Views.slice(this, dim, start, Integer.MAX_VALUE, 1);
    }

    /**
     * The same elements with another shape, sharing the storage ({@code Tensor.view}).
     *
     * @param shape the new shape, which may contain one {@code -1} to be inferred
     * @return a view
     * @throws IllegalArgumentException if the shape does not hold {@link #numel()} elements, or the strides can't
     *     express it without a copy (use {@link #reshape} then)
     */
    public NDArray view(int... shape) {
        return Views.view(this, shape);
    }

    /**
     * The same elements with another shape ({@code Tensor.reshape}): a view when the strides allow it, else a
     * contiguous copy.
     *
     * @param shape the new shape, which may contain one {@code -1} to be inferred
     * @return a view or a copy
     * @throws IllegalArgumentException if the shape does not hold {@link #numel()} elements
     */
    public NDArray reshape(int... shape) {
        return Views.reshape(this, shape);
    }

    /**
     * This array without its size-1 dims ({@code Tensor.squeeze()}); a view.
     *
     * @return a view
     */
    public NDArray squeeze() {
        return Views.squeeze(this);
    }

    /**
     * This array without {@code dim} if its size is 1, else this array ({@code Tensor.squeeze(dim)}); a view.
     *
     * @param dim the dim; negative counts from the end
     * @return a view
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    /**
     * This array with a size-1 dim inserted at {@code dim} ({@code Tensor.unsqueeze}); a view.
     *
     * @param dim the position of the new dim, in {@code [-dim()-1, dim()]}
     * @return a view with one more dim
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    /**
     * This array with dims {@code d0} and {@code d1} swapped ({@code Tensor.transpose}); a view.
     *
     * @param d0 one dim; negative counts from the end
     * @param d1 the other dim
     * @return a view
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public NDArray transpose(int d0, int d1) {
        return Views.transpose(this, d0, d1);
    }

    /**
     * The transpose of a matrix ({@code Tensor.t()}); 0-d and 1-d arrays are returned as they are. A view.
     *
     * @return a view
     * @throws IllegalArgumentException if the array has more than 2 dims
     */
    public NDArray t() {
        return Views.t(this);
    }

    /**
     * This array with its dims reordered: dim {@code i} of the result is dim {@code dims[i]} of this one
     * ({@code Tensor.permute}); a view.
     *
     * @param dims a permutation of the dims; negative values count from the end
     * @return a view
     * @throws IllegalArgumentException if {@code dims} has the wrong length or repeats a dim
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public NDArray permute(int... dims) {
        return Views.permute(this, dims);
    }

    /**
     * This array with dim {@code source} moved to position {@code destination}, the others keeping their order
     * ({@code torch.movedim}); a view.
     *
     * @param source the dim to move; negative counts from the end
     * @param destination its new position; negative counts from the end
     * @return a view
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public NDArray movedim(int source, int destination) {
        return Views.movedim(this, source, destination);
    }

    /**
     * This array broadcast to {@code sizes} ({@code Tensor.expand}): size-1 dims stretch with stride 0 and new leading
     * dims may be added; {@code -1} keeps a size. A view: don't write to it in place.
     *
     * @param sizes the target shape
     * @return a view
     * @throws IllegalArgumentException if a non-singleton dim does not match, or there are fewer sizes than dims
     */
    public NDArray expand(int... sizes) {
        return Views.expand(this, sizes);
    }

    /**
     * {@link #expand} to the shape of {@code other} ({@code Tensor.expand_as}).
     *
     * @param other the array whose shape to take
     * @return a view
     * @throws IllegalArgumentException if this array does not broadcast to that shape
     */
    public NDArray expandAs(NDArray other) {
        return expand(other.shape);
    }

    /**
     * {@link #expand} under NumPy's name ({@code torch.broadcast_to}).
     *
     * @param shape the target shape
     * @return a view
     * @throws IllegalArgumentException if this array does not broadcast to that shape
     */
    public NDArray broadcastTo(int... shape) {
        return expand(shape);
    }

    /**
     * All elements in one dim ({@code Tensor.flatten()}); a 0-dim array becomes shape {@code [1]}. A view when the
     * strides allow it, else a copy.
     *
     * @return a 1-d array
     */
    public NDArray flatten() {
        return flatten(0, -1);
    }

    /**
     * Dims {@code startDim..endDim} (inclusive) merged into one ({@code Tensor.flatten(start_dim, end_dim)}); a view
     * when the strides allow it, else a copy.
     *
     * @param startDim the first dim to merge; negative counts from the end
     * @param endDim the last dim to merge; negative counts from the end
     * @return the flattened array
     * @throws IllegalArgumentException if {@code startDim} comes after {@code endDim}
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public NDArray flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    /**
     * This array when its elements are already in row-major order, else a contiguous copy ({@code Tensor.contiguous}).
     *
     * @return a contiguous array
     */
    public NDArray contiguous() {
        return isContiguous() ? this : clone();
    }

    /**
     * A contiguous copy with its own storage ({@code Tensor.clone}).
     *
     * @return the copy
     */
    @Override
    public NDArray clone() {
        NDArray c = empty(dtype(), shape);
        Copy.copy(c, this);
        return c;
    }

    // =================================================================== elementwise

    /**
     * {@code this + other} elementwise, with broadcasting and type promotion ({@code torch.add}).
     *
     * @param other the other operand
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray add(NDArray other) {
        return Elementwise.binary(BinaryOp.ADD, this, other, 1.0);
    }

    /**
     * {@code this + other} ({@code torch.add} with a number; the class comment says how numbers promote).
     *
     * @param other the number to add
     * @return a new array
     */
    public NDArray add(double other) {
        return Elementwise.binaryScalar(BinaryOp.ADD, this, other);
    }

    /**
     * {@code this + alpha * other} elementwise ({@code torch.add(input, other, alpha=alpha)}).
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast, or {@code alpha} is fractional for integer
     *     operands
     */
    public NDArray add(NDArray other, double alpha) {
        return Elementwise.binary(BinaryOp.ADD, this, other, alpha);
    }

    /**
     * {@code this - other} elementwise, with broadcasting and type promotion ({@code torch.sub}).
     *
     * @param other the other operand
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast, or an operand is bool
     */
    public NDArray sub(NDArray other) {
        return Elementwise.binary(BinaryOp.SUB, this, other, 1.0);
    }

    /**
     * {@code this - other} ({@code torch.sub} with a Python number).
     *
     * @param other the number to subtract
     * @return a new array
     * @throws IllegalArgumentException if this array is bool
     */
    public NDArray sub(double other) {
        return Elementwise.binaryScalar(BinaryOp.SUB, this, other);
    }

    /**
     * {@code this - alpha * other} elementwise ({@code torch.sub(input, other, alpha=alpha)}).
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast, an operand is bool, or {@code alpha} is
     *     fractional for integer operands
     */
    public NDArray sub(NDArray other, double alpha) {
        return Elementwise.binary(BinaryOp.SUB, this, other, alpha);
    }

    /**
     * {@code this * other} elementwise, with broadcasting and type promotion ({@code torch.mul}).
     *
     * @param other the other operand
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray mul(NDArray other) {
        return Elementwise.binary(BinaryOp.MUL, this, other, 1.0);
    }

    /**
     * {@code this * other} ({@code torch.mul} with a Python number).
     *
     * @param other the multiplier
     * @return a new array
     */
    public NDArray mul(double other) {
        return Elementwise.binaryScalar(BinaryOp.MUL, this, other);
    }

    /**
     * {@code this / other} elementwise, true division: integer operands give float32 ({@code torch.div}).
     *
     * @param other the divisor
     * @return a new floating array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray div(NDArray other) {
        return Elementwise.binary(BinaryOp.DIV, this, other, 1.0);
    }

    /**
     * {@code this / other}, true division ({@code torch.div} with a Python number).
     *
     * @param other the divisor
     * @return a new floating array
     */
    public NDArray div(double other) {
        return Elementwise.binaryScalar(BinaryOp.DIV, this, other);
    }

    /**
     * {@code -this} elementwise ({@code torch.neg}).
     *
     * @return a new array of the same dtype
     * @throws IllegalArgumentException if this array is bool
     */
    public NDArray neg() {
        return Elementwise.unary(UnaryOp.NEG, this, null);
    }

    /**
     * {@code |this|} elementwise ({@code torch.abs}).
     *
     * @return a new array of the same dtype
     */
    public NDArray abs() {
        return Elementwise.unary(UnaryOp.ABS, this, null);
    }

    /**
     * {@code this ** exponent} elementwise ({@code torch.pow}); {@code x ** 2} is computed as {@code x * x}.
     *
     * @param exponent the power
     * @return a new array; integer arrays stay integer for an integral exponent
     * @throws IllegalArgumentException if an integer array is raised to a negative integral power
     */
    public NDArray pow(double exponent) {
        checkIntegerPower(exponent);
        return Elementwise.binaryScalar(BinaryOp.POW, this, exponent);
    }

    /**
     * {@code this ** exponent} elementwise, with broadcasting and type promotion ({@code torch.pow}).
     *
     * @param exponent the powers
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray pow(NDArray exponent) {
        return Elementwise.binary(BinaryOp.POW, this, exponent, 1.0);
    }

    private void checkIntegerPower(double exponent) {
        if (!dtype().isFloatingPoint() && Promotion.isIntegral(exponent) && exponent < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
    }

    /**
     * Square root elementwise ({@code torch.sqrt}); integer inputs give float32.
     *
     * @return a new floating array
     */
    public NDArray sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this, null);
    }

    /**
     * {@code e ** this} elementwise ({@code torch.exp}); integer inputs give float32.
     *
     * @return a new floating array
     */
    public NDArray exp() {
        return Elementwise.unary(UnaryOp.EXP, this, null);
    }

    /**
     * Natural logarithm elementwise ({@code torch.log}); integer inputs give float32.
     *
     * @return a new floating array
     */
    public NDArray log() {
        return Elementwise.unary(UnaryOp.LOG, this, null);
    }

    /**
     * {@code 1 / (1 + exp(-this))} elementwise ({@code torch.sigmoid}); integer inputs give float32.
     *
     * @return a new floating array
     */
    public NDArray sigmoid() {
        return Elementwise.unary(UnaryOp.SIGMOID, this, null);
    }

    /**
     * Hyperbolic tangent elementwise ({@code torch.tanh}); integer inputs give float32.
     *
     * @return a new floating array
     */
    public NDArray tanh() {
        return Elementwise.unary(UnaryOp.TANH, this, null);
    }

    /**
     * {@code max(this, 0)} elementwise, NaN kept ({@code torch.relu}).
     *
     * @return a new array of the same dtype
     */
    public NDArray relu() {
        return Elementwise.unary(UnaryOp.RELU, this, null);
    }

    /**
     * {@code torch.sin}: the sine, elementwise; integer input gives float32.
     *
     * @return a new array of the same shape
     */
    public NDArray sin() {
        return Elementwise.unary(UnaryOp.SIN, this, null);
    }

    /**
     * {@code torch.cos}: the cosine, elementwise; integer input gives float32.
     *
     * @return a new array of the same shape
     */
    public NDArray cos() {
        return Elementwise.unary(UnaryOp.COS, this, null);
    }

    /**
     * {@code torch.erf}: the Gauss error function, elementwise; integer input gives float32.
     *
     * @return a new array of the same shape
     */
    public NDArray erf() {
        return Elementwise.unary(UnaryOp.ERF, this, null);
    }

    /**
     * {@code torch.expm1}: e^x - 1, accurate near 0; integer input gives float32.
     *
     * @return a new array of the same shape
     */
    public NDArray expm1() {
        return Elementwise.unary(UnaryOp.EXPM1, this, null);
    }

    /**
     * {@code torch.log1p}: log(1 + x), accurate near 0; integer input gives float32.
     *
     * @return a new array of the same shape
     */
    public NDArray log1p() {
        return Elementwise.unary(UnaryOp.LOG1P, this, null);
    }

    /**
     * {@code torch.floor}: the largest integer not above x, in the same dtype (integers are copied).
     *
     * @return a new array of the same shape
     */
    public NDArray floor() {
        return Elementwise.unary(UnaryOp.FLOOR, this, null);
    }

    /**
     * {@code torch.ceil}: the smallest integer not below x, in the same dtype (integers are copied).
     *
     * @return a new array of the same shape
     */
    public NDArray ceil() {
        return Elementwise.unary(UnaryOp.CEIL, this, null);
    }

    /**
     * {@code torch.round}: the nearest integer, halves to even (0.5 gives 0, 1.5 gives 2), in the same dtype.
     *
     * @return a new array of the same shape
     */
    public NDArray round() {
        return Elementwise.unary(UnaryOp.ROUND, this, null);
    }

    /**
     * {@code torch.trunc}: x rounded towards zero, in the same dtype (integers are copied).
     *
     * @return a new array of the same shape
     */
    public NDArray trunc() {
        return Elementwise.unary(UnaryOp.TRUNC, this, null);
    }

    /**
     * {@code torch.sign}: -1, 0 or 1 in the same dtype; NaN and -0.0 give 0.
     *
     * @return a new array of the same shape
     */
    public NDArray sign() {
        return Elementwise.unary(UnaryOp.SIGN, this, null);
    }

    /**
     * {@code torch.isnan}: true where an element is NaN; integer and bool arrays have none.
     *
     * @return a bool array of the same shape
     */
    public NDArray isnan() {
        return dtype().isFloatingPoint() ? ne(this) : zeros(DType.BOOL, shapeRef());
    }

    /**
     * {@code torch.isinf}: true where an element is +inf or -inf; integer and bool arrays have none.
     *
     * @return a bool array of the same shape
     */
    public NDArray isinf() {
        return dtype().isFloatingPoint() ? abs().eq(Double.POSITIVE_INFINITY) : zeros(DType.BOOL, shapeRef());
    }

    /**
     * {@code torch.rsub(x, other)}: {@code other - this}, e.g. {@code x.rsub(1)} for PyTorch's {@code 1 - x}.
     *
     * @param other the number this array is subtracted from
     * @return a new array, in the promoted dtype
     * @throws IllegalArgumentException for a bool array, as PyTorch's subtraction
     */
    public NDArray rsub(double other) {
        DType common = Promotion.resultType(this, other);
        return Elementwise.binary(BinaryOp.SUB, scalar(other, common), this, common, 1.0, null);
    }

    /**
     * {@code torch.rsub(x, other)}: {@code other - this}, broadcast.
     *
     * @param other the array this one is subtracted from
     * @return a new array of the broadcast shape, in the promoted dtype
     */
    public NDArray rsub(NDArray other) {
        return other.sub(this);
    }

    /**
     * Each element limited to {@code [min, max]} ({@code torch.clamp}); an infinite bound does not limit.
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return a new array (float32 for an integer array with a fractional bound)
     */
    public NDArray clamp(double min, double max) {
        return Elementwise.clamp(this, min, max, null);
    }

    /**
     * Each element limited to at least {@code min} ({@code torch.clamp(min=min)}).
     *
     * @param min the lower bound
     * @return a new array
     */
    public NDArray clampMin(double min) {
        return Elementwise.clamp(this, min, Double.POSITIVE_INFINITY, null);
    }

    /**
     * Each element limited to at most {@code max} ({@code torch.clamp(max=max)}).
     *
     * @param max the upper bound
     * @return a new array
     */
    public NDArray clampMax(double max) {
        return Elementwise.clamp(this, Double.NEGATIVE_INFINITY, max, null);
    }

    /**
     * The elementwise maximum, with broadcasting; NaN propagates ({@code torch.maximum}).
     *
     * @param other the other operand
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray maximum(NDArray other) {
        return Elementwise.binary(BinaryOp.MAXIMUM, this, other, 1.0);
    }

    /**
     * The elementwise minimum, with broadcasting; NaN propagates ({@code torch.minimum}).
     *
     * @param other the other operand
     * @return a new array of the broadcast shape and promoted dtype
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray minimum(NDArray other) {
        return Elementwise.binary(BinaryOp.MINIMUM, this, other, 1.0);
    }

    /**
     * {@code this == other} elementwise, with broadcasting ({@code torch.eq}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray eq(NDArray other) {
        return Elementwise.binary(BinaryOp.EQ, this, other, 1.0);
    }

    /**
     * {@code this == other} elementwise ({@code torch.eq} with a number).
     *
     * @param other the number to compare with
     * @return a new bool array
     */
    public NDArray eq(double other) {
        return Elementwise.binaryScalar(BinaryOp.EQ, this, other);
    }

    /**
     * {@code this != other} elementwise, with broadcasting ({@code torch.ne}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray ne(NDArray other) {
        return Elementwise.binary(BinaryOp.NE, this, other, 1.0);
    }

    /**
     * {@code this != other} elementwise ({@code torch.ne} with a number).
     *
     * @param other the number to compare with
     * @return a new bool array
     */
    public NDArray ne(double other) {
        return Elementwise.binaryScalar(BinaryOp.NE, this, other);
    }

    /**
     * {@code this < other} elementwise, with broadcasting ({@code torch.lt}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray lt(NDArray other) {
        return Elementwise.binary(BinaryOp.LT, this, other, 1.0);
    }

    /**
     * {@code this < other} elementwise ({@code torch.lt} with a number).
     *
     * @param other the number to compare with
     * @return a new bool array
     */
    public NDArray lt(double other) {
        return Elementwise.binaryScalar(BinaryOp.LT, this, other);
    }

    /**
     * {@code this <= other} elementwise, with broadcasting ({@code torch.le}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray le(NDArray other) {
        return Elementwise.binary(BinaryOp.LE, this, other, 1.0);
    }

    /**
     * {@code this <= other} elementwise ({@code torch.le} with a number).
     *
     * @param other the number to compare with
     * @return a new bool array
     */
    public NDArray le(double other) {
        return Elementwise.binaryScalar(BinaryOp.LE, this, other);
    }

    /**
     * {@code this > other} elementwise, with broadcasting ({@code torch.gt}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray gt(NDArray other) {
        return Elementwise.binary(BinaryOp.GT, this, other, 1.0);
    }

    /**
     * {@code this > other} elementwise ({@code torch.gt} with a number).
     *
     * @param other the number to compare with
     * @return a new bool array
     */
    public NDArray gt(double other) {
        return Elementwise.binaryScalar(BinaryOp.GT, this, other);
    }

    /**
     * {@code this >= other} elementwise, with broadcasting ({@code torch.ge}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray ge(NDArray other) {
        return Elementwise.binary(BinaryOp.GE, this, other, 1.0);
    }

    /**
     * {@code this >= other} elementwise ({@code torch.ge} with a number).
     *
     * @param other the number to compare with
     * @return a new bool array
     */
    public NDArray ge(double other) {
        return Elementwise.binaryScalar(BinaryOp.GE, this, other);
    }

    /**
     * Elementwise logical and, nonzero being true, with broadcasting ({@code torch.logical_and}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray logicalAnd(NDArray other) {
        return Elementwise.binary(BinaryOp.LOGICAL_AND, this, other, 1.0);
    }

    /**
     * Elementwise logical or, nonzero being true, with broadcasting ({@code torch.logical_or}).
     *
     * @param other the other operand
     * @return a new bool array of the broadcast shape
     * @throws IllegalArgumentException if the shapes don't broadcast
     */
    public NDArray logicalOr(NDArray other) {
        return Elementwise.binary(BinaryOp.LOGICAL_OR, this, other, 1.0);
    }

    /**
     * Elementwise logical not: true where an element is zero ({@code torch.logical_not}).
     *
     * @return a new bool array
     */
    public NDArray logicalNot() {
        return Elementwise.binaryScalar(BinaryOp.EQ, this, 0);
    }

    /**
     * {@code cond ? a : b} elementwise, broadcasting all three ({@code torch.where}).
     *
     * @param cond the bool condition
     * @param a the values where {@code cond} is true
     * @param b the values where {@code cond} is false
     * @return a new array of the broadcast shape and the promoted dtype of {@code a} and {@code b}
     * @throws IllegalArgumentException if {@code cond} is not bool or the shapes don't broadcast
     */
    public static NDArray where(NDArray cond, NDArray a, NDArray b) {
        return Elementwise.where(cond, a, b);
    }

    // =================================================================== in place

    /**
     * {@code this += other} in place ({@code Tensor.add_}); {@code other} broadcasts to this shape.
     *
     * @param other the other operand
     * @return this array
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or the result dtype can't be
     *     cast to this one (a float result into an integer array)
     */
    public NDArray add_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.ADD, this, other, 1.0));
    }

    /**
     * {@code this += other} in place ({@code Tensor.add_} with a number).
     *
     * @param other the number to add
     * @return this array
     * @throws IllegalArgumentException if the result dtype can't be cast to this one
     */
    public NDArray add_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.ADD, this, other));
    }

    /**
     * {@code this += alpha * other} in place ({@code Tensor.add_(other, alpha=alpha)}).
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return this array
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or the result dtype can't be
     *     cast to this one
     */
    public NDArray add_(NDArray other, double alpha) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.ADD, this, other, alpha));
    }

    /**
     * {@code this -= other} in place ({@code Tensor.sub_}).
     *
     * @param other the other operand
     * @return this array
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, an operand is bool, or the
     *     result dtype can't be cast to this one
     */
    public NDArray sub_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.SUB, this, other, 1.0));
    }

    /**
     * {@code this -= other} in place ({@code Tensor.sub_} with a number).
     *
     * @param other the number to subtract
     * @return this array
     * @throws IllegalArgumentException if this array is bool, or the result dtype can't be cast to this one
     */
    public NDArray sub_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.SUB, this, other));
    }

    /**
     * {@code this -= alpha * other} in place ({@code Tensor.sub_(other, alpha=alpha)}).
     *
     * @param other the other operand
     * @param alpha the multiplier of {@code other}
     * @return this array
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, an operand is bool, or the
     *     result dtype can't be cast to this one
     */
    public NDArray sub_(NDArray other, double alpha) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.SUB, this, other, alpha));
    }

    /**
     * {@code this *= other} in place ({@code Tensor.mul_}).
     *
     * @param other the other operand
     * @return this array
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or the result dtype can't be
     *     cast to this one
     */
    public NDArray mul_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.MUL, this, other, 1.0));
    }

    /**
     * {@code this *= other} in place ({@code Tensor.mul_} with a number).
     *
     * @param other the multiplier
     * @return this array
     * @throws IllegalArgumentException if the result dtype can't be cast to this one
     */
    public NDArray mul_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.MUL, this, other));
    }

    /**
     * {@code this /= other} in place, true division ({@code Tensor.div_}).
     *
     * @param other the divisor
     * @return this array
     * @throws IllegalArgumentException if {@code other} does not broadcast to this shape, or this array is not floating
     *     (the quotient can't be cast to an integer dtype)
     */
    public NDArray div_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.DIV, this, other, 1.0));
    }

    /**
     * {@code this /= other} in place, true division ({@code Tensor.div_} with a number).
     *
     * @param other the divisor
     * @return this array
     * @throws IllegalArgumentException if this array is not floating
     */
    public NDArray div_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.DIV, this, other));
    }

    /**
     * Square root in place ({@code Tensor.sqrt_}); optimizers use it to build Adam's denominator without allocating.
     *
     * @return this array
     * @throws IllegalArgumentException if this array is not floating
     */
    public NDArray sqrt_() {
        return bumped(Elementwise.unary(UnaryOp.SQRT, this, this));
    }

    /**
     * {@code torch.maximum(this, other, out=out)}: the elementwise maximum (NaN propagates) written into {@code out},
     * which may be this array (AMSGrad's running max, without allocating). Bumps the version of {@code out}.
     *
     * @param other the other operand
     * @param out the destination, of the broadcast shape
     * @return {@code out}
     * @throws IllegalArgumentException if the shapes don't broadcast to the shape of {@code out}, or the result dtype
     *     can't be cast to its dtype
     */
    public NDArray maximum(NDArray other, NDArray out) {
        Elementwise.binary(BinaryOp.MAXIMUM, this, other, Promotion.resultType(this, other), 1.0, out);
        out.storage.bumpVersion();
        return out;
    }

    /**
     * Each element limited to {@code [min, max]}, in place ({@code Tensor.clamp_}).
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return this array
     * @throws IllegalArgumentException if the result dtype can't be cast to this one (a fractional bound on an integer
     *     array)
     */
    public NDArray clamp_(double min, double max) {
        return bumped(Elementwise.clamp(this, min, max, this));
    }

    /**
     * Sets every element to {@code value}, converted to this dtype ({@code Tensor.fill_}).
     *
     * @param value the fill value
     * @return this array
     * @throws IllegalArgumentException if several elements share memory (an expanded view)
     */
    public NDArray fill_(double value) {
        Elementwise.checkInPlace(this, shape);
        fillRaw(value);
        storage.bumpVersion();
        return this;
    }

    /**
     * Sets every element to zero ({@code Tensor.zero_}).
     *
     * @return this array
     * @throws IllegalArgumentException if several elements share memory (an expanded view)
     */
    public NDArray zero_() {
        return fill_(0);
    }

    /**
     * Copies {@code src}, broadcast to this shape and converted to this dtype, into this array ({@code Tensor.copy_}).
     *
     * @param src the values to copy; it may overlap this array
     * @return this array
     * @throws IllegalArgumentException if {@code src} does not broadcast to this shape, or several elements of this
     *     array share memory
     */
    public NDArray copy_(NDArray src) {
        Elementwise.checkInPlace(this, Shapes.broadcast(shape, src.shape));
        copyFrom(src);
        storage.bumpVersion();
        return this;
    }

    /**
     * Writes {@code src} at {@code index} along {@code dim} ({@code Tensor.scatter_}): for dim 0,
     * {@code self[index[i][j]][j] = src[i][j]}. With repeated indices, which write wins is unspecified in PyTorch.
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this array's rank and no larger than it outside {@code dim}
     * @param src the values, of this dtype and at least the shape of {@code index}
     * @return this array
     * @throws IllegalArgumentException if the index is not int64, the ranks or sizes don't fit, or the dtypes differ
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public NDArray scatter_(int dim, NDArray index, NDArray src) {
        Indexing.scatter(this, dim, index, src, 0);
        storage.bumpVersion();
        return this;
    }

    /**
     * Adds {@code src} at {@code index} along {@code dim}; repeated indices add up ({@code Tensor.scatter_add_}, the
     * backward of {@link #gather}).
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this array's rank and no larger than it outside {@code dim}
     * @param src the values, of this dtype and at least the shape of {@code index}
     * @return this array
     * @throws IllegalArgumentException if the index is not int64, the ranks or sizes don't fit, or the dtypes differ
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public NDArray scatterAdd_(int dim, NDArray index, NDArray src) {
        Indexing.scatterAdd(this, dim, index, src);
        storage.bumpVersion();
        return this;
    }

    /**
     * Writes {@code value} at {@code index} along {@code dim} ({@code Tensor.scatter_(dim, index, value)}, the one-hot
     * idiom).
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this array's rank and no larger than it outside {@code dim}
     * @param value the value to write, converted to this dtype
     * @return this array
     * @throws IllegalArgumentException if the index is not int64 or its rank or sizes don't fit
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public NDArray scatter_(int dim, NDArray index, double value) {
        Indexing.scatter(this, dim, index, null, value);
        storage.bumpVersion();
        return this;
    }

    private NDArray bumped(NDArray result) {
        storage.bumpVersion();
        return result;
    }

    /** Copies into this array without bumping the version (callers that write in place bump it once). */
    void copyFrom(NDArray src) {
        NDArray s = src.storage == storage ? src.clone() : src;
        Copy.copy(this, s);
    }

    private void fillRaw(double value) {
        Copy.copy(this, scalar(value, dtype()));
    }

    // =================================================================== reductions

    /**
     * The sum of all elements as a 0-dim array ({@code torch.sum}); floating arrays keep their dtype, integer and bool
     * ones give int64.
     *
     * @return a new 0-dim array
     */
    public NDArray sum() {
        return Reductions.sum(this, null, false);
    }

    /**
     * The sums along {@code dim}, which is removed ({@code torch.sum(input, dim)}); integer and bool arrays give int64.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new array with one dim fewer
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray sum(int dim) {
        return Reductions.sum(this, new int[] {dim}, false);
    }

    /**
     * The sums along {@code dim} ({@code torch.sum(input, dim, keepdim)}); integer and bool arrays give int64.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new array
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    /**
     * The sums over several dims ({@code torch.sum(input, dims, keepdim)}); an empty {@code dims} reduces all of them.
     * Integer and bool arrays give int64.
     *
     * @param dims the dims to reduce; negative values count from the end
     * @param keepdim whether to keep the reduced dims with size 1
     * @return a new array
     * @throws IllegalArgumentException if a dim is repeated
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public NDArray sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    /**
     * The mean of all elements as a 0-dim array ({@code torch.mean}); NaN for an empty array.
     *
     * @return a new 0-dim array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     */
    public NDArray mean() {
        return Reductions.mean(this, null, false);
    }

    /**
     * The means along {@code dim}, which is removed ({@code torch.mean(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new array with one dim fewer
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray mean(int dim) {
        return Reductions.mean(this, new int[] {dim}, false);
    }

    /**
     * The means along {@code dim} ({@code torch.mean(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new array
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    /**
     * The means over several dims ({@code torch.mean(input, dims, keepdim)}); an empty {@code dims} reduces all.
     *
     * @param dims the dims to reduce; negative values count from the end
     * @param keepdim whether to keep the reduced dims with size 1
     * @return a new array
     * @throws IllegalArgumentException if this array is not floating or a dim is repeated
     * @throws IndexOutOfBoundsException if a dim is out of range
     */
    public NDArray mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    /**
     * The product of all elements as a 0-dim array ({@code torch.prod}); integer and bool arrays give int64.
     *
     * @return a new 0-dim array
     */
    public NDArray prod() {
        return Reductions.prod(this, null, false);
    }

    /**
     * The products along {@code dim}, which is removed ({@code torch.prod(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new array with one dim fewer
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray prod(int dim) {
        return Reductions.prod(this, new int[] {dim}, false);
    }

    /**
     * The products along {@code dim} ({@code torch.prod(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new array
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray prod(int dim, boolean keepdim) {
        return Reductions.prod(this, new int[] {dim}, keepdim);
    }

    /**
     * {@code torch.sort(x)}: sorted along the last dim, ascending.
     *
     * @return the sorted values and their int64 indices in the input
     */
    public ValuesIndices<NDArray> sort() {
        return Sorting.sort(this, -1, false);
    }

    /**
     * {@code torch.sort(x, dim)}, ascending.
     *
     * @param dim the dim to sort along (negative counts from the end)
     * @return the sorted values and their int64 indices in the input
     */
    public ValuesIndices<NDArray> sort(int dim) {
        return Sorting.sort(this, dim, false);
    }

    /**
     * {@code torch.sort(x, dim, descending)}: a stable sort; NaN sorts above every number, so it
     * comes last ascending and first descending, as in PyTorch.
     *
     * @param dim the dim to sort along
     * @param descending largest first
     * @return the sorted values and their int64 indices in the input
     */
    public ValuesIndices<NDArray> sort(int dim, boolean descending) {
        return Sorting.sort(this, dim, descending);
    }

    /**
     * {@code torch.argsort(x)}: the indices that sort the last dim ascending.
     *
     * @return int64 indices of the same shape
     */
    public NDArray argsort() {
        return Sorting.sort(this, -1, false).indices();
    }

    /**
     * {@code torch.argsort(x, dim)}.
     *
     * @param dim the dim to sort along
     * @return int64 indices of the same shape
     */
    public NDArray argsort(int dim) {
        return Sorting.sort(this, dim, false).indices();
    }

    /**
     * {@code torch.argsort(x, dim, descending)}.
     *
     * @param dim the dim to sort along
     * @param descending largest first
     * @return int64 indices of the same shape
     */
    public NDArray argsort(int dim, boolean descending) {
        return Sorting.sort(this, dim, descending).indices();
    }

    /**
     * {@code torch.topk(x, k)}: the k largest along the last dim, largest first.
     *
     * @param k how many
     * @return the values and their int64 indices
     * @throws IllegalArgumentException if k is negative or above the dim's size
     */
    public ValuesIndices<NDArray> topk(int k) {
        return Sorting.topk(this, k, -1, true, true);
    }

    /**
     * {@code torch.topk(x, k, dim)}.
     *
     * @param k how many
     * @param dim the dim to select along
     * @return the values and their int64 indices
     * @throws IllegalArgumentException if k is negative or above the dim's size
     */
    public ValuesIndices<NDArray> topk(int k, int dim) {
        return Sorting.topk(this, k, dim, true, true);
    }

    /**
     * {@code torch.topk(x, k, dim, largest, sorted)}: the k largest (or smallest), in order; jgrad
     * always returns them sorted, which {@code sorted=false} allows.
     *
     * @param k how many
     * @param dim the dim to select along
     * @param largest the largest rather than the smallest
     * @param sorted PyTorch's flag; the result is sorted either way
     * @return the values and their int64 indices
     * @throws IllegalArgumentException if k is negative or above the dim's size
     */
    public ValuesIndices<NDArray> topk(int k, int dim, boolean largest, boolean sorted) {
        return Sorting.topk(this, k, dim, largest, sorted);
    }

    /**
     * {@code torch.cumsum(x, dim)}: running sums, accumulated in double for floating types; integer
     * and bool input give int64, as in PyTorch.
     *
     * @param dim the dim to accumulate along
     * @return a new array of the same shape
     */
    public NDArray cumsum(int dim) {
        return Scans.cumsum(this, dim);
    }

    /**
     * {@code torch.cumprod(x, dim)}: running products; integer and bool input give int64.
     *
     * @param dim the dim to accumulate along
     * @return a new array of the same shape
     */
    public NDArray cumprod(int dim) {
        return Scans.cumprod(this, dim);
    }

    /**
     * The gradient of {@code input.cumprod(dim)} given this array, the gradient of its output: exact
     * with zeros in the input (PyTorch's {@code cumprod_backward}); autograd's derivative.
     *
     * @param input the input of the cumprod, of this array's shape
     * @param dim the dim of the cumprod
     * @return the gradient with respect to input
     * @throws IllegalArgumentException if the shapes differ
     */
    public NDArray cumprodBackward(NDArray input, int dim) {
        return Scans.cumprodBackward(this, input, dim);
    }

    /**
     * {@code torch.norm(x)}: the 2-norm of all elements (Frobenius for a matrix).
     *
     * @return a 0-dim array of the same floating dtype
     * @throws IllegalArgumentException for integer or bool input, as torch.linalg.vector_norm
     */
    public NDArray norm() {
        return Norms.norm(this, 2, null, false);
    }

    /**
     * {@code torch.norm(x, p)}: (sum |x|^p)^(1/p) over all elements; p may be 0 (the count of
     * non-zeros), 1, 2, any positive number, or +-infinity (the largest or smallest |x|).
     *
     * @param p the order
     * @return a 0-dim array of the same floating dtype
     * @throws IllegalArgumentException for integer or bool input
     */
    public NDArray norm(double p) {
        return Norms.norm(this, p, null, false);
    }

    /**
     * {@code torch.norm(x, p, dim, keepdim)}: the p-norm along one dim.
     *
     * @param p the order, as in {@link #norm(double)}
     * @param dim the dim to reduce
     * @param keepdim keep the reduced dim with size 1
     * @return the norms, of the input's floating dtype
     * @throws IllegalArgumentException for integer or bool input
     */
    public NDArray norm(double p, int dim, boolean keepdim) {
        return Norms.norm(this, p, new int[] {dim}, keepdim);
    }

    /**
     * {@code torch.any(x)}: whether any element is non-zero (NaN counts as non-zero); false when empty.
     *
     * @return a 0-dim bool array
     */
    public NDArray any() {
        return nonzeroMask().toLong().sum().gt(0);
    }

    /**
     * {@code torch.any(x, dim)}.
     *
     * @param dim the dim to reduce
     * @return a bool array without that dim
     */
    public NDArray any(int dim) {
        return any(dim, false);
    }

    /**
     * {@code torch.any(x, dim, keepdim)}.
     *
     * @param dim the dim to reduce
     * @param keepdim keep the reduced dim with size 1
     * @return a bool array
     */
    public NDArray any(int dim, boolean keepdim) {
        return nonzeroMask().toLong().sum(dim, keepdim).gt(0);
    }

    /**
     * {@code torch.all(x)}: whether every element is non-zero; true when empty.
     *
     * @return a 0-dim bool array
     */
    public NDArray all() {
        return nonzeroMask().logicalNot().toLong().sum().eq(0);
    }

    /**
     * {@code torch.all(x, dim)}.
     *
     * @param dim the dim to reduce
     * @return a bool array without that dim
     */
    public NDArray all(int dim) {
        return all(dim, false);
    }

    /**
     * {@code torch.all(x, dim, keepdim)}.
     *
     * @param dim the dim to reduce
     * @param keepdim keep the reduced dim with size 1
     * @return a bool array
     */
    public NDArray all(int dim, boolean keepdim) {
        return nonzeroMask().logicalNot().toLong().sum(dim, keepdim).eq(0);
    }

    private NDArray nonzeroMask() {
        return dtype() == DType.BOOL ? this : ne(0);
    }

    /**
     * {@code x.masked_fill(mask, value)}: value where mask is true, x elsewhere; mask and x broadcast.
     *
     * @param mask a bool array broadcastable with this one
     * @param value the fill value, converted to this array's dtype
     * @return a new array of the broadcast shape and this array's dtype
     * @throws IllegalArgumentException if mask is not bool
     */
    public NDArray maskedFill(NDArray mask, double value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException(
                    "masked_fill_ only supports boolean masks, but got mask with dtype " + mask.dtype());
        }
        return where(mask, scalar(value, dtype()), this);
    }

    /**
     * {@code torch.tril(x)}: the lower triangle of the last two dims (diagonal included), zeros above.
     *
     * @return a new array of the same shape
     * @throws IllegalArgumentException if this array has fewer than 2 dims
     */
    public NDArray tril() {
        return ShapeOps.triangle(this, 0, true);
    }

    /**
     * {@code torch.tril(x, diagonal)}: elements with column - row &lt;= diagonal kept.
     *
     * @param diagonal 0 the main diagonal, positive above it, negative below
     * @return a new array of the same shape
     * @throws IllegalArgumentException if this array has fewer than 2 dims
     */
    public NDArray tril(int diagonal) {
        return ShapeOps.triangle(this, diagonal, true);
    }

    /**
     * {@code torch.triu(x)}: the upper triangle of the last two dims (diagonal included), zeros below.
     *
     * @return a new array of the same shape
     * @throws IllegalArgumentException if this array has fewer than 2 dims
     */
    public NDArray triu() {
        return ShapeOps.triangle(this, 0, false);
    }

    /**
     * {@code torch.triu(x, diagonal)}: elements with column - row &gt;= diagonal kept.
     *
     * @param diagonal 0 the main diagonal, positive above it, negative below
     * @return a new array of the same shape
     * @throws IllegalArgumentException if this array has fewer than 2 dims
     */
    public NDArray triu(int diagonal) {
        return ShapeOps.triangle(this, diagonal, false);
    }

    /**
     * {@code torch.flip(x, dims)}: a copy with the order reversed along each given dim.
     *
     * @param dims the dims to reverse (negative counts from the end), each at most once
     * @return a new array of the same shape
     */
    public NDArray flip(int... dims) {
        return ShapeOps.flip(this, dims);
    }

    /**
     * {@code x.repeat(*sizes)}: x tiled sizes[i] times along dim i (x gets leading 1s when sizes is
     * longer than its shape); a copy, unlike expand.
     *
     * @param sizes the repeat count per dim, at least as many as this array has dims
     * @return a new array of shape sizes[i] * shape[i]
     * @throws IllegalArgumentException if sizes has fewer entries than this array has dims
     */
    public NDArray repeat(int... sizes) {
        return ShapeOps.repeat(this, sizes);
    }

    /**
     * The largest element as a 0-dim array of this dtype ({@code torch.max(input)}); NaN if there is one.
     *
     * @return a new 0-dim array
     * @throws IllegalArgumentException if the array is empty
     */
    public NDArray max() {
        return Reductions.extreme(this, true);
    }

    /**
     * The smallest element as a 0-dim array of this dtype ({@code torch.min(input)}); NaN if there is one.
     *
     * @return a new 0-dim array
     * @throws IllegalArgumentException if the array is empty
     */
    public NDArray min() {
        return Reductions.extreme(this, false);
    }

    /**
     * The largest values along {@code dim} and the index of the first of each ({@code torch.max(input, dim)}); NaN
     * counts as the largest. The dim is removed.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<NDArray> max(int dim) {
        return Reductions.extreme(this, dim, false, true);
    }

    /**
     * The largest values along {@code dim} and the index of the first of each ({@code torch.max(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<NDArray> max(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, true);
    }

    /**
     * The smallest values along {@code dim} and the index of the first of each ({@code torch.min(input, dim)}); NaN
     * counts as the smallest. The dim is removed.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<NDArray> min(int dim) {
        return Reductions.extreme(this, dim, false, false);
    }

    /**
     * The smallest values along {@code dim} and the index of the first of each
     * ({@code torch.min(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return the values (this dtype) and int64 indices
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public ValuesIndices<NDArray> min(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, false);
    }

    /**
     * The index of the first maximum in the flattened array, as a 0-dim int64 array ({@code torch.argmax}); NaN counts
     * as the maximum.
     *
     * @return a new 0-dim int64 array
     * @throws IllegalArgumentException if the array is empty
     */
    public NDArray argmax() {
        return Reductions.argExtreme(this, true);
    }

    /**
     * The index of the first maximum along {@code dim}, which is removed ({@code torch.argmax(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new int64 array
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray argmax(int dim) {
        return Reductions.extreme(this, dim, false, true).indices();
    }

    /**
     * The index of the first maximum along {@code dim} ({@code torch.argmax(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new int64 array
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray argmax(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, true).indices();
    }

    /**
     * The index of the first minimum in the flattened array, as a 0-dim int64 array ({@code torch.argmin}); NaN counts
     * as the minimum.
     *
     * @return a new 0-dim int64 array
     * @throws IllegalArgumentException if the array is empty
     */
    public NDArray argmin() {
        return Reductions.argExtreme(this, false);
    }

    /**
     * The index of the first minimum along {@code dim}, which is removed ({@code torch.argmin(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new int64 array
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray argmin(int dim) {
        return Reductions.extreme(this, dim, false, false).indices();
    }

    /**
     * The index of the first minimum along {@code dim} ({@code torch.argmin(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new int64 array
     * @throws IllegalArgumentException if the dim has size 0
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray argmin(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, false).indices();
    }

    /**
     * The standard deviation of all elements with Bessel's correction ({@code torch.std}); NaN for fewer than 2
     * elements.
     *
     * @return a new 0-dim array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     */
    public NDArray std() {
        return RowOps.std(this, null, true, false);
    }

    /**
     * The standard deviations along {@code dim}, with Bessel's correction; the dim is removed
     * ({@code torch.std(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray std(int dim) {
        return RowOps.std(this, dim, true, false);
    }

    /**
     * The standard deviations along {@code dim} ({@code torch.std(input, dim, unbiased, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param unbiased whether to divide by {@code n - 1} (Bessel's correction) rather than {@code n}
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray std(int dim, boolean unbiased, boolean keepdim) {
        return RowOps.std(this, dim, unbiased, keepdim);
    }

    /**
     * The variance of all elements with Bessel's correction ({@code torch.var}); NaN for fewer than 2 elements.
     *
     * @return a new 0-dim array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     */
    public NDArray var() {
        return RowOps.var(this, null, true, false);
    }

    /**
     * The variances along {@code dim}, with Bessel's correction; the dim is removed ({@code torch.var(input, dim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray var(int dim) {
        return RowOps.var(this, dim, true, false);
    }

    /**
     * The variances along {@code dim} ({@code torch.var(input, dim, unbiased, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param unbiased whether to divide by {@code n - 1} (Bessel's correction) rather than {@code n}
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new array of this dtype
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray var(int dim, boolean unbiased, boolean keepdim) {
        return RowOps.var(this, dim, unbiased, keepdim);
    }

    /**
     * {@code log(sum(exp(x)))} along {@code dim}, computed stably; the dim is removed ({@code torch.logsumexp}).
     * Integer arrays give float32.
     *
     * @param dim the dim to reduce; negative counts from the end
     * @return a new floating array
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray logsumexp(int dim) {
        return RowOps.logsumexp(this, dim, false);
    }

    /**
     * {@code log(sum(exp(x)))} along {@code dim}, computed stably ({@code torch.logsumexp(input, dim, keepdim)}).
     *
     * @param dim the dim to reduce; negative counts from the end
     * @param keepdim whether to keep the reduced dim with size 1
     * @return a new floating array
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray logsumexp(int dim, boolean keepdim) {
        return RowOps.logsumexp(this, dim, keepdim);
    }

    /**
     * {@code exp(x) / sum(exp(x))} along {@code dim} ({@code torch.softmax}).
     *
     * @param dim the dim to normalise; negative counts from the end
     * @return a new array of this shape and dtype
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray softmax(int dim) {
        return RowOps.softmax(this, dim, false);
    }

    /**
     * {@code x - logsumexp(x)} along {@code dim}, computed stably ({@code torch.log_softmax}).
     *
     * @param dim the dim to normalise; negative counts from the end
     * @return a new array of this shape and dtype
     * @throws IllegalArgumentException if this array is not floating
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public NDArray logSoftmax(int dim) {
        return RowOps.softmax(this, dim, true);
    }

    // =================================================================== linear algebra

    /**
     * The matrix product with PyTorch's rules ({@code torch.matmul}): 1-d by 1-d is a dot product, a 1-d operand gets a
     * dim prepended (left) or appended (right) and removed again, and batch dims broadcast:
     * {@code [..., n, k] @ [..., k, m] -> [..., n, m]}.
     *
     * @param other the right operand, of this dtype
     * @return a new array
     * @throws IllegalArgumentException if an operand is 0-dim, the inner sizes differ, the batch dims don't broadcast,
     *     or the dtypes differ
     */
    public NDArray matmul(NDArray other) {
        return LinAlg.matmul(this, other);
    }

    /**
     * The product of two matrices, {@code [n, k] @ [k, m] -> [n, m]} ({@code torch.mm}).
     *
     * @param other the right matrix, of this dtype
     * @return a new {@code [n, m]} array
     * @throws IllegalArgumentException if an operand is not 2-d, the inner sizes differ, or the dtypes differ
     */
    public NDArray mm(NDArray other) {
        return LinAlg.mm(this, other);
    }

    /**
     * A batch of matrix products, {@code [b, n, k] @ [b, k, m] -> [b, n, m]} ({@code torch.bmm}).
     *
     * @param other the right batch, of this dtype
     * @return a new {@code [b, n, m]} array
     * @throws IllegalArgumentException if an operand is not 3-d, the sizes don't match, or the dtypes differ
     */
    public NDArray bmm(NDArray other) {
        return LinAlg.bmm(this, other);
    }

    /**
     * The dot product of two 1-d arrays of the same length and dtype ({@code torch.dot}).
     *
     * @param other the other vector
     * @return a new 0-dim array
     * @throws IllegalArgumentException if an operand is not 1-d, the lengths differ, or the dtypes differ
     */
    public NDArray dot(NDArray other) {
        return LinAlg.dot(this, other);
    }

    /**
     * The outer product of two 1-d arrays, {@code [n] x [m] -> [n, m]} ({@code torch.outer}).
     *
     * @param other the other vector
     * @return a new {@code [n, m]} array of the promoted dtype
     * @throws IllegalArgumentException if an operand is not 1-d
     */
    public NDArray outer(NDArray other) {
        return LinAlg.outer(this, other);
    }

    // =================================================================== joining, indexing

    /**
     * The arrays joined along an existing dim ({@code torch.cat}), copied into a new array of their promoted dtype. As
     * in PyTorch, 1-d empty arrays are skipped.
     *
     * @param tensors the arrays, with equal sizes except along {@code dim}
     * @param dim the dim to join along; negative counts from the end
     * @return a new array
     * @throws IllegalArgumentException if the list is empty, an array is 0-dim, or the ranks or sizes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static NDArray cat(List<NDArray> tensors, int dim) {
        return Joining.cat(tensors, dim);
    }

    /**
     * The arrays joined along a new dim inserted at {@code dim} ({@code torch.stack}), copied into a new array.
     *
     * @param tensors the arrays, all of one shape
     * @param dim the position of the new dim, in {@code [-rank-1, rank]}
     * @return a new array with one more dim
     * @throws IllegalArgumentException if the list is empty or the shapes differ
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public static NDArray stack(List<NDArray> tensors, int dim) {
        return Joining.stack(tensors, dim);
    }

    /**
     * Views of consecutive pieces of {@code splitSize} along {@code dim}, the last one possibly shorter
     * ({@code torch.split}).
     *
     * @param splitSize the size of each piece, positive (0 only for an empty dim)
     * @param dim the dim to split; negative counts from the end
     * @return the pieces, views of this array
     * @throws IllegalArgumentException if the array is 0-dim or {@code splitSize} is invalid
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public List<NDArray> split(int splitSize, int dim) {
        return Joining.split(this, splitSize, dim);
    }

    /**
     * Views of consecutive pieces of the given sizes along {@code dim} ({@code torch.split} with a list).
     *
     * @param sizes the size of each piece, non-negative, summing to the size of the dim
     * @param dim the dim to split; negative counts from the end
     * @return the pieces, views of this array
     * @throws IllegalArgumentException if the array is 0-dim or the sizes are invalid
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public List<NDArray> split(int[] sizes, int dim) {
        return Joining.split(this, sizes, dim);
    }

    /**
     * Views of at most {@code chunks} equal pieces along {@code dim}, the last one possibly shorter
     * ({@code torch.chunk}): pieces of {@code ceil(size / chunks)}.
     *
     * @param chunks the number of pieces wanted, positive
     * @param dim the dim to split; negative counts from the end
     * @return the pieces, views of this array
     * @throws IllegalArgumentException if the array is 0-dim or {@code chunks} is not positive
     * @throws IndexOutOfBoundsException if {@code dim} is out of range
     */
    public List<NDArray> chunk(int chunks, int dim) {
        return Joining.chunk(this, chunks, dim);
    }

    /**
     * The elements at {@code index} along {@code dim} ({@code torch.gather}): for dim 0,
     * {@code out[i][j] = self[index[i][j]][j]}.
     *
     * @param dim the dim the indices address; negative counts from the end
     * @param index int64 indices, of this array's rank and no larger than it outside {@code dim}
     * @return a new array of the shape of {@code index} and this dtype
     * @throws IllegalArgumentException if the index is not int64 or its rank or sizes don't fit
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public NDArray gather(int dim, NDArray index) {
        return Indexing.gather(this, dim, index);
    }

    /**
     * The slices at {@code index} along {@code dim}, copied ({@code torch.index_select}).
     *
     * @param dim the dim to pick from; negative counts from the end
     * @param index a 0-d or 1-d int32 or int64 array of positions; negative counts from the end
     * @return a new array whose size along {@code dim} is the number of indices
     * @throws IllegalArgumentException if the index has the wrong dtype or more than one dim
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public NDArray indexSelect(int dim, NDArray index) {
        return Indexing.indexSelect(this, dim, index);
    }

    /**
     * The elements where {@code mask} is true, in row-major order ({@code torch.masked_select}); the mask broadcasts
     * with this array.
     *
     * @param mask a bool array
     * @return a new 1-d array of this dtype
     * @throws IllegalArgumentException if the mask is not bool or the shapes don't broadcast
     */
    public NDArray maskedSelect(NDArray mask) {
        return Indexing.maskedSelect(this, mask);
    }

    // =================================================================== casting

    /**
     * This array converted to {@code dtype} ({@code Tensor.to(dtype)}): this array itself when it already has that
     * dtype, else a contiguous copy. Floating to integer truncates toward zero; nonzero becomes true.
     *
     * @param dtype the target dtype
     * @return this array or a converted copy
     */
    public NDArray to(DType dtype) {
        return Copy.to(this, dtype);
    }

    /**
     * {@code to(FLOAT32)} ({@code Tensor.float()}).
     *
     * @return this array or a float32 copy
     */
    public NDArray toFloat() {
        return to(DType.FLOAT32);
    }

    /**
     * {@code to(FLOAT64)} ({@code Tensor.double()}).
     *
     * @return this array or a float64 copy
     */
    public NDArray toDouble() {
        return to(DType.FLOAT64);
    }

    /**
     * {@code to(INT64)} ({@code Tensor.long()}).
     *
     * @return this array or an int64 copy
     */
    public NDArray toLong() {
        return to(DType.INT64);
    }

    /**
     * {@code to(INT32)} ({@code Tensor.int()}).
     *
     * @return this array or an int32 copy
     */
    public NDArray toInt() {
        return to(DType.INT32);
    }

    /**
     * {@code to(BOOL)} ({@code Tensor.bool()}).
     *
     * @return this array or a bool copy
     */
    public NDArray toBool() {
        return to(DType.BOOL);
    }

    /**
     * {@code to(UINT8)} ({@code Tensor.byte()}).
     *
     * @return this array or a uint8 copy
     */
    public NDArray toByte() {
        return to(DType.UINT8);
    }

    // =================================================================== threads

    /**
     * Sets how many threads the kernels may use ({@code torch.set_num_threads}); see {@link Parallel}.
     *
     * @param n the number of threads, positive
     * @throws IllegalArgumentException if {@code n} is not positive
     */
    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    /**
     * How many threads the kernels may use ({@code torch.get_num_threads}); the number of processors by default.
     *
     * @return the thread count
     */
    public static int getNumThreads() {
        return Parallel.getNumThreads();
    }

    // =================================================================== printing

    /**
     * PyTorch's repr without the {@code torch.} prefix, e.g. {@code tensor([1., 2.])}: precision 4, summaries of big
     * arrays, a {@code dtype=} suffix for dtypes other than float32, int64 and bool.
     *
     * @return the repr
     */
    @Override
    public String toString() {
        return toString(List.of());
    }

    /**
     * The repr with extra {@code key=value} items such as {@code requires_grad=True} (autograd's {@code Tensor} uses
     * it).
     *
     * @param suffixes the items to append inside the parentheses, in order
     * @return the repr
     */
    public String toString(List<String> suffixes) {
        NDArray c = contiguous();
        Access a = Access.of(c.storage);
        int base = c.offset;
        return TensorFormatter.format(
                shape.clone(),
                dtype(),
                new TensorFormatter.Elements() {
                    @Override
                    public double getDouble(int flatIndex) {
                        return a.getD(base + flatIndex);
                    }

                    @Override
                    public long getLong(int flatIndex) {
                        return a.getL(base + flatIndex);
                    }
                },
                suffixes);
    }
}
