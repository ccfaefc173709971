package dev.jgrad.tensor;

/**
 * The elementwise binary operations, with their reference semantics on doubles (floating dtypes)
 * and longs (integer and bool dtypes). The float32 fast paths live in {@link FloatLoops}.
 */
enum BinaryOp {
    ADD("add") {
        double applyD(double a, double b) {
            return a + b;
        }

        long applyL(long a, long b) {
            return a + b;
        }
    },
    SUB("sub") {
        double applyD(double a, double b) {
            return a - b;
        }

        long applyL(long a, long b) {
            return a - b;
        }
    },
    MUL("mul") {
        double applyD(double a, double b) {
            return a * b;
        }

        long applyL(long a, long b) {
            return a * b;
        }
    },
    DIV("div") {
        double applyD(double a, double b) {
            return a / b;
        }

        long applyL(long a, long b) {
            if (b == 0) {
                throw new ArithmeticException("ZeroDivisionError");
            }
            return Math.floorDiv(a, b);
        }
    },
    POW("pow") {
        double applyD(double a, double b) {
            return Math.pow(a, b);
        }

        long applyL(long a, long b) {
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
    MAXIMUM("maximum") {
        double applyD(double a, double b) {
            return Math.max(a, b);
        }

        long applyL(long a, long b) {
            return Math.max(a, b);
        }
    },
    MINIMUM("minimum") {
        double applyD(double a, double b) {
            return Math.min(a, b);
        }

        long applyL(long a, long b) {
            return Math.min(a, b);
        }
    },
    EQ("eq") {
        double applyD(double a, double b) {
            return a == b ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a == b ? 1 : 0;
        }
    },
    NE("ne") {
        double applyD(double a, double b) {
            return a != b ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a != b ? 1 : 0;
        }
    },
    LT("lt") {
        double applyD(double a, double b) {
            return a < b ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a < b ? 1 : 0;
        }
    },
    LE("le") {
        double applyD(double a, double b) {
            return a <= b ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a <= b ? 1 : 0;
        }
    },
    GT("gt") {
        double applyD(double a, double b) {
            return a > b ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a > b ? 1 : 0;
        }
    },
    GE("ge") {
        double applyD(double a, double b) {
            return a >= b ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a >= b ? 1 : 0;
        }
    },
    LOGICAL_AND("logical_and") {
        double applyD(double a, double b) {
            return a != 0 && b != 0 ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a != 0 && b != 0 ? 1 : 0;
        }
    },
    LOGICAL_OR("logical_or") {
        double applyD(double a, double b) {
            return a != 0 || b != 0 ? 1 : 0;
        }

        long applyL(long a, long b) {
            return a != 0 || b != 0 ? 1 : 0;
        }
    };

    final String pyName;

    BinaryOp(String pyName) {
        this.pyName = pyName;
    }

    abstract double applyD(double a, double b);

    abstract long applyL(long a, long b);

    /** Ops whose result is bool whatever the inputs. */
    boolean isComparison() {
        return ordinal() >= EQ.ordinal();
    }
}
