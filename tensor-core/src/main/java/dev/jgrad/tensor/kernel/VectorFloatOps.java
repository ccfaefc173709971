package dev.jgrad.tensor.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

// @float-only:begin
// The float64 loops, VectorDoubleOps, are generated from this file in the build's generate-sources
// phase by tensor-core/src/build/GenerateDouble.java: lines between float-only markers are left
// out, a double-only comment line becomes code, and the rest goes through its substitutions (the
// float64 file keeps the imports that only float code here uses: javac does not mind).
// @float-only:end

/**
 * float elementwise loops on the preferred vector species: contiguous operands, and a repeated
 * (stride 0) operand on either side; other strides and the tails use the scalar loops, which
 * compute the same values. Of these loops, the float64 ones (VectorDoubleOps) are the
 * arithmetic, neg, abs, sqrt, relu and clamp.
 */
final class VectorFloatOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    // @float-only:begin
    /** Bytes as many as float lanes, for the uint8 conversion; null where no such shape exists. */
    private static final VectorSpecies<Byte> BYTES =
            L == 8 || L == 16 ? VectorSpecies.of(byte.class, VectorShape.forBitSize(8 * L)) : null;
    // @float-only:end

    private VectorFloatOps() {}

    static void unary(UnaryOp op, int n, float[] x, int xo, int xs, float[] out, int oo, int os) {
        if (xs != 1 || os != 1 || n < L) {
            op.apply(n, x, xo, xs, out, oo, os);
            return;
        }
        int done = switch (op) {
            case NEG -> neg(n, x, xo, out, oo);
            case ABS -> abs(n, x, xo, out, oo);
            case SQRT -> sqrt(n, x, xo, out, oo);
            case RELU -> relu(n, x, xo, out, oo);
            // @float-only:begin
            case EXP, TANH, SIGMOID ->
                VectorFloatMath.EXP_FAMILY_ENABLED ? VectorFloatMath.expFamily(op, n, x, xo, out, oo) : 0;
            case LOG -> VectorFloatMath.LOG_ENABLED ? VectorFloatMath.log(n, x, xo, out, oo) : 0;
            case SIN -> VectorFloatMath.trig(op, 0, n, x, xo, out, oo);
            case COS -> VectorFloatMath.trig(op, 1, n, x, xo, out, oo);
            case ERF -> VectorFloatMath.ERF_EXPM1_LOG1P_ENABLED ? VectorFloatMath.erf(n, x, xo, out, oo) : 0;
            case EXPM1 -> VectorFloatMath.ERF_EXPM1_LOG1P_ENABLED ? VectorFloatMath.expm1(n, x, xo, out, oo) : 0;
            case LOG1P -> VectorFloatMath.ERF_EXPM1_LOG1P_ENABLED ? VectorFloatMath.log1p(n, x, xo, out, oo) : 0;
            case FLOOR, CEIL, ROUND, TRUNC -> rounding(op, n, x, xo, out, oo);
            case SIGN -> sign(n, x, xo, out, oo);
            // @float-only:end
            default -> 0;
        };
        op.apply(n - done, x, xo + done, 1, out, oo + done, 1);
    }

    private static int neg(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            (v.neg()).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int abs(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            (v.abs()).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int sqrt(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            (v.sqrt()).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int relu(int n, float[] x, int xo, float[] out, int oo) {
        int bound = VectorFloatReduce.VECTOR_COMPARE ? S.loopBound(n) : 0;
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            (v.blend(0f, v.compare(VectorOperators.LE, 0f))).intoArray(out, oo + i);
        }
        return bound;
    }

    // @float-only:begin
    /**
     * floor, ceil, round (half to even) and trunc: |x| + 2^23 - 2^23 rounds |x| to an integer
     * (half to even), the neighbours give floor and ceil of |x|, and x's sign bit goes back on, which
     * gives the JDK's signed zeros; |x| &gt;= 2^23, infinities and NaN are already integral.
     */
    private static int rounding(UnaryOp op, int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector a = v.abs();
            FloatVector rint = a.add(8388608f).sub(8388608f);
            FloatVector down = rint.sub(1f, rint.compare(VectorOperators.GT, a));
            FloatVector up = rint.add(1f, rint.compare(VectorOperators.LT, a));
            VectorMask<Float> negative = v.compare(VectorOperators.LT, 0f);
            FloatVector m = switch (op) {
                case ROUND -> rint;
                case TRUNC -> down;
                case FLOOR -> down.blend(up, negative);
                default -> up.blend(down, negative);
            };
            FloatVector y = m.reinterpretAsInts()
                    .or(v.reinterpretAsInts().and(0x80000000))
                    .reinterpretAsFloats();
            VectorMask<Float> integral = a.compare(VectorOperators.GE, 8388608f).or(v.compare(VectorOperators.NE, v));
            y.blend(v, integral).intoArray(out, oo + i);
        }
        return bound;
    }

    private static int sign(int n, float[] x, int xo, float[] out, int oo) {
        int bound = S.loopBound(n);
        for (int i = 0; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            FloatVector y = FloatVector.zero(S).blend(1f, v.compare(VectorOperators.GT, 0f));
            y.blend(-1f, v.compare(VectorOperators.LT, 0f)).intoArray(out, oo + i);
        }
        return bound;
    }
    // @float-only:end

    /** One row: out[i] = op(a[i], b[i]) for n elements with strides. */
    static void binary(
            BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo, int os) {
        // @float-only:begin
        if (as == 1
                && bs == 1
                && os == 1
                && ao == oo
                && bo == oo
                && (op == BinaryOp.ADD || op == BinaryOp.SUB || op == BinaryOp.MUL || op == BinaryOp.DIV)) {
            // All three at one offset (a new tensor, or in place): the scalar kernel's plain loop
            // over one shared index, which C2 unrolls and vectorises itself, runs faster than this
            // class's one-vector-per-step loop (add_ of 64K floats: 12.8 against 9.7 Gelem/s).
            op.apply(n, a, ao, as, b, bo, bs, out, oo, os);
            return;
        }
        // @float-only:end
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
    private static int add(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.add(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            FloatVector v = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                u.add(v).intoArray(out, oo + i);
            }
        } else {
            FloatVector u = FloatVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.add(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * sub: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int sub(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.sub(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            FloatVector v = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                u.sub(v).intoArray(out, oo + i);
            }
        } else {
            FloatVector u = FloatVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.sub(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * mul: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int mul(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.mul(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            FloatVector v = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                u.mul(v).intoArray(out, oo + i);
            }
        } else {
            FloatVector u = FloatVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.mul(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * div: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int div(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.div(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            FloatVector v = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                u.div(v).intoArray(out, oo + i);
            }
        } else {
            FloatVector u = FloatVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.div(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * maximum: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int maximum(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.max(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            FloatVector v = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                u.max(v).intoArray(out, oo + i);
            }
        } else {
            FloatVector u = FloatVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.max(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /**
     * minimum: the whole vectors of a row whose operands are contiguous, or one of them repeated (stride 0);
     * returns where the scalar tail starts.
     */
    private static int minimum(int n, float[] a, int ao, int as, float[] b, int bo, int bs, float[] out, int oo) {
        int bound = S.loopBound(n);
        if (as == 1 && bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.min(v).intoArray(out, oo + i);
            }
        } else if (as == 1) {
            FloatVector v = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector u = FloatVector.fromArray(S, a, ao + i);
                u.min(v).intoArray(out, oo + i);
            }
        } else {
            FloatVector u = FloatVector.broadcast(S, a[ao]);
            for (int i = 0; i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, b, bo + i);
                u.min(v).intoArray(out, oo + i);
            }
        }
        return bound;
    }

    static void clamp(int n, float[] x, int xo, int xs, float min, float max, float[] out, int oo, int os) {
        int done = 0;
        if (xs == 1 && os == 1) {
            done = S.loopBound(n);
            FloatVector lo = FloatVector.broadcast(S, min);
            FloatVector hi = FloatVector.broadcast(S, max);
            for (int i = 0; i < done; i += L) {
                FloatVector.fromArray(S, x, xo + i).max(lo).min(hi).intoArray(out, oo + i);
            }
        }
        ScalarFloatOps.clamp(n - done, x, xo + done * xs, xs, min, max, out, oo + done * os, os);
    }

    // @float-only:begin
    /**
     * out[i] = a[i] cmp b[i]: contiguous operands, or a repeated b (x &gt; 0); the rest scalar. One
     * loop per comparison, since C2 intrinsifies a vector compare only for a constant operator.
     */
    static void compare(
            BinaryOp op, int n, float[] a, int ao, int as, float[] b, int bo, int bs, boolean[] out, int oo, int os) {
        int done = 0;
        if (as == 1 && os == 1 && (bs == 1 || bs == 0)) {
            done = switch (op) {
                case EQ -> compareEQ(n, a, ao, b, bo, bs, out, oo);
                case NE -> compareNE(n, a, ao, b, bo, bs, out, oo);
                case LT -> compareLT(n, a, ao, b, bo, bs, out, oo);
                case LE -> compareLE(n, a, ao, b, bo, bs, out, oo);
                case GT -> compareGT(n, a, ao, b, bo, bs, out, oo);
                case GE -> compareGE(n, a, ao, b, bo, bs, out, oo);
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            };
        }
        op.compare(n - done, a, ao + done * as, as, b, bo + done * bs, bs, out, oo + done * os, os);
    }

    private static int compareEQ(int n, float[] a, int ao, float[] b, int bo, int bs, boolean[] out, int oo) {
        int bound = S.loopBound(n);
        if (bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.EQ, FloatVector.fromArray(S, b, bo + i))
                        .intoArray(out, oo + i);
            }
        } else {
            FloatVector s = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.EQ, s)
                        .intoArray(out, oo + i);
            }
        }
        return bound;
    }

    private static int compareNE(int n, float[] a, int ao, float[] b, int bo, int bs, boolean[] out, int oo) {
        int bound = S.loopBound(n);
        if (bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.NE, FloatVector.fromArray(S, b, bo + i))
                        .intoArray(out, oo + i);
            }
        } else {
            FloatVector s = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.NE, s)
                        .intoArray(out, oo + i);
            }
        }
        return bound;
    }

    private static int compareLT(int n, float[] a, int ao, float[] b, int bo, int bs, boolean[] out, int oo) {
        int bound = S.loopBound(n);
        if (bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.LT, FloatVector.fromArray(S, b, bo + i))
                        .intoArray(out, oo + i);
            }
        } else {
            FloatVector s = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.LT, s)
                        .intoArray(out, oo + i);
            }
        }
        return bound;
    }

    private static int compareLE(int n, float[] a, int ao, float[] b, int bo, int bs, boolean[] out, int oo) {
        int bound = S.loopBound(n);
        if (bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.LE, FloatVector.fromArray(S, b, bo + i))
                        .intoArray(out, oo + i);
            }
        } else {
            FloatVector s = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.LE, s)
                        .intoArray(out, oo + i);
            }
        }
        return bound;
    }

    private static int compareGT(int n, float[] a, int ao, float[] b, int bo, int bs, boolean[] out, int oo) {
        int bound = S.loopBound(n);
        if (bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.GT, FloatVector.fromArray(S, b, bo + i))
                        .intoArray(out, oo + i);
            }
        } else {
            FloatVector s = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.GT, s)
                        .intoArray(out, oo + i);
            }
        }
        return bound;
    }

    private static int compareGE(int n, float[] a, int ao, float[] b, int bo, int bs, boolean[] out, int oo) {
        int bound = S.loopBound(n);
        if (bs == 1) {
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.GE, FloatVector.fromArray(S, b, bo + i))
                        .intoArray(out, oo + i);
            }
        } else {
            FloatVector s = FloatVector.broadcast(S, b[bo]);
            for (int i = 0; i < bound; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .compare(VectorOperators.GE, s)
                        .intoArray(out, oo + i);
            }
        }
        return bound;
    }

    /** out[i] = c[i] ? a[i] : b[i]: contiguous c and out, each of a and b contiguous or repeated. */
    static void where(
            int n,
            boolean[] c,
            int co,
            int cs,
            float[] a,
            int ao,
            int as,
            float[] b,
            int bo,
            int bs,
            float[] out,
            int oo,
            int os) {
        int done = 0;
        if (cs == 1 && os == 1 && (as == 1 || as == 0) && (bs == 1 || bs == 0)) {
            done = S.loopBound(n);
            FloatVector fa = FloatVector.broadcast(S, as == 0 ? a[ao] : 0f);
            FloatVector fb = FloatVector.broadcast(S, bs == 0 ? b[bo] : 0f);
            if (as == 1 && bs == 1) {
                for (int i = 0; i < done; i += L) {
                    FloatVector.fromArray(S, b, bo + i)
                            .blend(FloatVector.fromArray(S, a, ao + i), VectorMask.fromArray(S, c, co + i))
                            .intoArray(out, oo + i);
                }
            } else if (as == 1) {
                for (int i = 0; i < done; i += L) {
                    fb.blend(FloatVector.fromArray(S, a, ao + i), VectorMask.fromArray(S, c, co + i))
                            .intoArray(out, oo + i);
                }
            } else if (bs == 1) {
                for (int i = 0; i < done; i += L) {
                    FloatVector.fromArray(S, b, bo + i)
                            .blend(fa, VectorMask.fromArray(S, c, co + i))
                            .intoArray(out, oo + i);
                }
            } else {
                for (int i = 0; i < done; i += L) {
                    fb.blend(fa, VectorMask.fromArray(S, c, co + i)).intoArray(out, oo + i);
                }
            }
        }
        ScalarFloatOps.where(
                n - done, c, co + done * cs, cs, a, ao + done * as, as, b, bo + done * bs, bs, out, oo + done * os, os);
    }

    /** out[i] = a[i] + alpha * b[i], rounded as the scalar loop rounds it (product, then sum). */
    static void addScaled(
            int n, float[] a, int ao, int as, float alpha, float[] b, int bo, int bs, float[] out, int oo, int os) {
        int done = 0;
        if (as == 1 && bs == 1 && os == 1) {
            done = S.loopBound(n);
            for (int i = 0; i < done; i += L) {
                FloatVector.fromArray(S, a, ao + i)
                        .add(FloatVector.fromArray(S, b, bo + i).mul(alpha))
                        .intoArray(out, oo + i);
            }
        }
        ScalarFloatOps.addScaled(
                n - done, a, ao + done * as, as, alpha, b, bo + done * bs, bs, out, oo + done * os, os);
    }

    /**
     * L bytes at a time, flipped to signed (u - 128), converted and shifted back by 128: every
     * step is exact, so the floats equal the scalar loop's. C2 does not vectorise the scalar
     * loop's widening from byte to float. Needs a byte species of L lanes (64 or 128 bits).
     */
    static void fromUint8(int n, byte[] x, int xo, int xs, float[] out, int oo, int os) {
        int done = 0;
        if (BYTES != null && xs == 1 && os == 1) {
            done = BYTES.loopBound(n);
            for (int i = 0; i < done; i += L) {
                FloatVector f = (FloatVector) ByteVector.fromArray(BYTES, x, xo + i)
                        .lanewise(VectorOperators.XOR, (byte) 0x80)
                        .convertShape(VectorOperators.B2F, S, 0);
                f.add(128f).intoArray(out, oo + i);
            }
        }
        ScalarFloatOps.fromUint8(n - done, x, xo + done * xs, xs, out, oo + done * os, os);
    }

    /**
     * A compare and a blend per vector: the scalar loop's data-dependent branch mispredicts on
     * about half of a ReLU layer's inputs.
     */
    static void thresholdBackward(
            int n, float[] g, int go, int gs, float[] x, int xo, int xs, float threshold, float[] out, int oo, int os) {
        int done = 0;
        if (gs == 1 && xs == 1 && os == 1) {
            done = S.loopBound(n);
            for (int i = 0; i < done; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, xo + i);
                FloatVector.fromArray(S, g, go + i)
                        .blend(0f, v.compare(VectorOperators.LE, threshold))
                        .intoArray(out, oo + i);
            }
        }
        ScalarFloatOps.thresholdBackward(
                n - done, g, go + done * gs, gs, x, xo + done * xs, xs, threshold, out, oo + done * os, os);
    }
    // @float-only:end
}
