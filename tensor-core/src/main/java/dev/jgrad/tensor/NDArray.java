package dev.jgrad.tensor;

import dev.jgrad.tensor.format.TensorFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * A strided n-dimensional array with PyTorch's tensor semantics, without autograd: a
 * {@link Storage} plus dtype, shape, strides (in elements) and a storage offset. Views share
 * the storage; ops follow PyTorch's broadcasting, type promotion and error messages.
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

    /** A tensor whose contents are unspecified (jgrad zeroes them, as Java does). */
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

    public static NDArray tensor(float[] data) {
        return wrap(data.clone(), data.length);
    }

    public static NDArray tensor(float[][] data) {
        int[] shape = Creation.shape2(data, data.length == 0 ? 0 : data[0].length, r -> r.length);
        float[] flat = new float[Shapes.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            System.arraycopy(data[i], 0, flat, i * shape[1], shape[1]);
        }
        return wrap(flat, shape);
    }

    public static NDArray tensor(float[][][] data) {
        int d0 = data.length;
        int d1 = d0 == 0 ? 0 : data[0].length;
        int d2 = d1 == 0 ? 0 : data[0][0].length;
        if (d0 == 0) {
            return wrap(new float[0], 0);
        }
        float[] flat = new float[Shapes.numel(new int[] {d0, d1, d2})];
        for (int i = 0; i < d0; i++) {
            Creation.checkLength(data[i].length, d1, 1);
            for (int j = 0; j < d1; j++) {
                Creation.checkLength(data[i][j].length, d2, 2);
                System.arraycopy(data[i][j], 0, flat, (i * d1 + j) * d2, d2);
            }
        }
        return wrap(flat, d0, d1, d2);
    }

    public static NDArray tensor(double[] data) {
        return wrap(data.clone(), data.length);
    }

    public static NDArray tensor(double[][] data) {
        int[] shape = Creation.shape2(data, data.length == 0 ? 0 : data[0].length, r -> r.length);
        double[] flat = new double[Shapes.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            System.arraycopy(data[i], 0, flat, i * shape[1], shape[1]);
        }
        return wrap(flat, shape);
    }

    public static NDArray tensor(long[] data) {
        return wrap(data.clone(), data.length);
    }

    public static NDArray tensor(long[][] data) {
        int[] shape = Creation.shape2(data, data.length == 0 ? 0 : data[0].length, r -> r.length);
        long[] flat = new long[Shapes.numel(shape)];
        for (int i = 0; i < data.length; i++) {
            System.arraycopy(data[i], 0, flat, i * shape[1], shape[1]);
        }
        return wrap(flat, shape);
    }

    public static NDArray tensor(int[] data) {
        return wrap(data.clone(), data.length);
    }

    /** A uint8 tensor; bytes are read as unsigned (0..255). */
    public static NDArray tensor(byte[] data) {
        return wrap(data.clone(), data.length);
    }

    public static NDArray tensor(boolean[] data) {
        return wrap(data.clone(), data.length);
    }

    /** A 0-dim float32 tensor. */
    public static NDArray scalar(double value) {
        return scalar(value, DType.FLOAT32);
    }

    /** A 0-dim tensor of the given dtype. */
    public static NDArray scalar(double value, DType dtype) {
        NDArray t = empty(dtype, new int[0]);
        Access.of(t.storage).setD(0, value);
        return t;
    }

    /** Views {@code data} (no copy) with the given shape, which may contain one -1. */
    public static NDArray wrap(float[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    public static NDArray wrap(double[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    public static NDArray wrap(long[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    public static NDArray wrap(int[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    public static NDArray wrap(byte[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    public static NDArray wrap(boolean[] data, int... shape) {
        return contiguousOver(Storage.of(data), Shapes.inferSize(shape, data.length));
    }

    public static NDArray zeros(int... shape) {
        return empty(DType.FLOAT32, shape);
    }

    public static NDArray zeros(DType dtype, int... shape) {
        return empty(dtype, shape);
    }

    public static NDArray ones(int... shape) {
        return full(DType.FLOAT32, 1, shape);
    }

    public static NDArray ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /** A float32 tensor filled with {@code value}. */
    public static NDArray full(double value, int... shape) {
        return full(DType.FLOAT32, value, shape);
    }

    public static NDArray full(DType dtype, double value, int... shape) {
        NDArray t = empty(dtype, shape);
        if (value != 0) {
            t.fillRaw(value);
        }
        return t;
    }

    public static NDArray arange(long end) {
        return Creation.arange(0, end);
    }

    public static NDArray arange(long start, long end) {
        return Creation.arange(start, end);
    }

    /** float32 values start, start+step, ... below end (above, for a negative step). */
    public static NDArray arange(double start, double end, double step) {
        return Creation.arange(start, end, step);
    }

    public static NDArray linspace(double start, double end, int steps) {
        return Creation.linspace(start, end, steps);
    }

    public static NDArray eye(int n) {
        return eye(n, n);
    }

    public static NDArray eye(int n, int m) {
        NDArray t = zeros(n, m);
        float[] f = t.storage.floats();
        for (int i = 0; i < Math.min(n, m); i++) {
            f[i * m + i] = 1f;
        }
        return t;
    }

    public static NDArray zerosLike(NDArray a) {
        return empty(a.dtype(), a.shape);
    }

    public static NDArray onesLike(NDArray a) {
        return full(a.dtype(), 1, a.shape);
    }

    public static NDArray fullLike(NDArray a, double value) {
        return full(a.dtype(), value, a.shape);
    }

    /** Uniform float32 samples in [0, 1) from the default generator. */
    public static NDArray rand(int... shape) {
        return rand(Generator.defaultGenerator(), shape);
    }

    public static NDArray rand(Generator g, int... shape) {
        NDArray t = zeros(shape);
        g.fillUniform(t.storage.floats());
        return t;
    }

    /** Standard normal float32 samples from the default generator. */
    public static NDArray randn(int... shape) {
        return randn(Generator.defaultGenerator(), shape);
    }

    public static NDArray randn(Generator g, int... shape) {
        NDArray t = zeros(shape);
        g.fillNormal(t.storage.floats());
        return t;
    }

    /** Uniform int64 integers in [low, high). */
    public static NDArray randint(long low, long high, int... shape) {
        return randint(Generator.defaultGenerator(), low, high, shape);
    }

    public static NDArray randint(Generator g, long low, long high, int... shape) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from="
                    + low + " >= to=" + high);
        }
        NDArray t = empty(DType.INT64, shape);
        g.fillRandint(t.storage.longs(), low, high);
        return t;
    }

    /** A random permutation of 0..n-1 (int64). */
    public static NDArray randperm(int n) {
        return randperm(Generator.defaultGenerator(), n);
    }

    public static NDArray randperm(Generator g, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);
        }
        NDArray t = empty(DType.INT64, new int[] {n});
        g.fillPermutation(t.storage.longs());
        return t;
    }

    // =================================================================== metadata

    public int dim() {
        return shape.length;
    }

    public Size shape() {
        return Size.of(shape);
    }

    public Size size() {
        return Size.of(shape);
    }

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

    public int numel() {
        return Shapes.numel(shape);
    }

    public DType dtype() {
        return storage.dtype();
    }

    public int[] strides() {
        return strides.clone();
    }

    public int stride(int d) {
        return strides[checkedDim(d)];
    }

    public int storageOffset() {
        return offset;
    }

    public boolean isContiguous() {
        return Shapes.isContiguous(shape, strides);
    }

    public Storage storage() {
        return storage;
    }

    private void checkOneElement() {
        int n = numel();
        if (n != 1) {
            throw new IllegalArgumentException("a Tensor with " + n + " elements cannot be converted to Scalar");
        }
    }

    /** The value of a one-element tensor, as a double. */
    public double item() {
        checkOneElement();
        return Access.of(storage).getD(offset);
    }

    /** The value of a one-element tensor, as a long (floating values truncate). */
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

    public double getDouble(int... index) {
        return Access.of(storage).getD(elementOffset(index));
    }

    public long getLong(int... index) {
        return Access.of(storage).getL(elementOffset(index));
    }

    /** Writes one element (converted to this dtype) and bumps the storage version. */
    public void setDouble(double value, int... index) {
        Access.of(storage).setD(elementOffset(index), value);
        storage.bumpVersion();
    }

    private NDArray contiguousAs(DType t) {
        return to(t).contiguous();
    }

    /** The elements in row-major order, converted to float. */
    public float[] toFloatArray() {
        NDArray c = contiguousAs(DType.FLOAT32);
        return c.numel() == 0 ? new float[0] : Arrays.copyOfRange(c.storage.floats(), c.offset, c.offset + c.numel());
    }

    public double[] toDoubleArray() {
        NDArray c = contiguousAs(DType.FLOAT64);
        return c.numel() == 0 ? new double[0] : Arrays.copyOfRange(c.storage.doubles(), c.offset, c.offset + c.numel());
    }

    public long[] toLongArray() {
        NDArray c = contiguousAs(DType.INT64);
        return c.numel() == 0 ? new long[0] : Arrays.copyOfRange(c.storage.longs(), c.offset, c.offset + c.numel());
    }

    public int[] toIntArray() {
        NDArray c = contiguousAs(DType.INT32);
        return c.numel() == 0 ? new int[0] : Arrays.copyOfRange(c.storage.ints(), c.offset, c.offset + c.numel());
    }

    /** The elements as uint8 bytes (values wrap modulo 256). */
    public byte[] toByteArray() {
        NDArray c = contiguousAs(DType.UINT8);
        return c.numel() == 0 ? new byte[0] : Arrays.copyOfRange(c.storage.bytes(), c.offset, c.offset + c.numel());
    }

    public boolean[] toBooleanArray() {
        NDArray c = contiguousAs(DType.BOOL);
        return c.numel() == 0 ? new boolean[0] : Arrays.copyOfRange(c.storage.bools(), c.offset, c.offset + c.numel());
    }

    /** True when both have the same shape and equal values (NaN is not equal to itself), as torch.equal. */
    public boolean equal(NDArray other) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        return Reductions.all(eq(other));
    }

    public boolean allclose(NDArray other) {
        return allclose(other, 1e-5, 1e-8);
    }

    public boolean allclose(NDArray other, double rtol, double atol) {
        return Reductions.all(isclose(other, rtol, atol));
    }

    /** |a - b| &lt;= atol + rtol * |b| elementwise (infinities equal when they match; NaN never). */
    public NDArray isclose(NDArray other, double rtol, double atol) {
        int[] out = Shapes.broadcast(shape, other.shape);
        NDArray a = to(DType.FLOAT64).expand(out);
        NDArray b = other.to(DType.FLOAT64).expand(out);
        NDArray r = empty(DType.BOOL, out);
        StridedLoop loop = StridedLoop.of(out, 0, r, a, b);
        boolean[] ro = r.storage.bools();
        double[] da = a.storage.doubles();
        double[] db = b.storage.doubles();
        int rs = loop.innerStride(0);
        int as = loop.innerStride(1);
        int bs = loop.innerStride(2);
        loop.run((off, n) -> {
            for (int i = 0; i < n; i++) {
                double x = da[off[1] + i * as];
                double y = db[off[2] + i * bs];
                ro[off[0] + i * rs] = x == y || Math.abs(x - y) <= atol + rtol * Math.abs(y);
            }
        });
        return r;
    }

    // =================================================================== views

    /** Successive {@code select} on dims 0, 1, ...: {@code t.get(i)} is {@code t[i]}. */
    public NDArray get(int... indices) {
        NDArray t = this;
        for (int index : indices) {
            t = t.select(0, index);
        }
        return t;
    }

    public NDArray select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    public NDArray narrow(int dim, int start, int length) {
        return Views.narrow(this, dim, start, length);
    }

    /** Python's {@code t[start:end]} along {@code dim}. */
    public NDArray slice(int dim, int start, int end) {
        return Views.slice(this, dim, start, end, 1);
    }

    public NDArray slice(int dim, int start, int end, int step) {
        return Views.slice(this, dim, start, end, step);
    }

    /** Python's {@code t[start:]} along {@code dim}. */
    public NDArray slice(int dim, int start) {
        return Views.slice(this, dim, start, Integer.MAX_VALUE, 1);
    }

    public NDArray view(int... shape) {
        return Views.view(this, shape);
    }

    public NDArray reshape(int... shape) {
        int[] target = Shapes.inferSize(shape, numel());
        int[] st = Shapes.viewStrides(this.shape, strides, target);
        if (st != null) {
            return new NDArray(storage, target, st, offset);
        }
        return clone().view(target);
    }

    public NDArray squeeze() {
        return Views.squeeze(this);
    }

    public NDArray squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    public NDArray unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    public NDArray transpose(int d0, int d1) {
        return Views.transpose(this, d0, d1);
    }

    /** Transpose of a matrix; 0-d and 1-d tensors are returned as they are. */
    public NDArray t() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
        }
        return shape.length < 2 ? this : transpose(0, 1);
    }

    public NDArray permute(int... dims) {
        return Views.permute(this, dims);
    }

    /** Moves dim {@code source} to position {@code destination}, keeping the others in order. */
    public NDArray movedim(int source, int destination) {
        int n = shape.length;
        int s = Shapes.wrapDim(source, n);
        int d = Shapes.wrapDim(destination, n);
        if (n == 0 || s == d) {
            return this;
        }
        int[] order = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i != s) {
                order[k++] = i;
            }
        }
        int[] perm = new int[n];
        for (int i = 0, j = 0; i < n; i++) {
            perm[i] = i == d ? s : order[j++];
        }
        return permute(perm);
    }

    /** Broadcasts size-1 dims (stride 0); -1 keeps a size. */
    public NDArray expand(int... sizes) {
        return Views.expand(this, sizes);
    }

    public NDArray expandAs(NDArray other) {
        return expand(other.shape);
    }

    public NDArray broadcastTo(int... shape) {
        return expand(shape);
    }

    public NDArray flatten() {
        return flatten(0, -1);
    }

    public NDArray flatten(int startDim, int endDim) {
        if (shape.length == 0) {
            return reshape(1);
        }
        int s = Shapes.wrapDim(startDim, shape.length);
        int e = Shapes.wrapDim(endDim, shape.length);
        if (s > e) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (s == e) {
            return this;
        }
        int[] target = new int[shape.length - (e - s)];
        int k = 0;
        for (int i = 0; i < s; i++) {
            target[k++] = shape[i];
        }
        int p = 1;
        for (int i = s; i <= e; i++) {
            p *= shape[i];
        }
        target[k++] = p;
        for (int i = e + 1; i < shape.length; i++) {
            target[k++] = shape[i];
        }
        return reshape(target);
    }

    /** This array when its elements are already in row-major order, else a contiguous copy. */
    public NDArray contiguous() {
        return isContiguous() ? this : clone();
    }

    /** A contiguous copy with its own storage. */
    @Override
    public NDArray clone() {
        NDArray c = empty(dtype(), shape);
        Copy.copy(c, this);
        return c;
    }

    // =================================================================== elementwise

    public NDArray add(NDArray other) {
        return Elementwise.binary(BinaryOp.ADD, this, other, 1.0);
    }

    public NDArray add(double other) {
        return Elementwise.binaryScalar(BinaryOp.ADD, this, other);
    }

    /** {@code this + alpha * other}. */
    public NDArray add(NDArray other, double alpha) {
        return Elementwise.binary(BinaryOp.ADD, this, other, alpha);
    }

    public NDArray sub(NDArray other) {
        return Elementwise.binary(BinaryOp.SUB, this, other, 1.0);
    }

    public NDArray sub(double other) {
        return Elementwise.binaryScalar(BinaryOp.SUB, this, other);
    }

    /** {@code this - alpha * other}. */
    public NDArray sub(NDArray other, double alpha) {
        return Elementwise.binary(BinaryOp.SUB, this, other, alpha);
    }

    public NDArray mul(NDArray other) {
        return Elementwise.binary(BinaryOp.MUL, this, other, 1.0);
    }

    public NDArray mul(double other) {
        return Elementwise.binaryScalar(BinaryOp.MUL, this, other);
    }

    /** True division: integer operands give float32. */
    public NDArray div(NDArray other) {
        return Elementwise.binary(BinaryOp.DIV, this, other, 1.0);
    }

    public NDArray div(double other) {
        return Elementwise.binaryScalar(BinaryOp.DIV, this, other);
    }

    public NDArray neg() {
        return Elementwise.unary(UnaryOp.NEG, this, null);
    }

    public NDArray abs() {
        return Elementwise.unary(UnaryOp.ABS, this, null);
    }

    public NDArray pow(double exponent) {
        checkIntegerPower(exponent);
        return Elementwise.binaryScalar(BinaryOp.POW, this, exponent);
    }

    public NDArray pow(NDArray exponent) {
        return Elementwise.binary(BinaryOp.POW, this, exponent, 1.0);
    }

    private void checkIntegerPower(double exponent) {
        if (!dtype().isFloatingPoint() && Promotion.isIntegral(exponent) && exponent < 0) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
    }

    public NDArray sqrt() {
        return Elementwise.unary(UnaryOp.SQRT, this, null);
    }

    public NDArray exp() {
        return Elementwise.unary(UnaryOp.EXP, this, null);
    }

    public NDArray log() {
        return Elementwise.unary(UnaryOp.LOG, this, null);
    }

    public NDArray sigmoid() {
        return Elementwise.unary(UnaryOp.SIGMOID, this, null);
    }

    public NDArray tanh() {
        return Elementwise.unary(UnaryOp.TANH, this, null);
    }

    public NDArray relu() {
        return Elementwise.unary(UnaryOp.RELU, this, null);
    }

    public NDArray clamp(double min, double max) {
        return Elementwise.clamp(this, min, max, null);
    }

    public NDArray clampMin(double min) {
        return Elementwise.clamp(this, min, Double.POSITIVE_INFINITY, null);
    }

    public NDArray clampMax(double max) {
        return Elementwise.clamp(this, Double.NEGATIVE_INFINITY, max, null);
    }

    /** Elementwise maximum; NaN propagates. */
    public NDArray maximum(NDArray other) {
        return Elementwise.binary(BinaryOp.MAXIMUM, this, other, 1.0);
    }

    /** Elementwise minimum; NaN propagates. */
    public NDArray minimum(NDArray other) {
        return Elementwise.binary(BinaryOp.MINIMUM, this, other, 1.0);
    }

    public NDArray eq(NDArray other) {
        return Elementwise.binary(BinaryOp.EQ, this, other, 1.0);
    }

    public NDArray eq(double other) {
        return Elementwise.binaryScalar(BinaryOp.EQ, this, other);
    }

    public NDArray ne(NDArray other) {
        return Elementwise.binary(BinaryOp.NE, this, other, 1.0);
    }

    public NDArray ne(double other) {
        return Elementwise.binaryScalar(BinaryOp.NE, this, other);
    }

    public NDArray lt(NDArray other) {
        return Elementwise.binary(BinaryOp.LT, this, other, 1.0);
    }

    public NDArray lt(double other) {
        return Elementwise.binaryScalar(BinaryOp.LT, this, other);
    }

    public NDArray le(NDArray other) {
        return Elementwise.binary(BinaryOp.LE, this, other, 1.0);
    }

    public NDArray le(double other) {
        return Elementwise.binaryScalar(BinaryOp.LE, this, other);
    }

    public NDArray gt(NDArray other) {
        return Elementwise.binary(BinaryOp.GT, this, other, 1.0);
    }

    public NDArray gt(double other) {
        return Elementwise.binaryScalar(BinaryOp.GT, this, other);
    }

    public NDArray ge(NDArray other) {
        return Elementwise.binary(BinaryOp.GE, this, other, 1.0);
    }

    public NDArray ge(double other) {
        return Elementwise.binaryScalar(BinaryOp.GE, this, other);
    }

    public NDArray logicalAnd(NDArray other) {
        return Elementwise.binary(BinaryOp.LOGICAL_AND, this, other, 1.0);
    }

    public NDArray logicalOr(NDArray other) {
        return Elementwise.binary(BinaryOp.LOGICAL_OR, this, other, 1.0);
    }

    public NDArray logicalNot() {
        return Elementwise.unary(UnaryOp.LOGICAL_NOT, this, null);
    }

    /** {@code cond ? a : b} elementwise, broadcasting all three. */
    public static NDArray where(NDArray cond, NDArray a, NDArray b) {
        return Elementwise.where(cond, a, b);
    }

    // =================================================================== in place

    public NDArray add_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.ADD, this, other, 1.0));
    }

    public NDArray add_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.ADD, this, other));
    }

    public NDArray add_(NDArray other, double alpha) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.ADD, this, other, alpha));
    }

    public NDArray sub_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.SUB, this, other, 1.0));
    }

    public NDArray sub_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.SUB, this, other));
    }

    public NDArray sub_(NDArray other, double alpha) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.SUB, this, other, alpha));
    }

    public NDArray mul_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.MUL, this, other, 1.0));
    }

    public NDArray mul_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.MUL, this, other));
    }

    public NDArray div_(NDArray other) {
        return bumped(Elementwise.binaryInPlace(BinaryOp.DIV, this, other, 1.0));
    }

    public NDArray div_(double other) {
        return bumped(Elementwise.binaryScalarInPlace(BinaryOp.DIV, this, other));
    }

    /** Square root in place; optimizers use it to build Adam's denominator without allocating. */
    public NDArray sqrt_() {
        return bumped(Elementwise.unary(UnaryOp.SQRT, this, this));
    }

    /**
     * {@code torch.maximum(this, other, out=out)}: the elementwise maximum (NaN propagates) written
     * into {@code out}, which may be this array (AMSGrad's running max, without allocating).
     */
    public NDArray maximum(NDArray other, NDArray out) {
        Elementwise.binary(BinaryOp.MAXIMUM, this, other, Promotion.resultType(this, other), 1.0, out);
        out.storage.bumpVersion();
        return out;
    }

    public NDArray clamp_(double min, double max) {
        return bumped(Elementwise.clamp(this, min, max, this));
    }

    public NDArray fill_(double value) {
        Elementwise.checkInPlace(this, shape);
        fillRaw(value);
        storage.bumpVersion();
        return this;
    }

    public NDArray zero_() {
        return fill_(0);
    }

    /** Copies {@code src}, broadcast to this shape and converted to this dtype, into this array. */
    public NDArray copy_(NDArray src) {
        Elementwise.checkInPlace(this, Shapes.broadcast(shape, src.shape));
        copyFrom(src);
        storage.bumpVersion();
        return this;
    }

    /** Writes {@code src} at {@code index} along {@code dim}: for dim 0, {@code self[index[i][j]][j] = src[i][j]}. */
    public NDArray scatter_(int dim, NDArray index, NDArray src) {
        Indexing.scatter(this, dim, index, src, 0);
        storage.bumpVersion();
        return this;
    }

    /** Adds {@code src} at {@code index} along {@code dim}; repeated indices add up (gather's backward). */
    public NDArray scatterAdd_(int dim, NDArray index, NDArray src) {
        Indexing.scatterAdd(this, dim, index, src);
        storage.bumpVersion();
        return this;
    }

    /** Writes {@code value} at {@code index} along {@code dim} (the one-hot idiom). */
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

    public NDArray sum() {
        return Reductions.sum(this, null, false);
    }

    public NDArray sum(int dim) {
        return Reductions.sum(this, new int[] {dim}, false);
    }

    public NDArray sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    public NDArray sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    public NDArray mean() {
        return Reductions.mean(this, null, false);
    }

    public NDArray mean(int dim) {
        return Reductions.mean(this, new int[] {dim}, false);
    }

    public NDArray mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    public NDArray mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    public NDArray prod() {
        return Reductions.prod(this, null, false);
    }

    public NDArray prod(int dim) {
        return Reductions.prod(this, new int[] {dim}, false);
    }

    public NDArray prod(int dim, boolean keepdim) {
        return Reductions.prod(this, new int[] {dim}, keepdim);
    }

    /** The largest element as a 0-dim tensor; NaN if there is one. */
    public NDArray max() {
        return Reductions.extreme(this, true);
    }

    public NDArray min() {
        return Reductions.extreme(this, false);
    }

    public ValuesIndices max(int dim) {
        return Reductions.extreme(this, dim, false, true);
    }

    public ValuesIndices max(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, true);
    }

    public ValuesIndices min(int dim) {
        return Reductions.extreme(this, dim, false, false);
    }

    public ValuesIndices min(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, false);
    }

    /** Index of the first maximum in the flattened array (NaN counts as the maximum). */
    public NDArray argmax() {
        return Reductions.argExtreme(this, true);
    }

    public NDArray argmax(int dim) {
        return Reductions.extreme(this, dim, false, true).indices();
    }

    public NDArray argmax(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, true).indices();
    }

    public NDArray argmin() {
        return Reductions.argExtreme(this, false);
    }

    public NDArray argmin(int dim) {
        return Reductions.extreme(this, dim, false, false).indices();
    }

    public NDArray argmin(int dim, boolean keepdim) {
        return Reductions.extreme(this, dim, keepdim, false).indices();
    }

    /** Standard deviation of all elements, unbiased (Bessel's correction) as torch.std. */
    public NDArray std() {
        return RowOps.std(this, null, true, false);
    }

    public NDArray std(int dim) {
        return RowOps.std(this, dim, true, false);
    }

    public NDArray std(int dim, boolean unbiased, boolean keepdim) {
        return RowOps.std(this, dim, unbiased, keepdim);
    }

    public NDArray var() {
        return RowOps.var(this, null, true, false);
    }

    public NDArray var(int dim) {
        return RowOps.var(this, dim, true, false);
    }

    public NDArray var(int dim, boolean unbiased, boolean keepdim) {
        return RowOps.var(this, dim, unbiased, keepdim);
    }

    public NDArray logsumexp(int dim) {
        return RowOps.logsumexp(this, dim, false);
    }

    public NDArray logsumexp(int dim, boolean keepdim) {
        return RowOps.logsumexp(this, dim, keepdim);
    }

    public NDArray softmax(int dim) {
        return RowOps.softmax(this, dim, false);
    }

    public NDArray logSoftmax(int dim) {
        return RowOps.softmax(this, dim, true);
    }

    // =================================================================== linear algebra

    public NDArray matmul(NDArray other) {
        return LinAlg.matmul(this, other);
    }

    public NDArray mm(NDArray other) {
        return LinAlg.mm(this, other);
    }

    public NDArray bmm(NDArray other) {
        return LinAlg.bmm(this, other);
    }

    public NDArray dot(NDArray other) {
        return LinAlg.dot(this, other);
    }

    public NDArray outer(NDArray other) {
        return LinAlg.outer(this, other);
    }

    // =================================================================== joining, indexing

    public static NDArray cat(List<NDArray> tensors, int dim) {
        return Joining.cat(tensors, dim);
    }

    public static NDArray stack(List<NDArray> tensors, int dim) {
        return Joining.stack(tensors, dim);
    }

    public List<NDArray> split(int splitSize, int dim) {
        return Joining.split(this, splitSize, dim);
    }

    public List<NDArray> split(int[] sizes, int dim) {
        return Joining.split(this, sizes, dim);
    }

    public List<NDArray> chunk(int chunks, int dim) {
        return Joining.chunk(this, chunks, dim);
    }

    public NDArray gather(int dim, NDArray index) {
        return Indexing.gather(this, dim, index);
    }

    public NDArray indexSelect(int dim, NDArray index) {
        return Indexing.indexSelect(this, dim, index);
    }

    public NDArray maskedSelect(NDArray mask) {
        return Indexing.maskedSelect(this, mask);
    }

    // =================================================================== casting

    /** This array converted to {@code dtype}; the array itself when it already has that dtype. */
    public NDArray to(DType dtype) {
        if (dtype == dtype()) {
            return this;
        }
        NDArray c = empty(dtype, shape);
        Copy.copy(c, this);
        return c;
    }

    public NDArray toFloat() {
        return to(DType.FLOAT32);
    }

    public NDArray toDouble() {
        return to(DType.FLOAT64);
    }

    public NDArray toLong() {
        return to(DType.INT64);
    }

    public NDArray toInt() {
        return to(DType.INT32);
    }

    public NDArray toBool() {
        return to(DType.BOOL);
    }

    public NDArray toByte() {
        return to(DType.UINT8);
    }

    // =================================================================== threads

    public static void setNumThreads(int n) {
        Parallel.setNumThreads(n);
    }

    public static int getNumThreads() {
        return Parallel.getNumThreads();
    }

    // =================================================================== printing

    /** PyTorch's repr without the {@code torch.} prefix, e.g. {@code tensor([1., 2.])}. */
    @Override
    public String toString() {
        return toString(List.of());
    }

    /** The repr with extra {@code key=value} items such as {@code requires_grad=True} (used by autograd). */
    public String toString(List<String> suffixes) {
        NDArray c = contiguous();
        Access a = Access.of(c.storage);
        int base = c.offset;
        return TensorFormatter.format(shape.clone(), dtype(), new TensorFormatter.Elements() {
            @Override
            public double getDouble(int flatIndex) {
                return a.getD(base + flatIndex);
            }

            @Override
            public long getLong(int flatIndex) {
                return a.getL(base + flatIndex);
            }
        }, suffixes);
    }
}
