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
        if (os == 1 && n >= L) {
            if (as == 1 && bs == 1) {
                done = switch (op) {
                    case ADD -> addVV(n, a, ao, b, bo, out, oo);
                    case SUB -> subVV(n, a, ao, b, bo, out, oo);
                    case MUL -> mulVV(n, a, ao, b, bo, out, oo);
                    case DIV -> divVV(n, a, ao, b, bo, out, oo);
                    case MAXIMUM -> maximumVV(n, a, ao, b, bo, out, oo);
                    case MINIMUM -> minimumVV(n, a, ao, b, bo, out, oo);
                    default -> 0;
                };
            } else if (as == 1 && bs == 0) {
                done = switch (op) {
                    case ADD -> addVS(n, a, ao, b[bo], out, oo);
                    case SUB -> subVS(n, a, ao, b[bo], out, oo);
                    case MUL -> mulVS(n, a, ao, b[bo], out, oo);
                    case DIV -> divVS(n, a, ao, b[bo], out, oo);
                    case MAXIMUM -> maximumVS(n, a, ao, b[bo], out, oo);
                    case MINIMUM -> minimumVS(n, a, ao, b[bo], out, oo);
                    default -> 0;
                };
            } else if (as == 0 && bs == 1) {
                done = switch (op) {
                    case ADD -> addSV(n, a[ao], b, bo, out, oo);
                    case SUB -> subSV(n, a[ao], b, bo, out, oo);
                    case MUL -> mulSV(n, a[ao], b, bo, out, oo);
                    case DIV -> divSV(n, a[ao], b, bo, out, oo);
                    case MAXIMUM -> maximumSV(n, a[ao], b, bo, out, oo);
                    case MINIMUM -> minimumSV(n, a[ao], b, bo, out, oo);
                    default -> 0;
                };
            }
        }
        op.apply(n - done, a, ao + done * as, as, b, bo + done * bs, bs, out, oo + done, os);
    }

    private static int addVV(int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.add(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int addVS(int n, double[] a, int ao, double s, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector v = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            (u.add(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int addSV(int n, double s, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector u = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.add(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int subVV(int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.sub(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int subVS(int n, double[] a, int ao, double s, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector v = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            (u.sub(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int subSV(int n, double s, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector u = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.sub(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int mulVV(int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.mul(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int mulVS(int n, double[] a, int ao, double s, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector v = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            (u.mul(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int mulSV(int n, double s, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector u = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.mul(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int divVV(int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.div(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int divVS(int n, double[] a, int ao, double s, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector v = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            (u.div(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int divSV(int n, double s, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector u = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.div(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int maximumVV(int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.max(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int maximumVS(int n, double[] a, int ao, double s, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector v = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            (u.max(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int maximumSV(int n, double s, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector u = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.max(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int minimumVV(int n, double[] a, int ao, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.min(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int minimumVS(int n, double[] a, int ao, double s, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector v = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector u = DoubleVector.fromArray(S, a, ao + i);
            (u.min(v)).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int minimumSV(int n, double s, double[] b, int bo, double[] out, int oo) {
        int bound = S.loopBound(n);
        DoubleVector u = DoubleVector.broadcast(S, s);
        for (int i = 0; i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, b, bo + i);
            (u.min(v)).intoArray(out, oo + i);
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
