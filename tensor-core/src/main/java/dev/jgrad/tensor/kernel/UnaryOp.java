package dev.jgrad.tensor.kernel;

/**
 * The elementwise functions of one operand, named once from {@code NDArray} down to the kernels.
 * Each constant holds its scalar definitions: the float32 and float64 functions (in its two loop
 * methods) and, where integers keep their dtype, the int64 one. Its vector definition,
 * where it has one, is in {@code VectorFloatOps} (and {@code VectorDoubleOps}); the scalar one
 * serves every other case and gives the same bits.
 *
 * <p>Each constant is its own class and overrides the loop methods with its function written into
 * the loops, so each op's loop is compiled on its own with the function inline: no call per
 * element, and the shared-index loop (operands at one offset: fresh tensors, in place) is one C2
 * (JDK 17 to 25) unrolls and auto-vectorises. A loop template taking the function as a lambda
 * would be compiled once for all ops, with a megamorphic call per element, until C2 compiles
 * each caller with it inlined, which a method called once per row reaches late or never. The
 * dispatch is one virtual call per row.
 */
public enum UnaryOp {
    NEG(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = -v;
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = -v;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = -v;
                }
            }
        }

        @Override
        public long applyL(long x) {
            return -x;
        }
    },
    ABS(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.abs(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.abs(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.abs(v);
                }
            }
        }

        @Override
        public long applyL(long x) {
            return Math.abs(x);
        }
    },
    SQRT(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.sqrt(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.sqrt(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.sqrt(v);
                }
            }
        }
    },
    EXP(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.exp(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.exp(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.exp(v);
                }
            }
        }
    },
    LOG(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.log(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.log(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.log(v);
                }
            }
        }
    },
    TANH(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.tanh(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.tanh(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.tanh(v);
                }
            }
        }
    },
    /** 1 / (1 + e^-x); in double only results below 1e-308 are lost, and it matches torch's formula. */
    SIGMOID(IntegerInput.IN_DOUBLE) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = 1.0 / (1.0 + Math.exp(-v));
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = 1.0 / (1.0 + Math.exp(-v));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = 1.0 / (1.0 + Math.exp(-v));
                }
            }
        }
    },
    /**
     * {@code x > 0 ? x : 0}, with NaN kept and -0.0 mapped to 0.0, as torch.relu; computed as
     * {@code Math.max(x, 0)}, the same values without a branch (which on mixed-sign data
     * mispredicts half the time).
     */
    RELU(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.max(v, 0.0);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.max(v, 0.0);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.max(v, 0.0);
                }
            }
        }

        @Override
        public long applyL(long x) {
            return Math.max(x, 0);
        }
    },
    /** The sine, torch.sin: a polynomial on the reduced argument up to TRIG_MAX, the JDK's double sine above. */
    SIN(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    float v = x[i];
                    out[i] = FloatMath.trigReduces(v) ? FloatMath.trig(v, 0) : (float) Math.sin(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    out[oo + i] = FloatMath.trigReduces(v) ? FloatMath.trig(v, 0) : (float) Math.sin(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = FloatMath.trigReduces(v) ? FloatMath.trig(v, 0) : (float) Math.sin(v);
                }
            }
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.sin(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.sin(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.sin(v);
                }
            }
        }
    },
    /** The cosine, torch.cos: the sine a quadrant further, the same reduction. */
    COS(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    float v = x[i];
                    out[i] = FloatMath.trigReduces(v) ? FloatMath.trig(v, 1) : (float) Math.cos(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    out[oo + i] = FloatMath.trigReduces(v) ? FloatMath.trig(v, 1) : (float) Math.cos(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = FloatMath.trigReduces(v) ? FloatMath.trig(v, 1) : (float) Math.cos(v);
                }
            }
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.cos(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.cos(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.cos(v);
                }
            }
        }
    },
    /** The Gauss error function, torch.erf. */
    ERF(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = DoubleMath.erf(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = DoubleMath.erf(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = DoubleMath.erf(v);
                }
            }
        }
    },
    /** e^x - 1, torch.expm1. */
    EXPM1(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.expm1(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.expm1(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.expm1(v);
                }
            }
        }
    },
    /** log(1 + x), torch.log1p. */
    LOG1P(IntegerInput.IN_FLOAT32) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.log1p(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.log1p(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.log1p(v);
                }
            }
        }
    },
    /** Towards -infinity, torch.floor. */
    FLOOR(IntegerInput.KEEP) {
        @Override
        void apply(int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.floor(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.floor(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.floor(v);
                }
            }
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.ceil(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.ceil(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.ceil(v);
                }
            }
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = Math.rint(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = Math.rint(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = Math.rint(v);
                }
            }
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
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    float v = x[i];
                    out[i] = (float) (v < 0 ? Math.ceil(v) : Math.floor(v));
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i];
                    out[oo + i] = (float) (v < 0 ? Math.ceil(v) : Math.floor(v));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float v = x[xo + i * xs];
                    out[oo + i * os] = (float) (v < 0 ? Math.ceil(v) : Math.floor(v));
                }
            }
        }

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = v < 0 ? Math.ceil(v) : Math.floor(v);
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = v < 0 ? Math.ceil(v) : Math.floor(v);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = v < 0 ? Math.ceil(v) : Math.floor(v);
                }
            }
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

        @Override
        void apply(int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
            if (xs == 1 && os == 1 && xo == oo) {
                for (int i = oo; i < oo + n; i++) {
                    double v = x[i];
                    out[i] = v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
                }
            } else if (xs == 1 && os == 1) {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i];
                    out[oo + i] = v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double v = x[xo + i * xs];
                    out[oo + i * os] = v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
                }
            }
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
