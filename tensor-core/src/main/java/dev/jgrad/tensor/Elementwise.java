package dev.jgrad.tensor;

import dev.jgrad.tensor.kernel.BinaryOp;
import dev.jgrad.tensor.kernel.Kernels;
import dev.jgrad.tensor.kernel.UnaryOp;

/**
 * Elementwise ops with broadcasting and type promotion. Operands are first converted to the
 * common dtype (a no-op in the usual case), then run through a {@link StridedLoop}: float32 and
 * float64 go straight to the {@link Kernels}, other dtypes through the double (floating) or long
 * (integer) reference semantics of {@link BinaryOp} / {@link UnaryOp}.
 */
final class Elementwise {
    /** Elements per thread before a cheap elementwise op is split (about a millisecond of work). */
    private static final int GRAIN = 1 << 20;
    /** Same for transcendental functions, which cost ten times more per element. */
    private static final int GRAIN_TRANSCENDENTAL = 1 << 16;

    private Elementwise() {}

    // ---------------------------------------------------------------- binary

    static NDArray binary(BinaryOp op, NDArray a, NDArray b, double alpha) {
        return binary(op, a, b, Promotion.resultType(a, b), alpha, null);
    }

    static NDArray binaryScalar(BinaryOp op, NDArray a, double s) {
        DType common = Promotion.resultType(a, s);
        return binary(op, a, NDArray.scalar(s, common), common, 1.0, null);
    }

    static NDArray binaryScalarInPlace(BinaryOp op, NDArray self, double s) {
        DType common = Promotion.resultType(self, s);
        return binary(op, self, NDArray.scalar(s, common), common, 1.0, self);
    }

    static NDArray binaryInPlace(BinaryOp op, NDArray self, NDArray other, double alpha) {
        return binary(op, self, other, Promotion.resultType(self, other), alpha, self);
    }

