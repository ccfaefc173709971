package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;

/**
 * Arithmetic between tensors and with scalars, each with its derivative. Broadcast inputs get the
 * full-size gradient here; the engine sums it back to the input's shape.
 */
final class PointwiseOps {
    private PointwiseOps() {}

    static NDArray zero(NDArray like) {
        return NDArray.scalar(0, like.dtype());
    }

    static Tensor add(Tensor a, Tensor b, double alpha) {
        NDArray out = alpha == 1 ? a.data().add(b.data()) : a.data().add(b.data(), alpha);
        OpNode n = OpNode.record("AddBackward0", a, b);
        if (n == null) {
            return Tensor.of(out);
        }
        return n.finish(out, g -> new NDArray[] {g, n.needs(1) ? (alpha == 1 ? g : g.mul(alpha)) : null});
    }

    static Tensor add(Tensor a, double s) {
        NDArray out = a.data().add(s);
        OpNode n = OpNode.record("AddBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g});
    }

    static Tensor sub(Tensor a, Tensor b, double alpha) {
        NDArray out = alpha == 1 ? a.data().sub(b.data()) : a.data().sub(b.data(), alpha);
        OpNode n = OpNode.record("SubBackward0", a, b);
        if (n == null) {
            return Tensor.of(out);
        }
        return n.finish(out, g -> new NDArray[] {g, n.needs(1) ? (alpha == 1 ? g.neg() : g.mul(-alpha)) : null});
    }

    static Tensor sub(Tensor a, double s) {
        NDArray out = a.data().sub(s);
        OpNode n = OpNode.record("SubBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g});
    }

    static Tensor mul(Tensor a, Tensor b) {
        NDArray out = a.data().mul(b.data());
        OpNode n = OpNode.record("MulBackward0", a, b);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.needs(1) ? n.save(a) : null;
        SavedValue sb = n.needs(0) ? n.save(b) : null;
        return n.finish(out, g ->
                new NDArray[] {n.needs(0) ? g.mul(sb.get()) : null, n.needs(1) ? g.mul(sa.get()) : null});
    }

    static Tensor mul(Tensor a, double s) {
        NDArray out = a.data().mul(s);
        OpNode n = OpNode.record("MulBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g.mul(s)});
    }

    static Tensor div(Tensor a, Tensor b) {
        NDArray out = a.data().div(b.data());
        OpNode n = OpNode.record("DivBackward0", a, b);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.needs(1) ? n.save(a) : null;
        SavedValue sb = n.save(b);
        return n.finish(out, g -> {
            NDArray bv = sb.get();
            return new NDArray[] {
                n.needs(0) ? g.div(bv) : null,
                // PyTorch's order: -grad * ((self / other) / other)
                n.needs(1) ? g.neg().mul(sa.get().div(bv).div(bv)) : null
            };
        });
    }

    static Tensor div(Tensor a, double s) {
        NDArray out = a.data().div(s);
        OpNode n = OpNode.record("DivBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g.div(s)});
    }

    static Tensor neg(Tensor a) {
        NDArray out = a.data().neg();
        OpNode n = OpNode.record("NegBackward0", a);
        return n == null ? Tensor.of(out) : n.finish(out, g -> new NDArray[] {g.neg()});
    }

    static Tensor pow(Tensor a, double exponent) {
        NDArray out = a.data().pow(exponent);
        OpNode n = OpNode.record("PowBackward0", a);
        if (n == null) {
            return Tensor.of(out);
        }
        if (exponent == 0) {
            int[] shape = a.data().shape().toArray();
            return n.finish(out, g -> new NDArray[] {NDArray.zeros(g.dtype(), shape)});
        }
        SavedValue sa = n.save(a);
        // PyTorch's order: grad * (exponent * self.pow(exponent - 1))
        return n.finish(out, g ->
                new NDArray[] {g.mul(sa.get().pow(exponent - 1).mul(exponent))});
    }

    static Tensor pow(Tensor a, Tensor exponent) {
        NDArray out = a.data().pow(exponent.data());
        OpNode n = OpNode.record("PowBackward1", a, exponent);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        SavedValue se = n.save(exponent);
        SavedValue so = n.needs(1) ? n.save(out) : null;
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray e = se.get();
            NDArray z = zero(g);
            NDArray ga = null;
            NDArray ge = null;
            if (n.needs(0)) {
                ga = NDArray.where(e.eq(0), z, g.mul(e.mul(x.pow(e.sub(1)))));
            }
            if (n.needs(1)) {
                ge = g.mul(
                        NDArray.where(x.eq(0).logicalAnd(e.ge(0)), z, so.get().mul(x.log())));
            }
            return new NDArray[] {ga, ge};
        });
    }

    static Tensor maximum(Tensor a, Tensor b) {
        return extremum("MaximumBackward0", a, b, a.data().maximum(b.data()), true);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return extremum("MinimumBackward0", a, b, a.data().minimum(b.data()), false);
    }

    /** Ties split the gradient in half between the two inputs, as PyTorch's formula does. */
    private static Tensor extremum(String name, Tensor a, Tensor b, NDArray out, boolean max) {
        OpNode n = OpNode.record(name, a, b);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sa = n.save(a);
        SavedValue sb = n.save(b);
        return n.finish(out, g -> {
            NDArray x = sa.get();
            NDArray y = sb.get();
            NDArray z = zero(g);
            NDArray shared = NDArray.where(x.eq(y), g.div(2), g);
            NDArray xLoses = max ? x.lt(y) : x.gt(y);
            NDArray yLoses = max ? x.gt(y) : x.lt(y);
            return new NDArray[] {
                n.needs(0) ? NDArray.where(xLoses, z, shared) : null,
                n.needs(1) ? NDArray.where(yLoses, z, shared) : null
            };
        });
    }

    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        NDArray out = NDArray.where(condition.data(), a.data(), b.data());
        OpNode n = OpNode.record("WhereBackward0", a, b);
        if (n == null) {
            return Tensor.of(out);
        }
        SavedValue sc = n.save(condition);
        return n.finish(out, g -> {
            NDArray c = sc.get();
            NDArray z = zero(g);
            return new NDArray[] {n.needs(0) ? NDArray.where(c, g, z) : null, n.needs(1) ? NDArray.where(c, z, g) : null
            };
        });
    }
}
