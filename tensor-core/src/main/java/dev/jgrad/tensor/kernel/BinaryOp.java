package dev.jgrad.tensor.kernel;

/**
 * The elementwise functions of two operands, named once from {@code NDArray} down to the kernels:
 * arithmetic (ADD to MINIMUM), comparisons into bool (EQ to GE) and the logical pair. Each constant
 * holds its scalar definitions on doubles and longs ({@link #applyD}, {@link #applyL}, the
 * reference for every dtype) and, for the comparisons, its float32 loop ({@link #compare}); the
 * arithmetic ops' float32 loops are in {@link #loop}'s section below, from which the build
 * generates the float64 loops (class {@code ScalarDoubleBinary}). Vector definitions are in
 * {@code VectorFloatOps} (and the generated {@code VectorDoubleOps}). As in {@link UnaryOp} (see
 * there why), each op writes its function into loops of its own, so each op's loop is compiled on
 * its own.
 */
public enum BinaryOp {
    ADD {
        @Override
        public double applyD(double a, double b) {
            return a + b;
        }

        @Override
        public long applyL(long a, long b) {
            return a + b;
        }
    },
    SUB {
        @Override
        public double applyD(double a, double b) {
            return a - b;
        }

        @Override
        public long applyL(long a, long b) {
            return a - b;
        }
    },
    MUL {
        @Override
        public double applyD(double a, double b) {
            return a * b;
        }

        @Override
        public long applyL(long a, long b) {
            return a * b;
        }
    },
    /** True division for floats; integers floor, as Python (the tensor layer divides integers as float32). */
    DIV {
        @Override
        public double applyD(double a, double b) {
            return a / b;
        }

        @Override
        public long applyL(long a, long b) {
            if (b == 0) {
                throw new ArithmeticException("ZeroDivisionError");
            }
            return Math.floorDiv(a, b);
        }
    },
    POW {
        @Override
        public double applyD(double a, double b) {
            return Math.pow(a, b);
        }

        @Override
        public long applyL(long a, long b) {
            if (b < 0) {
                if (a == 1) {
                    return 1;
                }
                if (a == -1) {
                    return (b & 1) == 0 ? 1 : -1;
                }
                throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
            }
            long result = 1;
            long base = a;
            long e = b;
            while (e > 0) {
                if ((e & 1) != 0) {
                    result *= base;
                }
                base *= base;
                e >>= 1;
            }
            return result;
        }
    },
    /** Larger of the two; NaN if either is NaN (torch.maximum). */
    MAXIMUM {
        @Override
        public double applyD(double a, double b) {
            return Math.max(a, b);
        }

        @Override
        public long applyL(long a, long b) {
            return Math.max(a, b);
        }
    },
    /** Smaller of the two; NaN if either is NaN (torch.minimum). */
    MINIMUM {
        @Override
        public double applyD(double a, double b) {
            return Math.min(a, b);
        }

        @Override
        public long applyL(long a, long b) {
            return Math.min(a, b);
        }
    },
    /** Comparisons give bool; NaN compares false except with NE, as in IEEE and PyTorch. */
    EQ {
        @Override
        public double applyD(double a, double b) {
            return a == b ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a == b ? 1 : 0;
        }

        @Override
        void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
            if (n > 0 && as == 1 && os == 1 && bs == 0) {
                float s = b[bo];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] == s;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] == b[bo + i * bs];
                }
            }
        }
    },
    NE {
        @Override
        public double applyD(double a, double b) {
            return a != b ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a != b ? 1 : 0;
        }

        @Override
        void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
            if (n > 0 && as == 1 && os == 1 && bs == 0) {
                float s = b[bo];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] != s;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] != b[bo + i * bs];
                }
            }
        }
    },
    LT {
        @Override
        public double applyD(double a, double b) {
            return a < b ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a < b ? 1 : 0;
        }

        @Override
        void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
            if (n > 0 && as == 1 && os == 1 && bs == 0) {
                float s = b[bo];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] < s;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] < b[bo + i * bs];
                }
            }
        }
    },
    LE {
        @Override
        public double applyD(double a, double b) {
            return a <= b ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a <= b ? 1 : 0;
        }

        @Override
        void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
            if (n > 0 && as == 1 && os == 1 && bs == 0) {
                float s = b[bo];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] <= s;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] <= b[bo + i * bs];
                }
            }
        }
    },
    GT {
        @Override
        public double applyD(double a, double b) {
            return a > b ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a > b ? 1 : 0;
        }

        @Override
        void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
            if (n > 0 && as == 1 && os == 1 && bs == 0) {
                float s = b[bo];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] > s;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] > b[bo + i * bs];
                }
            }
        }
    },
    GE {
        @Override
        public double applyD(double a, double b) {
            return a >= b ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a >= b ? 1 : 0;
        }

        @Override
        void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
            if (n > 0 && as == 1 && os == 1 && bs == 0) {
                float s = b[bo];
                for (int i = 0; i < n; i++) {
                    out[oo + i] = a[ao + i] >= s;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[oo + i * os] = a[ao + i * as] >= b[bo + i * bs];
                }
            }
        }
    },
    /** Both non-zero, as torch.logical_and; computed on bool. */
    LOGICAL_AND {
        @Override
        public double applyD(double a, double b) {
            return a != 0 && b != 0 ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a != 0 && b != 0 ? 1 : 0;
        }
    },
    /** Either non-zero, as torch.logical_or; computed on bool. */
    LOGICAL_OR {
        @Override
        public double applyD(double a, double b) {
            return a != 0 || b != 0 ? 1 : 0;
        }

        @Override
        public long applyL(long a, long b) {
            return a != 0 || b != 0 ? 1 : 0;
        }
    };

    /**
     * This op on two doubles: the reference for floating dtypes (comparisons give 1 or 0).
     *
     * @param a the left operand
     * @param b the right operand
     * @return the result
     */
    public abstract double applyD(double a, double b);

    /**
     * This op on two longs: the reference for integer and bool dtypes (comparisons give 1 or 0).
     *
     * @param a the left operand
     * @param b the right operand
     * @return the result
     * @throws ArithmeticException for an integer division by zero
     * @throws IllegalArgumentException for an integer to a negative power other than of 1 and -1
     */
    public abstract long applyL(long a, long b);

    /**
     * Whether the result is bool whatever the inputs (comparisons and the logical pair).
     *
     * @return true from EQ on
     */
    public boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }

    /**
     * Whether {@link Kernels#binary} implements this op (the arithmetic ones).
     *
     * @return true for ADD to MINIMUM
     */
    public boolean isArithmetic() {
        return ordinal() < EQ.ordinal();
    }

    /**
     * Whether {@link Kernels#compare} implements this op (the six comparisons).
     *
     * @return true for EQ to GE
     */
    public boolean isRelational() {
        return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
    }

    /** One row: out[i] = op(a[i], b[i]) for n float32 elements with strides; arithmetic ops only. */
    void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        loop(this, n, a, ao, as, b, bo, bs, out, oo, os);
    }

    /** One row: out[i] = op(a[i], b[i]) for n float64 elements with strides; arithmetic ops only. */
    void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
        ScalarDoubleBinary.loop(this, n, a, ao, as, b, bo, bs, out, oo, os);
    }

    /** out[i] = a[i] op b[i] for n float32 elements into a bool array; the six comparisons only. */
    void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
        throw new IllegalArgumentException("not a comparison: " + this);
    }

    // @double-twin:begin ScalarDoubleBinary
    // @float-only:begin
    // From here to double-twin:end, the build writes the float64 loops, class ScalarDoubleBinary
    // (tensor-core/src/build/GenerateDouble.java).
    // @float-only:end
    /** The float32 loops of the arithmetic ops: one method per op with its function written in (see UnaryOp). */
    static void loop(
            BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        switch (op) {
            case ADD -> add(n, a, ao, as, b, bo, bs, out, oo, os);
            case SUB -> sub(n, a, ao, as, b, bo, bs, out, oo, os);
            case MUL -> mul(n, a, ao, as, b, bo, bs, out, oo, os);
            case DIV -> div(n, a, ao, as, b, bo, bs, out, oo, os);
            case POW -> pow(n, a, ao, as, b, bo, bs, out, oo, os);
            case MAXIMUM -> maximum(n, a, ao, as, b, bo, bs, out, oo, os);
            case MINIMUM -> minimum(n, a, ao, as, b, bo, bs, out, oo, os);
            default -> throw new IllegalArgumentException("no kernel for " + op);
        }
    }

    private static void add(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] + b[i];
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] + b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] + s;
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = s + b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = a[ao + i * as] + b[bo + i * bs];
            }
        }
    }

    private static void sub(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] - b[i];
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] - b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] - s;
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = s - b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = a[ao + i * as] - b[bo + i * bs];
            }
        }
    }

    private static void mul(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] * b[i];
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] * b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] * s;
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = s * b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = a[ao + i * as] * b[bo + i * bs];
            }
        }
    }

    private static void div(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] / b[i];
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = a[ao + i] / b[bo + i];
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = a[i] / s;
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = s / b[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = a[ao + i * as] / b[bo + i * bs];
            }
        }
    }

    private static void pow(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = (float) Math.pow(a[i], b[i]);
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = (float) Math.pow(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = (float) Math.pow(a[i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = (float) Math.pow(s, b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = (float) Math.pow(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void maximum(
            int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.max(a[i], b[i]);
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.max(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.max(a[i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.max(s, b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = Math.max(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }

    private static void minimum(
            int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        if (os == 1 && as == 1 && bs == 1 && ao == oo && bo == oo) {
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.min(a[i], b[i]);
            }
        } else if (os == 1 && as == 1 && bs == 1) {
            for (int i = 0; i < n; i++) {
                out[oo + i] = Math.min(a[ao + i], b[bo + i]);
            }
        } else if (os == 1 && as == 1 && bs == 0 && ao == oo && n > 0) {
            float s = b[bo];
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.min(a[i], s);
            }
        } else if (os == 1 && as == 0 && bs == 1 && bo == oo && n > 0) {
            float s = a[ao];
            for (int i = oo; i < oo + n; i++) {
                out[i] = Math.min(s, b[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[oo + i * os] = Math.min(a[ao + i * as], b[bo + i * bs]);
            }
        }
    }
    // @double-twin:end
}