    /**
     * The common path. {@code out} null allocates the result; otherwise the result is written
     * into {@code out} (an in-place op), whose shape must be the broadcast shape.
     */
    static NDArray binary(BinaryOp op, NDArray a, NDArray b, DType common, double alpha, NDArray out) {
        int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
        DType compute = common;
        if (op == BinaryOp.SUB && a.dtype() == DType.BOOL && b.dtype() == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (op == BinaryOp.SUB && (a.dtype() == DType.BOOL || b.dtype() == DType.BOOL)) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        if (op == BinaryOp.DIV && !compute.isFloatingPoint()) {
            compute = DType.FLOAT32; // true division, as torch.div
        }
        if ((op == BinaryOp.LOGICAL_AND || op == BinaryOp.LOGICAL_OR)) {
            compute = DType.BOOL;
        }
        if (alpha != 1.0 && !compute.isFloatingPoint() && !Promotion.isIntegral(alpha)) {
            throw new IllegalArgumentException(
                    "For integral input tensors, argument alpha must not be a floating point number.");
        }
        DType outType = op.isComparison() ? DType.BOOL : compute;
        NDArray dst = destination(out, outType, shape);
        if (dst == null) {
            out.copyFrom(binary(op, a, b, common, alpha, null));
            return out;
        }
        a = unaliased(a, dst);
        b = unaliased(b, dst);
        out = dst;
        NDArray ca = a.to(compute);
        NDArray cb = b.to(compute);
        StridedLoop loop = StridedLoop.of(shape, 0, out, ca, cb);
        int os = loop.innerStride(0);
        int as = loop.innerStride(1);
        int bs = loop.innerStride(2);
        Kernels k = Kernels.get();
        int grain = op == BinaryOp.POW ? GRAIN_TRANSCENDENTAL : GRAIN;
        if (compute == DType.FLOAT32 && outType == DType.FLOAT32 && op.isArithmetic()) {
            float[] fa = ca.storage().floats();
            float[] fb = cb.storage().floats();
            float[] fo = out.storage().floats();
            if (op == BinaryOp.POW && isSquare(cb)) {
                // x ** 2 as x * x: the same correctly rounded result, without the pow call.
                loop.runParallel(
                        GRAIN, (off, n) -> k.binary(BinaryOp.MUL, n, fa, off[1], as, fa, off[1], as, fo, off[0], os));
            } else if ((op == BinaryOp.ADD || op == BinaryOp.SUB) && alpha != 1.0) {
                float al = (float) (op == BinaryOp.SUB ? -alpha : alpha);
                loop.runParallel(GRAIN, (off, n) -> k.addScaled(n, fa, off[1], as, al, fb, off[2], bs, fo, off[0], os));
            } else {
                loop.runParallel(grain, (off, n) -> k.binary(op, n, fa, off[1], as, fb, off[2], bs, fo, off[0], os));
            }
        } else if (compute == DType.FLOAT64 && outType == DType.FLOAT64 && alpha == 1.0 && op.isArithmetic()) {
            double[] da = ca.storage().doubles();
            double[] db = cb.storage().doubles();
            double[] dout = out.storage().doubles();
            loop.runParallel(grain, (off, n) -> k.binary(op, n, da, off[1], as, db, off[2], bs, dout, off[0], os));
        } else if (compute == DType.FLOAT32 && op.isRelational()) {
            float[] fa = ca.storage().floats();
            float[] fb = cb.storage().floats();
            boolean[] bo = out.storage().bools();
            loop.runParallel(GRAIN, (off, n) -> k.compare(op, n, fa, off[1], as, fb, off[2], bs, bo, off[0], os));
        } else {
            Access xa = Access.of(ca.storage());
            Access xb = Access.of(cb.storage());
            Access xo = Access.of(out.storage());
            // In double for floating results, in long for integer ones (as PyTorch computes them).
            boolean floating = compute.isFloatingPoint();
            long la = (long) alpha;
            loop.runParallel(grain, (off, n) -> {
                for (int i = 0; i < n; i++) {
                    int ai = off[1] + i * as;
                    int bi = off[2] + i * bs;
                    int oi = off[0] + i * os;
                    if (floating) {
                        double y = alpha != 1.0 ? xb.getD(bi) * alpha : xb.getD(bi);
                        xo.setD(oi, op.applyD(xa.getD(ai), y));
                    } else {
                        long y = la != 1 ? xb.getL(bi) * la : xb.getL(bi);
                        xo.setL(oi, op.applyL(xa.getL(ai), y));
                    }
                }
            });
        }
        return out;
    }

    private static boolean isSquare(NDArray exponent) {
        return exponent.dim() == 0 && exponent.storage().floats()[exponent.storageOffset()] == 2.0f;
    }

    /** An in-place target must already have the broadcast shape and no self-overlap. */
    static void checkInPlace(NDArray out, int[] shape) {
        if (!java.util.Arrays.equals(out.shapeRef(), shape)) {
            throw new IllegalArgumentException("output with shape " + Shapes.str(out.shapeRef())
                    + " doesn't match the broadcast shape " + Shapes.str(shape));
        }
        int[] st = out.stridesRef();
        for (int d = 0; d < st.length; d++) {
            if (st[d] == 0 && out.shapeRef()[d] > 1) {
                throw new IllegalArgumentException(
                        "unsupported operation: more than one element of the written-to tensor "
                                + "refers to a single memory location. Please clone() the tensor before performing the operation.");
            }
        }
    }

    /** An input that shares memory with the output but walks it differently is copied first. */
    private static NDArray unaliased(NDArray in, NDArray out) {
        if (in.storage() == out.storage()
                && !(in.storageOffset() == out.storageOffset()
                        && java.util.Arrays.equals(in.broadcastStrides(out.shapeRef()), out.stridesRef()))) {
            return in.clone();
        }
        return in;
    }

    /**
     * Where an op with a result of {@code type} and {@code shape} writes: a new array when {@code out} is null, else
     * out once checked (its shape, and that the result casts to its dtype). Null when out has another dtype: the
     * caller then computes into a new array and copies that into out.
     */
    private static NDArray destination(NDArray out, DType type, int[] shape) {
        if (out == null) {
            return NDArray.empty(type, shape);
        }
        checkInPlace(out, shape);
        Promotion.checkCast(type, out.dtype());
        return out.dtype() == type ? out : null;
    }

    // ---------------------------------------------------------------- unary

    static NDArray unary(UnaryOp op, NDArray a, NDArray out) {
        DType in = a.dtype();
        boolean integral = !in.isFloatingPoint();
        if (integral && op.integerInput() == UnaryOp.IntegerInput.IN_FLOAT32) {
            // integers and bool to float32 first, as PyTorch does, so that the float32 kernel computes it
            return unary(op, a.to(DType.FLOAT32), out);
        }
        if (op == UnaryOp.NEG && in == DType.BOOL) {
            throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        DType outType = integral && op.isFloatingFunction() ? DType.FLOAT32 : in;
        NDArray dst = destination(out, outType, a.shapeRef());
        if (dst == null) {
            out.copyFrom(unary(op, a, null));
            return out;
        }
        out = dst;
        if (integral && op.isFloatingFunction()) {
            // computed in double and rounded to float32 (IntegerInput.IN_DOUBLE): the float64 kernel, then the copy
            out.copyFrom(unary(op, a.to(DType.FLOAT64), null));
            return out;
        }
        StridedLoop loop = StridedLoop.of(a.shapeRef(), 0, out, a);
        int os = loop.innerStride(0);
        int as = loop.innerStride(1);
        int grain = op.isFloatingFunction() ? GRAIN_TRANSCENDENTAL : GRAIN;
        Kernels k = Kernels.get();
        if (in == DType.FLOAT32) {
            float[] fa = a.storage().floats();
            float[] fo = out.storage().floats();
            loop.runParallel(grain, (off, n) -> k.unary(op, n, fa, off[1], as, fo, off[0], os));
        } else if (in == DType.FLOAT64) {
            double[] da = a.storage().doubles();
            double[] dout = out.storage().doubles();
            loop.runParallel(grain, (off, n) -> k.unary(op, n, da, off[1], as, dout, off[0], os));
        } else {
            Access xa = Access.of(a.storage());
            Access xo = Access.of(out.storage());
            loop.runParallel(grain, (off, n) -> {
                for (int i = 0; i < n; i++) {
                    xo.setL(off[0] + i * os, op.applyL(xa.getL(off[1] + i * as)));
                }
            });
        }
        return out;
    }

    // ---------------------------------------------------------------- clamp, where

    static NDArray clamp(NDArray a, double lo, double hi, NDArray out) {
        DType common =
                Promotion.resultType(new NDArray[] {a}, Double.isInfinite(lo) ? 0 : lo, Double.isInfinite(hi) ? 0 : hi);
        NDArray dst = destination(out, common, a.shapeRef());
        if (dst == null) {
            out.copyFrom(clamp(a, lo, hi, null));
            return out;
        }
        a = unaliased(a, dst);
        out = dst;
        NDArray ca = a.to(common);
        StridedLoop loop = StridedLoop.of(a.shapeRef(), 0, out, ca);
        int os = loop.innerStride(0);
        int as = loop.innerStride(1);
        if (common == DType.FLOAT32) {
            float[] fa = ca.storage().floats();
            float[] fo = out.storage().floats();
            float l = (float) lo;
            float h = (float) hi;
            loop.runParallel(GRAIN, (off, n) -> Kernels.get().clamp(n, fa, off[1], as, l, h, fo, off[0], os));
        } else if (common == DType.FLOAT64) {
            double[] da = ca.storage().doubles();
            double[] dout = out.storage().doubles();
            loop.runParallel(GRAIN, (off, n) -> Kernels.get().clamp(n, da, off[1], as, lo, hi, dout, off[0], os));
        } else {
            Access xa = Access.of(ca.storage());
            Access xo = Access.of(out.storage());
            boolean floating = common.isFloatingPoint();
            long ll = lo <= Long.MIN_VALUE ? Long.MIN_VALUE : (long) lo;
            long lh = hi >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) hi;
            loop.runParallel(GRAIN, (off, n) -> {
                for (int i = 0; i < n; i++) {
                    if (floating) {
                        xo.setD(off[0] + i * os, Math.min(Math.max(xa.getD(off[1] + i * as), lo), hi));
                    } else {
                        xo.setL(off[0] + i * os, Math.min(Math.max(xa.getL(off[1] + i * as), ll), lh));
                    }
                }
            });
        }
        return out;
    }

    /**
     * {@code x <= threshold ? 0 : grad} (PyTorch's threshold_backward, the gradient of ReLU):
     * one pass, without the comparison's bool array. NaN in x passes the gradient, as in PyTorch.
     */
    static NDArray thresholdBackward(NDArray grad, NDArray x, double threshold) {
        if (grad.dtype() != DType.FLOAT32 || x.dtype() != DType.FLOAT32) {
            return where(x.le(threshold), NDArray.scalar(0, grad.dtype()), grad);
        }
        int[] shape = Shapes.broadcast(grad.shapeRef(), x.shapeRef());
        NDArray out = NDArray.empty(DType.FLOAT32, shape);
        StridedLoop loop = StridedLoop.of(shape, 0, out, grad, x);
        int os = loop.innerStride(0);
        int gs = loop.innerStride(1);
        int xs = loop.innerStride(2);
        float[] fg = grad.storage().floats();
        float[] fx = x.storage().floats();
        float[] fo = out.storage().floats();
        float t = (float) threshold;
        loop.runParallel(
                GRAIN,
                (off, n) -> Kernels.get().thresholdBackward(n, fg, off[1], gs, fx, off[2], xs, t, fo, off[0], os));
        return out;
    }

    static NDArray where(NDArray cond, NDArray a, NDArray b) {
        if (cond.dtype() != DType.BOOL) {
            throw new IllegalArgumentException(
                    "where expected condition to be a boolean tensor, but got a tensor with dtype "
                            + cond.dtype().scalarTypeName());
        }
        int[] shape = Shapes.broadcast(Shapes.broadcast(cond.shapeRef(), a.shapeRef()), b.shapeRef());
        DType common = Promotion.resultType(a, b);
        NDArray out = NDArray.empty(common, shape);
        NDArray ca = a.to(common);
        NDArray cb = b.to(common);
        StridedLoop loop = StridedLoop.of(shape, 0, out, cond, ca, cb);
        int os = loop.innerStride(0);
        int cs = loop.innerStride(1);
        int as = loop.innerStride(2);
        int bs = loop.innerStride(3);
        boolean[] c = cond.storage().bools();
        if (common == DType.FLOAT32) {
            float[] fa = ca.storage().floats();
            float[] fb = cb.storage().floats();
            float[] fo = out.storage().floats();
            loop.runParallel(
                    GRAIN,
                    (off, n) -> Kernels.get().where(n, c, off[1], cs, fa, off[2], as, fb, off[3], bs, fo, off[0], os));
            return out;
        }
        Access xa = Access.of(ca.storage());
        Access xb = Access.of(cb.storage());
        Access xo = Access.of(out.storage());
        boolean floating = common.isFloatingPoint();
        loop.runParallel(GRAIN, (off, n) -> {
            for (int i = 0; i < n; i++) {
                Access src = c[off[1] + i * cs] ? xa : xb;
                int si = c[off[1] + i * cs] ? off[2] + i * as : off[3] + i * bs;
                xo.setFrom(off[0] + i * os, src, si, floating);
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- isclose

    /** {@code torch.isclose}: |a - b| &lt;= atol + rtol |b|, in double; equal values (infinities too) are close. */
    static NDArray isclose(NDArray self, NDArray other, double rtol, double atol) {
        int[] out = Shapes.broadcast(self.shapeRef(), other.shapeRef());
        NDArray a = self.to(DType.FLOAT64).expand(out);
        NDArray b = other.to(DType.FLOAT64).expand(out);
        NDArray r = NDArray.empty(DType.BOOL, out);
        StridedLoop loop = StridedLoop.of(out, 0, r, a, b);
        boolean[] ro = r.storage().bools();
        double[] da = a.storage().doubles();
        double[] db = b.storage().doubles();
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
}
