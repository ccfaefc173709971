package dev.jgrad.tensor.kernel;

/**
 * The elementwise functions of two operands, named once from {@code NDArray} down to the kernels:
 * arithmetic (ADD to MINIMUM), comparisons into bool (EQ to GE) and the logical pair. Each constant
 * holds its scalar definitions: on doubles and longs ({@link #applyD}, {@link #applyL}, the
 * reference for every dtype) and, where the kernels implement it, as the lambdas of its loop
 * methods (float32 and float64 arithmetic, float32 comparisons). Vector definitions are in
 * {@code VectorFloatOps} and {@code VectorDoubleOps}. As for {@link UnaryOp}, each constant's
 * override runs the shared loop template with its own lambda, so C2 compiles a loop per op.
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> u + v, n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> u + v, n, a, ao, as, b, bo, bs, out, oo, os);
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> u - v, n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> u - v, n, a, ao, as, b, bo, bs, out, oo, os);
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> u * v, n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> u * v, n, a, ao, as, b, bo, bs, out, oo, os);
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> u / v, n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> u / v, n, a, ao, as, b, bo, bs, out, oo, os);
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> (float) Math.pow(u, v), n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> Math.pow(u, v), n, a, ao, as, b, bo, bs, out, oo, os);
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> Math.max(u, v), n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> Math.max(u, v), n, a, ao, as, b, bo, bs, out, oo, os);
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

        @Override
        void apply(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
            ScalarFloatOps.map((u, v) -> Math.min(u, v), n, a, ao, as, b, bo, bs, out, oo, os);
        }

        @Override
        void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
            ScalarDoubleOps.map((u, v) -> Math.min(u, v), n, a, ao, as, b, bo, bs, out, oo, os);
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
            ScalarFloatOps.compare((u, v) -> u == v, n, a, ao, as, b, bo, bs, out, oo, os);
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
            ScalarFloatOps.compare((u, v) -> u != v, n, a, ao, as, b, bo, bs, out, oo, os);
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
            ScalarFloatOps.compare((u, v) -> u < v, n, a, ao, as, b, bo, bs, out, oo, os);
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
            ScalarFloatOps.compare((u, v) -> u <= v, n, a, ao, as, b, bo, bs, out, oo, os);
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
            ScalarFloatOps.compare((u, v) -> u > v, n, a, ao, as, b, bo, bs, out, oo, os);
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
            ScalarFloatOps.compare((u, v) -> u >= v, n, a, ao, as, b, bo, bs, out, oo, os);
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
        throw new IllegalArgumentException("no kernel for " + this);
    }

    /** One row: out[i] = op(a[i], b[i]) for n float64 elements with strides; arithmetic ops only. */
    void apply(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
        throw new IllegalArgumentException("no kernel for " + this);
    }

    /** out[i] = a[i] op b[i] for n float32 elements into a bool array; the six comparisons only. */
    void compare(int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
        throw new IllegalArgumentException("not a comparison: " + this);
    }
}
