package dev.jgrad.tensor;

/**
 * The elementwise unary operations with their double reference semantics; float32 inputs are
 * computed in double and rounded once, which for these functions is what the fast paths in
 * {@link FloatLoops} compute as well.
 */
enum UnaryOp {
    NEG {
        double applyD(double x) {
            return -x;
        }
    },
    ABS {
        double applyD(double x) {
            return Math.abs(x);
        }
    },
    SQRT {
        double applyD(double x) {
            return Math.sqrt(x);
        }
    },
    EXP {
        double applyD(double x) {
            return Math.exp(x);
        }
    },
    LOG {
        double applyD(double x) {
            return Math.log(x);
        }
    },
    SIGMOID {
        double applyD(double x) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
    },
    TANH {
        double applyD(double x) {
            return Math.tanh(x);
        }
    },
    RELU {
        double applyD(double x) {
            return x > 0 ? x : (x == x ? 0.0 : x);
        }
    },
    LOGICAL_NOT {
        double applyD(double x) {
            return x == 0 ? 1 : 0;
        }
    },
    SIN {
        double applyD(double x) {
            return Math.sin(x);
        }
    },
    COS {
        double applyD(double x) {
            return Math.cos(x);
        }
    },
    ERF {
        double applyD(double x) {
            return dev.jgrad.tensor.kernel.Kernels.erf(x);
        }
    },
    EXPM1 {
        double applyD(double x) {
            return Math.expm1(x);
        }
    },
    LOG1P {
        double applyD(double x) {
            return Math.log1p(x);
        }
    },
    FLOOR {
        double applyD(double x) {
            return Math.floor(x);
        }
    },
    CEIL {
        double applyD(double x) {
            return Math.ceil(x);
        }
    },
    ROUND {
        double applyD(double x) {
            return Math.rint(x);
        }
    },
    TRUNC {
        double applyD(double x) {
            return x < 0 ? Math.ceil(x) : Math.floor(x);
        }
    },
    SIGN {
        double applyD(double x) {
            return x > 0 ? 1 : x < 0 ? -1 : 0;
        }
    };

    abstract double applyD(double x);

    /** Functions that always produce a floating result (integer inputs give float32). */
    boolean isFloatingFunction() {
        return this == SQRT
                || this == EXP
                || this == LOG
                || this == SIGMOID
                || this == TANH
                || this == SIN
                || this == COS
                || this == ERF
                || this == EXPM1
                || this == LOG1P;
    }
}
