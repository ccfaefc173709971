package dev.jgrad.tensor;

/**
 * Reads and writes elements of any storage as double or long. This is the general (slow) path
 * for dtypes off the float32 fast paths: one virtual call per element. Writes convert as a C
 * cast would: floating values truncate towards zero into integers, uint8 wraps, and any
 * non-zero value is {@code true} for bool.
 */
abstract class Access {
    abstract double getD(int i);

    abstract long getL(int i);

    abstract void setD(int i, double v);

    abstract void setL(int i, long v);

    /** Copies element {@code si} of {@code src} here, exactly for integers and by rounding for floats. */
    final void setFrom(int i, Access src, int si, boolean srcFloating) {
        if (srcFloating) {
            setD(i, src.getD(si));
        } else {
            setL(i, src.getL(si));
        }
    }

    static Access of(Storage s) {
        switch (s.dtype()) {
            case FLOAT32:
                return new F32(s.floats());
            case FLOAT64:
                return new F64(s.doubles());
            case INT64:
                return new I64(s.longs());
            case INT32:
                return new I32(s.ints());
            case UINT8:
                return new U8(s.bytes());
            case BOOL:
                return new B(s.bools());
            default:
                throw new AssertionError(s.dtype());
        }
    }

    private static final class F32 extends Access {
        final float[] a;

        F32(float[] a) {
            this.a = a;
        }

        double getD(int i) {
            return a[i];
        }

        long getL(int i) {
            return (long) a[i];
        }

        void setD(int i, double v) {
            a[i] = (float) v;
        }

        void setL(int i, long v) {
            a[i] = (float) v;
        }
    }

    private static final class F64 extends Access {
        final double[] a;

        F64(double[] a) {
            this.a = a;
        }

        double getD(int i) {
            return a[i];
        }

        long getL(int i) {
            return (long) a[i];
        }

        void setD(int i, double v) {
            a[i] = v;
        }

        void setL(int i, long v) {
            a[i] = (double) v;
        }
    }

    private static final class I64 extends Access {
        final long[] a;

        I64(long[] a) {
            this.a = a;
        }

        double getD(int i) {
            return (double) a[i];
        }

        long getL(int i) {
            return a[i];
        }

        void setD(int i, double v) {
            a[i] = (long) v;
        }

        void setL(int i, long v) {
            a[i] = v;
        }
    }

    private static final class I32 extends Access {
        final int[] a;

        I32(int[] a) {
            this.a = a;
        }

        double getD(int i) {
            return a[i];
        }

        long getL(int i) {
            return a[i];
        }

        void setD(int i, double v) {
            a[i] = (int) (long) v;
        }

        void setL(int i, long v) {
            a[i] = (int) v;
        }
    }

    private static final class U8 extends Access {
        final byte[] a;

        U8(byte[] a) {
            this.a = a;
        }

        double getD(int i) {
            return a[i] & 0xff;
        }

        long getL(int i) {
            return a[i] & 0xff;
        }

        void setD(int i, double v) {
            a[i] = (byte) (long) v;
        }

        void setL(int i, long v) {
            a[i] = (byte) v;
        }
    }

    private static final class B extends Access {
        final boolean[] a;

        B(boolean[] a) {
            this.a = a;
        }

        double getD(int i) {
            return a[i] ? 1 : 0;
        }

        long getL(int i) {
            return a[i] ? 1 : 0;
        }

        void setD(int i, double v) {
            a[i] = v != 0;
        }

        void setL(int i, long v) {
            a[i] = v != 0;
        }
    }
}
