package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * double elementwise loops on the preferred vector species: contiguous operands, and a repeated
 * (stride 0) operand on either side; other strides and the tails use the scalar loops, which
 * compute the same values. exp, log, tanh and sigmoid run the JDK's scalar functions ({@link UnaryOp}).
 */
final class VectorDoubleOps {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDoubleOps() {}

    static void unary(UnaryOp op, int n, double[] x, int xo, int xs, double[] out, int oo, int os) {
        if (xs != 1 || os != 1 || n < L) {
            op.apply(n, x, xo, xs, out, oo, os);
            return;
        }
        int done = switch (op) {
            case NEG -> neg(n, x, xo, out, oo);
            case ABS -> abs(n, x, xo, out, oo);
            case SQRT -> sqrt(n, x, xo, out, oo);
            case RELU -> relu(n, x, xo, out, oo);
            default -> 0;
        };
        op.apply(n - done, x, xo + done, 1, out, oo + done, 1);
    }

    private static int neg(int n, double[] x, int xo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            (v.neg()).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int abs(int n, double[] x, int xo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            (v.abs()).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int sqrt(int n, double[] x, int xo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            (v.sqrt()).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int relu(int n, double[] x, int xo, double[] out, int oo) {
        int bound = VectorDoubleReduce.VECTOR_COMPARE ? S.loopBound(n) : 0;
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            (v.blend(0.0, v.compare(VectorOperators.LE, 0.0))).intoArray(out, oo + i);
        }
        return bound;
    }

    /** One row: out[i] = op(a[i], b[i]) for n elements with strides. */
    static void binary(
            BinaryOp op, int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo, int os) {
        int done = 0;
        if (os == 1 && n >= L && (as == 1 && (bs == 1 || bs == 0) || as == 0 && bs == 1)) {
            done = switch (op) {
                case ADD -> add(n, a, ao, as, b, bo, bs, out, oo);
                case SUB -> sub(n, a, ao, as, b, bo, bs, out, oo);
                case MUL -> mul(n, a, ao, as, b, bo, bs, out, oo);
                case DIV -> div(n, a, ao, as, b, bo, bs, out, oo);
                case MAXIMUM -> maximum(n, a, ao, as, b, bo, bs, out, oo);
                case MINIMUM -> minimum(n, a, ao, as, b, bo, bs, out, oo);
                default -> 0;
            };
        }
        op.apply(n - done, a, ao + done * as, as, b, bo + done * bs, bs, out, oo + done, os);
    }

    /**
     * add: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int add(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.add(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            DoubleVector v = DoubleVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                u.add(v).intoArray(out, oo + i);
            }
        } else {
            DoubleVector u = DoubleVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.add(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * sub: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int sub(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.sub(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            DoubleVector v = DoubleVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                u.sub(v).intoArray(out, oo + i);
            }
        } else {
            DoubleVector u = DoubleVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.sub(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * mul: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int mul(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.mul(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            DoubleVector v = DoubleVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                u.mul(v).intoArray(out, oo + i);
            }
        } else {
            DoubleVector u = DoubleVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.mul(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * div: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int div(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.div(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            DoubleVector v = DoubleVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                u.div(v).intoArray(out, oo + i);
            }
        } else {
            DoubleVector u = DoubleVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.div(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * maximum: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int maximum(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.max(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            DoubleVector v = DoubleVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                u.max(v).intoArray(out, oo + i);
            }
        } else {
            DoubleVector u = DoubleVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.max(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * minimum: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int minimum(int n, double[] a, int ao, int as, double[] b, int bo, int bs, double[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.min(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            DoubleVector v = DoubleVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
                u.min(v).intoArray(out, oo + i);
            }
        } else {
            DoubleVector u = DoubleVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
                u.min(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    static void clamp(int n, double[] x, int xo, int xs, double min, double max, double[] out, int oo, int os) {
        int done = 0;
        if (xs == 1 && os == 1) {
            done = S.loopBound(n);
            DoubleVector lo = DoubleVector.broadcast(S, min);
            DoubleVector hi = DoubleVector.broadcast(S, max);
            for (int i = 0; i < done; i += L) {
                DoubleVector.fromArray(S, x, xo + i).max(lo).min(hi).intoArray(out, oo + i);
            }
        }
        ScalarDoubleOps.clamp(n - done, x, xo + done * xs, xs, min, max, out, oo + done * os, os);
    }
}
