package dev.jgrad.tensor.kernel;

/**
 * The elementwise functions of one operand, named once from {@code NDArray} down to the kernels.
 * Each op has its scalar definitions here: its float32 loop (in {@link #loop}'s section below,
 * from which the build generates the float64 loop, class {@code ScalarDoubleUnary}) and, where
 * integers keep their dtype, its int64 function ({@link #applyL}). Its vector definition, where it
 * has one, is in {@code VectorFloatOps} (and the generated {@code VectorDoubleOps}); the scalar
 * one serves every other case and gives the same bits.
 *
 * <p>Each op has its own loop method with its function written into the loops, so each op's loop
 * is compiled on its own with the function inline: no call per element, and the shared-index loop
 * (operands at one offset: fresh tensors, in place) is one C2 (JDK 17 to 25) unrolls and
 * auto-vectorises. A loop template taking the function as a lambda would be compiled once for all
 * ops, with a megamorphic call per element, until C2 compiles each caller with it inlined, which
 * a method called once per row reaches late or never. The dispatch is one switch per row.
 */
public enum UnaryOp {
    NEG(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return -x;
        }
    },
    ABS(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return Math.abs(x);
        }
    },
    SQRT(IntegerInput.IN_DOUBLE),
    EXP(IntegerInput.IN_DOUBLE),
    LOG(IntegerInput.IN_DOUBLE),
    TANH(IntegerInput.IN_DOUBLE),
    /** 1 / (1 + e^-x); in double only results below 1e-308 are lost, and it matches torch's formula. */
    SIGMOID(IntegerInput.IN_DOUBLE),
    /**
     * {@code x > 0 ? x : 0}, with NaN kept and -0.0 mapped to 0.0, as torch.relu; computed as
     * {@code Math.max(x, 0)}, the same values without a branch (which on mixed-sign data
     * mispredicts half the time).
     */
    RELU(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return Math.max(x, 0);
        }
    },
    /** The sine, torch.sin: a polynomial on the reduced argument up to TRIG_MAX, the JDK's double sine above. */
    SIN(IntegerInput.IN_FLOAT32),
    /** The cosine, torch.cos: the sine a quadrant further, the same reduction. */
    COS(IntegerInput.IN_FLOAT32),
    /** The Gauss error function, torch.erf. */
    ERF(IntegerInput.IN_FLOAT32),
    /** e^x - 1, torch.expm1. */
    EXPM1(IntegerInput.IN_FLOAT32),
    /** log(1 + x), torch.log1p. */
    LOG1P(IntegerInput.IN_FLOAT32),
    /** Towards -infinity, torch.floor. */
    FLOOR(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** Towards +infinity, torch.ceil. */
    CEIL(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** Round half to even, as torch.round. */
    ROUND(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** Towards zero, torch.trunc. */
    TRUNC(IntegerInput.KEEP) {
        @Override
        public long applyL(long x) {
            return x;
        }
    },
    /** -1, 0 or 1; 0 for NaN and -0.0, as torch.sign: (0 &lt; x) - (x &lt; 0). */
    SIGN(IntegerInput.KEEP) {
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
    void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        loop(this, n, x, xo, xs, out, oo, os);
    }

    /** {@code out[i] = op(x[i])} for n float64 elements with strides: the loop generated from the float32 one. */
    void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
        ScalarDoubleUnary.loop(this, n, x, xo, xs, out, oo, os);
    }

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

    // @double-twin:begin ScalarDoubleUnary
    // @float-only:begin
    // From here to double-twin:end, the build writes the float64 loops, class ScalarDoubleUnary
    // (tensor-core/src/build/GenerateDouble.java).
    // @float-only:end
    /** The float32 loops: one method per op with its function written in, each compiled apart (see UnaryOp). */
    static void loop(UnaryOp op, int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        switch (op) {
            case NEG -> neg(n, x, xo, xs, out, oo, os);
            case ABS -> abs(n, x, xo, xs, out, oo, os);
            case SQRT -> sqrt(n, x, xo, xs, out, oo, os);
            case EXP -> exp(n, x, xo, xs, out, oo, os);
            case LOG -> log(n, x, xo, xs, out, oo, os);
            case TANH -> tanh(n, x, xo, xs, out, oo, os);
            case SIGMOID -> sigmoid(n, x, xo, xs, out, oo, os);
            case RELU -> relu(n, x, xo, xs, out, oo, os);
            case SIN -> sin(n, x, xo, xs, out, oo, os);
            case COS -> cos(n, x, xo, xs, out, oo, os);
            case ERF -> erf(n, x, xo, xs, out, oo, os);
            case EXPM1 -> expm1(n, x, xo, xs, out, oo, os);
            case LOG1P -> log1p(n, x, xo, xs, out, oo, os);
            case FLOOR -> floor(n, x, xo, xs, out, oo, os);
            case CEIL -> ceil(n, x, xo, xs, out, oo, os);
            case ROUND -> round(n, x, xo, xs, out, oo, os);
            case TRUNC -> trunc(n, x, xo, xs, out, oo, os);
            case SIGN -> sign(n, x, xo, xs, out, oo, os);
            default -> throw new IllegalArgumentException("no kernel for " + op);
        }
    }

    private static void neg(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = -v;
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = -v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = -v;
            }
        }
    }

    private static void abs(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = Math.abs(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = Math.abs(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = Math.abs(v);
            }
        }
    }

    private static void sqrt(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = (float) Math.sqrt(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = (float) Math.sqrt(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = (float) Math.sqrt(v);
            }
        }
    }

    private static void exp(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.exp(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.exp(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.exp(v);
            }
        }
    }

    private static void log(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.log(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.log(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.log(v);
            }
        }
    }

    private static void tanh(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.tanh(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.tanh(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.tanh(v);
            }
        }
    }

    private static void sigmoid(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.sigmoid(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.sigmoid(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.sigmoid(v);
            }
        }
    }

    private static void relu(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = Math.max(v, 0f);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = Math.max(v, 0f);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = Math.max(v, 0f);
            }
        }
    }

    private static void sin(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.sin(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.sin(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.sin(v);
            }
        }
    }

    private static void cos(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.cos(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.cos(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.cos(v);
            }
        }
    }

    private static void erf(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.erf(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.erf(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.erf(v);
            }
        }
    }

    private static void expm1(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.expm1(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.expm1(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.expm1(v);
            }
        }
    }

    private static void log1p(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = FloatMath.log1p(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = FloatMath.log1p(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = FloatMath.log1p(v);
            }
        }
    }

    private static void floor(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = (float) Math.floor(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = (float) Math.floor(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = (float) Math.floor(v);
            }
        }
    }

    private static void ceil(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = (float) Math.ceil(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = (float) Math.ceil(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = (float) Math.ceil(v);
            }
        }
    }

    private static void round(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = (float) Math.rint(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = (float) Math.rint(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = (float) Math.rint(v);
            }
        }
    }

    private static void trunc(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = v < 0 ? (float) Math.ceil(v) : (float) Math.floor(v);
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = v < 0 ? (float) Math.ceil(v) : (float) Math.floor(v);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = v < 0 ? (float) Math.ceil(v) : (float) Math.floor(v);
            }
        }
    }

    private static void sign(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs == 1 && os == 1 && xo == oo) {
            for (int i = oo; i < oo + n; i++) {
                float v = x[i];
                out[i] = v > 0f ? 1f : v < 0f ? -1f : 0f;
            }
        } else if (xs == 1 && os == 1) {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i];
                out[oo + i] = v > 0f ? 1f : v < 0f ? -1f : 0f;
            }
        } else {
            for (int i = 0; i < n; i++) {
                float v = x[xo + i * xs];
                out[oo + i * os] = v > 0f ? 1f : v < 0f ? -1f : 0f;
            }
        }
    }
    // @double-twin:end
}
