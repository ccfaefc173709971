package dev.jgrad.tensor.kernel;

/**
 * The elementwise functions of one operand, named once from {@code NDArray} down to the kernels.
 * Each constant holds its scalar definitions: the float32 and float64 functions (as the lambdas of
 * its two loop methods) and, where integers keep their dtype, the int64 one. Its vector definition,
 * where it has one, is in {@code VectorFloatOps} (and {@code VectorDoubleOps}); the scalar one
 * serves every other case and gives the same bits.
 *
 * <p>Each constant is its own class and overrides the loop methods with one call to the shared
 * loop template ({@link ScalarFloatOps#map}, {@link ScalarDoubleOps#map}) and a lambda of its own:
 * C2 compiles each override apart, inlines the template into it and the lambda, a constant there,
 * into the loop, so no loop makes a call per element. The dispatch is one virtual call per row.
 */
public enum UnaryOp {
    NEG(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> -v, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(v -> -v, n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return -x;
        }
    },
    ABS(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(Math::abs, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::abs, n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return Math.abs(x);
        }
    },
    SQRT(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> (float) Math.sqrt(v), n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::sqrt, n, x, xo, xs, out, oo, os);
        }
    },
    EXP(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::exp, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::exp, n, x, xo, xs, out, oo, os);
        }
    },
    LOG(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::log, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::log, n, x, xo, xs, out, oo, os);
        }
    },
    TANH(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::tanh, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::tanh, n, x, xo, xs, out, oo, os);
        }
    },
    SIGMOID(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::sigmoid, n, x, xo, xs, out, oo, os);
        }

        /** 1 / (1 + e^-x): in double only results below 1e-308 are lost, and it matches torch's formula. */
        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(v -> 1.0 / (1.0 + Math.exp(-v)), n, x, xo, xs, out, oo, os);
        }
    },
    /** {@code x > 0 ? x : 0}, with NaN kept and -0.0 mapped to 0.0, as torch.relu. */
    RELU(IntegerInput.KEEP) {
        /**
         * {@code Math.max(x, 0)}: the values of {@code x <= 0 ? 0 : x} (-0.0 gives 0.0, NaN stays)
         * without a branch, which on mixed-sign data mispredicts half the time.
         */
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> Math.max(v, 0f), n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(v -> Math.max(v, 0.0), n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return Math.max(x, 0);
        }
    },
    /** The sine, torch.sin: a polynomial on the reduced argument up to TRIG_MAX, the JDK's double sin above. */
    SIN(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(
                    v -> FloatMath.trigReduces(v) ? FloatMath.trig(v, 0) : (float) Math.sin(v),
                    n,
                    x,
                    xo,
                    xs,
                    out,
                    oo,
                    os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::sin, n, x, xo, xs, out, oo, os);
        }
    },
    /** The cosine, torch.cos: sin(x + pi/2), the same reduction one quadrant further. */
    COS(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(
                    v -> FloatMath.trigReduces(v) ? FloatMath.trig(v, 1) : (float) Math.cos(v),
                    n,
                    x,
                    xo,
                    xs,
                    out,
                    oo,
                    os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::cos, n, x, xo, xs, out, oo, os);
        }
    },
    /** The Gauss error function, torch.erf. */
    ERF(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::erf, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(DoubleMath::erf, n, x, xo, xs, out, oo, os);
        }
    },
    /** e^x - 1, torch.expm1. */
    EXPM1(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::expm1, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::expm1, n, x, xo, xs, out, oo, os);
        }
    },
    /** log(1 + x), torch.log1p. */
    LOG1P(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(FloatMath::log1p, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::log1p, n, x, xo, xs, out, oo, os);
        }
    },
    /** Towards -infinity, torch.floor. */
    FLOOR(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> (float) Math.floor(v), n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::floor, n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** Towards +infinity, torch.ceil. */
    CEIL(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> (float) Math.ceil(v), n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::ceil, n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** Round half to even, as torch.round. */
    ROUND(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> (float) Math.rint(v), n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(Math::rint, n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** Towards zero, torch.trunc. */
    TRUNC(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> (float) (v < 0 ? Math.ceil(v) : Math.floor(v)), n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(v -> v < 0 ? Math.ceil(v) : Math.floor(v), n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** -1, 0 or 1; 0 for NaN and -0.0, as torch.sign: (0 &lt; x) - (x &lt; 0). */
    SIGN(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            ScalarFloatOps.map(v -> v > 0f ? 1f : v < 0f ? -1f : 0f, n, x, xo, xs, out, oo, os);
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            ScalarDoubleOps.map(v -> v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0, n, x, xo, xs, out, oo, os);
        }

        @Override
        public long applyL(long x) {
            return Long.signum(x);
        }
    };

    /** What an op does with integer (and bool) input. */
    public enum IntegerInput {
        /** Integers keep their dtype and go through {@link UnaryOp#applyL}. */
        KEEP,
        /** Computed in double from the integer and rounded to float32 (the first floating functions). */
        IN_DOUBLE,
        /** Converted to float32 first, then computed by the float32 kernel, as PyTorch does. */
        IN_FLOAT32
    }

    private final IntegerInput integerInput;

    UnaryOp(IntegerInput integerInput) {
        this.integerInput = integerInput;
    }

    /**
     * What this op does with integer input.
     *
     * @return how integer and bool inputs are computed
     */
    public IntegerInput integerInput() {
        return integerInput;
    }

    /**
     * Whether the result is floating whatever the input (integer input gives float32).
     *
     * @return true for sqrt, exp, log, the trigonometric functions and the like
     */
    public boolean isFloatingFunction() {
        return integerInput != IntegerInput.KEEP;
    }

    /** {@code out[i] = op(x[i])} for n float32 elements with strides: this op's scalar loop. */
    abstract void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os);

    /** {@code out[i] = op(x[i])} for n float64 elements with strides: this op's scalar loop. */
    abstract void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os);

    /**
     * This op on an integer, for the ops whose integer input keeps its dtype ({@link IntegerInput#KEEP}).
     *
     * @param x the argument
     * @return the result
     * @throws UnsupportedOperationException for the floating functions
     */
    public long applyL(long x) {
        throw new UnsupportedOperationException(name().toLowerCase() + " has no integer form");
    }
}
