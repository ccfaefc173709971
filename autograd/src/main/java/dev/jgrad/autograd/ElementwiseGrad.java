package dev.jgrad.autograd;

import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.internal.BackwardKernels;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * The derivatives of tensor-core's {@code Elementwise} ops: functions of one tensor ({@link Unary}), arithmetic
 * between tensors and with numbers, pow, maximum/minimum and where. Broadcast inputs get the full-size gradient here;
 * the engine sums it back to the input's shape.
 */
final class ElementwiseGrad {
    private ElementwiseGrad() {}

    /** What a {@link Unary} derivative reads: the op's input, its output, or nothing. */
    private enum Reads {
        INPUT,
        OUTPUT,
        NOTHING
    }

    /**
     * Elementwise functions of one tensor whose derivative reads at most one value, each one entry: its grad_fn name,
     * its forward, what its derivative reads ({@code v}: the saved input {@code x} or output {@code y}) and the
     * derivative, from the output's gradient {@code g}. Adding such an op is one entry here and one line in
     * {@link Tensor}.
     */
    enum Unary implements OpNode.Rule {
        EXP("ExpBackward0", NDArray::exp, Reads.OUTPUT, (g, y) -> g.mul(y)),
        LOG("LogBackward0", NDArray::log, Reads.INPUT, (g, x) -> g.div(x)),
        SQRT("SqrtBackward0", NDArray::sqrt, Reads.OUTPUT, (g, y) -> g.div(y.mul(2))),
        /** The derivative of abs is 0 at 0, as in PyTorch. */
        ABS("AbsBackward0", NDArray::abs, Reads.INPUT, (g, x) -> g.mul(signOf(x))),
        NEG("NegBackward0", NDArray::neg, Reads.NOTHING, (g, none) -> g.neg()),
        SIGMOID(
                "SigmoidBackward0",
                NDArray::sigmoid,
                Reads.OUTPUT,
                (g, y) -> g.mul(y.neg().add(1)).mul(y)),
        TANH(
                "TanhBackward0",
                NDArray::tanh,
                Reads.OUTPUT,
                (g, y) -> g.mul(y.mul(y).neg().add(1))),
        RELU("ReluBackward0", NDArray::relu, Reads.OUTPUT, (g, y) -> BackwardKernels.thresholdBackward(g, y, 0)),
        SIN("SinBackward0", NDArray::sin, Reads.INPUT, (g, x) -> g.mul(x.cos())),
        COS("CosBackward0", NDArray::cos, Reads.INPUT, (g, x) -> g.mul(x.sin().neg())),
        /** d/dx erf(x) = 2/sqrt(pi) e^(-x^2). */
        ERF(
                "ErfBackward0",
                NDArray::erf,
                Reads.INPUT,
                (g, x) -> g.mul(x.mul(x).neg().exp().mul(2 / Math.sqrt(Math.PI)))),
        /** d/dx (e^x - 1) = e^x = out + 1. */
        EXPM1("Expm1Backward0", NDArray::expm1, Reads.OUTPUT, (g, y) -> g.mul(y.add(1))),
        LOG1P("Log1PBackward0", NDArray::log1p, Reads.INPUT, (g, x) -> g.div(x.add(1))),
        // Piecewise constant: the gradient is zero everywhere (PyTorch's choice at the jumps too).
        FLOOR("FloorBackward0", NDArray::floor, Reads.NOTHING, (g, none) -> NDArray.zerosLike(g)),
        CEIL("CeilBackward0", NDArray::ceil, Reads.NOTHING, (g, none) -> NDArray.zerosLike(g)),
        ROUND("RoundBackward0", NDArray::round, Reads.NOTHING, (g, none) -> NDArray.zerosLike(g)),
        TRUNC("TruncBackward0", NDArray::trunc, Reads.NOTHING, (g, none) -> NDArray.zerosLike(g)),
        SIGN("SignBackward0", NDArray::sign, Reads.NOTHING, (g, none) -> NDArray.zerosLike(g));

        private final String name;
        private final UnaryOperator<NDArray> forward;
        private final Reads reads;
        private final BinaryOperator<NDArray> derivative;

        Unary(String name, UnaryOperator<NDArray> forward, Reads reads, BinaryOperator<NDArray> derivative) {
            this.name = name;
            this.forward = forward;
            this.reads = reads;
            this.derivative = derivative;
        }

        /** The op on {@code a}, recorded when {@code a} requires grad. */
        Tensor apply(Tensor a) {
            return OpNode.apply(name, forward.apply(a.data()), a, this);
        }

        @Override
        public Derivative record(OpNode n) {
            SavedValue v = reads == Reads.INPUT ? n.save(0) : reads == Reads.OUTPUT ? n.saveOutput() : null;
            return g -> new NDArray[] {derivative.apply(g, v == null ? null : v.get())};
        }
    }

    /** -1, 0 or 1 per element, in x's dtype. */
    private static NDArray signOf(NDArray x) {
        DType dt = x.dtype();
        return x.gt(0).to(dt).sub(x.lt(0).to(dt));
    }

    static NDArray zero(NDArray like) {
        return NDArray.scalar(0, like.dtype());
    }

    static Tensor clamp(Tensor a, double min, double max) {
        return OpNode.apply("ClampBackward1", a.data().clamp(min, max), a, n -> {
            SavedValue sa = n.save(0);
            return g -> {
                NDArray x = sa.get();
                return new NDArray[] {NDArray.where(x.ge(min).logicalAnd(x.le(max)), g, zero(g))};
            };
        });
    }

    static Tensor clampMin(Tensor a, double min) {
        return OpNode.apply("ClampMinBackward0", a.data().clampMin(min), a, n -> {
            SavedValue sa = n.save(0);
            return g -> new NDArray[] {NDArray.where(sa.get().ge(min), g, zero(g))};
        });
    }

    static Tensor clampMax(Tensor a, double max) {
        return OpNode.apply("ClampMaxBackward0", a.data().clampMax(max), a, n -> {
            SavedValue sa = n.save(0);
            return g -> new NDArray[] {NDArray.where(sa.get().le(max), g, zero(g))};
        });
    }

    /** {@code other - a}: PyTorch's rsub with a number. */
    static Tensor rsub(Tensor a, double other) {
        return OpNode.apply("RsubBackward1", a.data().rsub(other), a, NEGATED);
    }

    private static final OpNode.Rule PASS = n -> g -> new NDArray[] {g};
    private static final OpNode.Rule NEGATED = n -> g -> new NDArray[] {g.neg()};
    private static final OpNode.Rule PASS_BOTH = n -> g -> new NDArray[] {g, n.needs(1) ? g : null};

    static Tensor add(Tensor a, Tensor b, double alpha) {
        if (alpha == 1) {
            return OpNode.apply("AddBackward0", a.data().add(b.data()), a, b, PASS_BOTH);
        }
        return OpNode.apply(
                "AddBackward0",
                a.data().add(b.data(), alpha),
                a,
                b,
                n -> g -> new NDArray[] {g, n.needs(1) ? g.mul(alpha) : null});
    }

    static Tensor add(Tensor a, double s) {
        return OpNode.apply("AddBackward0", a.data().add(s), a, PASS);
    }

    static Tensor sub(Tensor a, Tensor b, double alpha) {
        NDArray out = alpha == 1 ? a.data().sub(b.data()) : a.data().sub(b.data(), alpha);
        return OpNode.apply(
                "SubBackward0",
                out,
                a,
                b,
                n -> g -> new NDArray[] {g, n.needs(1) ? (alpha == 1 ? g.neg() : g.mul(-alpha)) : null});
    }

    static Tensor sub(Tensor a, double s) {
        return OpNode.apply("SubBackward0", a.data().sub(s), a, PASS);
    }

    static Tensor mul(Tensor a, Tensor b) {
        return OpNode.apply("MulBackward0", a.data().mul(b.data()), a, b, MUL);
    }

    /** Each input's gradient reads the other input, which is saved only when that gradient is needed. */
    static final OpNode.Rule MUL = n -> {
        SavedValue sa = n.needs(1) ? n.save(0) : null;
        SavedValue sb = n.needs(0) ? n.save(1) : null;
        return g -> new NDArray[] {n.needs(0) ? g.mul(sb.get()) : null, n.needs(1) ? g.mul(sa.get()) : null};
    };

    static Tensor mul(Tensor a, double s) {
        return OpNode.apply("MulBackward0", a.data().mul(s), a, n -> g -> new NDArray[] {g.mul(s)});
    }

    static Tensor div(Tensor a, Tensor b) {
        return OpNode.apply("DivBackward0", a.data().div(b.data()), a, b, DIV);
    }

    private static final OpNode.Rule DIV = n -> {
        SavedValue sa = n.needs(1) ? n.save(0) : null;
        SavedValue sb = n.save(1);
        return g -> {
            NDArray bv = sb.get();
            return new NDArray[] {
                n.needs(0) ? g.div(bv) : null,
                // PyTorch's order: -grad * ((self / other) / other)
                n.needs(1) ? g.neg().mul(sa.get().div(bv).div(bv)) : null
            };
        };
    };

    static Tensor div(Tensor a, double s) {
        return OpNode.apply("DivBackward0", a.data().div(s), a, n -> g -> new NDArray[] {g.div(s)});
    }

    static Tensor pow(Tensor a, double exponent) {
        return OpNode.apply("PowBackward0", a.data().pow(exponent), a, n -> {
            if (exponent == 0) {
                int[] shape = n.input(0).data().shape().toArray();
                return g -> new NDArray[] {NDArray.zeros(g.dtype(), shape)};
            }
            SavedValue sa = n.save(0);
            // PyTorch's order: grad * (exponent * self.pow(exponent - 1))
            return g -> new NDArray[] {g.mul(sa.get().pow(exponent - 1).mul(exponent))};
        });
    }

    static Tensor pow(Tensor a, Tensor exponent) {
        return OpNode.apply("PowBackward1", a.data().pow(exponent.data()), a, exponent, POW);
    }

    private static final OpNode.Rule POW = n -> {
        SavedValue sa = n.save(0);
        SavedValue se = n.save(1);
        SavedValue so = n.needs(1) ? n.saveOutput() : null;
        return g -> {
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
        };
    };

    static Tensor maximum(Tensor a, Tensor b) {
        return OpNode.apply("MaximumBackward0", a.data().maximum(b.data()), a, b, MAXIMUM);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return OpNode.apply("MinimumBackward0", a.data().minimum(b.data()), a, b, MINIMUM);
    }

    private static final OpNode.Rule MAXIMUM = n -> extremum(n, true);
    private static final OpNode.Rule MINIMUM = n -> extremum(n, false);

    /** Ties split the gradient in half between the two inputs, as PyTorch's formula does. */
    private static Derivative extremum(OpNode n, boolean max) {
        SavedValue sa = n.save(0);
        SavedValue sb = n.save(1);
        return g -> {
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
        };
    }

    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        NDArray out = NDArray.where(condition.data(), a.data(), b.data());
        return OpNode.apply("WhereBackward0", out, a, b, n -> {
            SavedValue sc = n.save(condition);
            return g -> {
                NDArray c = sc.get();
                NDArray z = zero(g);
                return new NDArray[] {
                    n.needs(0) ? NDArray.where(c, g, z) : null, n.needs(1) ? NDArray.where(c, z, g) : null
                };
            };
        });
    }
}
