package dev.jgrad.tensor.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected strings are CPython's {@code repr(v)}, {@code '{:.Nf}'.format(v)} and {@code '{:.Ne}'.format(v)}. */
@Tag("scalar-path")
class PyFormatTest {

    static Stream<Arguments> reprCases() {
        return Stream.of(
                Arguments.of(Double.longBitsToDouble(0x3fe62e4300000000L), "0.6931471824645996"),
                Arguments.of(Double.longBitsToDouble(0x3ee4f8b588e368f1L), "1e-05"),
                Arguments.of(Double.longBitsToDouble(0x4341c37937e08000L), "1e+16"),
                Arguments.of(Double.longBitsToDouble(0x430c6bf526340000L), "1000000000000000.0"),
                Arguments.of(Double.longBitsToDouble(0x437b69b4ba630f35L), "1.2345678901234568e+17"),
                Arguments.of(Double.longBitsToDouble(0x3f1a36e2eb1c432dL), "0.0001"),
                Arguments.of(Double.longBitsToDouble(0x3f202e4b6ce5dc68L), "0.00012345"),
                Arguments.of(Double.longBitsToDouble(0x3fd5555555555555L), "0.3333333333333333"),
                Arguments.of(Double.longBitsToDouble(0x3fd3333333333334L), "0.30000000000000004"),
                Arguments.of(Double.longBitsToDouble(0x4059000000000000L), "100.0"),
                Arguments.of(Double.longBitsToDouble(0x4000000000000000L), "2.0"),
                Arguments.of(Double.longBitsToDouble(0xc004000000000000L), "-2.5"),
                Arguments.of(Double.longBitsToDouble(0x44b52d02c7e14af6L), "1e+23"),
                Arguments.of(Double.longBitsToDouble(0x3f60624dd2f1a9fcL), "0.002"),
                Arguments.of(Double.longBitsToDouble(0x0000000000000001L), "5e-324"),
                Arguments.of(Double.longBitsToDouble(0x7fefffffffffffffL), "1.7976931348623157e+308"),
                Arguments.of(Double.longBitsToDouble(0x0010000000000000L), "2.2250738585072014e-308"),
                Arguments.of(Double.longBitsToDouble(0x3fb99999a0000000L), "0.10000000149011612"),
                Arguments.of(Double.longBitsToDouble(0x438f67ea69ed3795L), "2.82879384806159e+17"),
                Arguments.of(Double.longBitsToDouble(0x4480f0cf064dd592L), "1e+22"),
                Arguments.of(Double.longBitsToDouble(0x4340000000000000L), "9007199254740992.0"),
                Arguments.of(Double.longBitsToDouble(0x4011666666666666L), "4.35"),
                Arguments.of(Double.longBitsToDouble(0x40934a456d5cfaadL), "1234.5678"),
                Arguments.of(Double.longBitsToDouble(0x8000000000000000L), "-0.0"),
                Arguments.of(Double.longBitsToDouble(0x0000000000000000L), "0.0"),
                Arguments.of(Double.POSITIVE_INFINITY, "inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, "-inf"),
                Arguments.of(Double.NaN, "nan"),
                Arguments.of(Double.longBitsToDouble(0x3f1a36e2eb1c432dL), "0.0001"),
                Arguments.of(Double.longBitsToDouble(0x3f1a36e2eb1c432cL), "9.999999999999999e-05"),
                Arguments.of(Double.longBitsToDouble(0x3e8421f5f40d8376L), "1.5e-07"),
                Arguments.of(Double.longBitsToDouble(0x54b249ad2594c37dL), "1e+100"),
                Arguments.of(Double.longBitsToDouble(0x4345ee2a2eb5a5c4L), "1.2345678901234568e+16"),
                Arguments.of(Double.longBitsToDouble(0x4341c37937e07fffL), "9999999999999998.0"),
                Arguments.of(Double.longBitsToDouble(0x3fe0000000000000L), "0.5"),
                Arguments.of(Double.longBitsToDouble(0x3eff75104d551d69L), "3e-05"),
                Arguments.of(Double.longBitsToDouble(0x3fb99999a0000000L), "0.10000000149011612"),
                Arguments.of(Double.longBitsToDouble(0x3ee4f8b580000000L), "9.999999747378752e-06"),
                Arguments.of(Double.longBitsToDouble(0x0010000000000000L), "2.2250738585072014e-308"),
                Arguments.of(Double.longBitsToDouble(0x43b0000000000000L), "1.152921504606847e+18"),
                Arguments.of(Double.longBitsToDouble(0xd1a6e55e9b9b1325L), "-2.2239649050108196e+85"),
                Arguments.of(Double.longBitsToDouble(0x566bf9d7c55a45f8L), "2.0532095845172635e+108"),
                Arguments.of(Double.longBitsToDouble(0xcf0c26ef4243ed52L), "-6.217554322597633e+72"),
                Arguments.of(Double.longBitsToDouble(0x5d96cf7f265beda9L), "6.953979603744903e+142"),
                Arguments.of(Double.longBitsToDouble(0xc1d77cffb7decc0cL), "-1576271583.481204"),
                Arguments.of(Double.longBitsToDouble(0x5e6a0a2edd70e34dL), "6.503171038669016e+146"),
                Arguments.of(Double.longBitsToDouble(0x0463513755ac0ecdL), "1.5857673189191353e-287"),
                Arguments.of(Double.longBitsToDouble(0xb37523a53b4a3ee2L), "-8.221863336486e-61"),
                Arguments.of(Double.longBitsToDouble(0x4de45321ad915a36L), "1.7123553371149197e+67"),
                Arguments.of(Double.longBitsToDouble(0x9823beb1e6ba3ad7L), "-2.1638530463091063e-192"),
                Arguments.of(Double.longBitsToDouble(0xdd4eabbd1fcfb980L), "-2.9219572677923937e+141"),
                Arguments.of(Double.longBitsToDouble(0x683447c10cc8af11L), "9.252761636154696e+193"),
                Arguments.of(Double.longBitsToDouble(0xbfb637dd5bae2d26L), "-0.08678992737093391"),
                Arguments.of(Double.longBitsToDouble(0xaed09b824ca87fc2L), "-3.419513645011445e-83"),
                Arguments.of(Double.longBitsToDouble(0x158d003d9a0b2361L), "7.226450560613817e-205"),
                Arguments.of(Double.longBitsToDouble(0x1ff135342e825ce1L), "8.021365036472743e-155"),
                Arguments.of(Double.longBitsToDouble(0x33f5f28807f0cbd4L), "2.1852629101185172e-58"),
                Arguments.of(Double.longBitsToDouble(0x00d9f4ad53a2f2b6L), "1.4784897218736648e-304"),
                Arguments.of(Double.longBitsToDouble(0x4cc346363c234038L), "6.194509959718476e+61"),
                Arguments.of(Double.longBitsToDouble(0xd330a5494d14cf1aL), "-5.425245977872505e+92"),
                Arguments.of(Double.longBitsToDouble(0x668dc8f46a423cf9L), "1.0124757898277046e+186"),
                Arguments.of(Double.longBitsToDouble(0xd178403035c9a8c4L), "-2.944446857366267e+84"),
                Arguments.of(Double.longBitsToDouble(0x765890e0f94855d0L), "1.2086749044087354e+262"),
                Arguments.of(Double.longBitsToDouble(0xaf5d8bb09f2e9ea4L), "-1.5573811799210805e-80"),
                Arguments.of(Double.longBitsToDouble(0xa9dfdec6baecde5bL), "-5.42808465396562e-107"),
                Arguments.of(Double.longBitsToDouble(0x699f071a5fd8e665L), "5.937551093150185e+200"),
                Arguments.of(Double.longBitsToDouble(0xf82d5644ef7d9967L), "-7.749285522714588e+270"),
                Arguments.of(Double.longBitsToDouble(0xfdfb462fd6fad8dbL), "-7.134888966143026e+298"),
                Arguments.of(Double.longBitsToDouble(0xdb18bd763f20134cL), "-6.859608543352666e+130"),
                Arguments.of(Double.longBitsToDouble(0x0e46c215b5fa5b0cL), "6.826063143799301e-240"),
                Arguments.of(Double.longBitsToDouble(0xbf416c30f1f0742aL), "-0.0005316962232232482"),
                Arguments.of(Double.longBitsToDouble(0x422acab59248b974L), "57535023396.36221"),
                Arguments.of(Double.longBitsToDouble(0x476354b65ed08d6bL), "8.02974492705291e+35"),
                Arguments.of(Double.longBitsToDouble(0x3a7cfb366088155fL), "5.852726618138463e-27"),
                Arguments.of(Double.longBitsToDouble(0x37c990fad57dcafdL), "5.869740909421409e-40"),
                Arguments.of(Double.longBitsToDouble(0x26ad41ef88c279d9L), "2.2129413115836295e-122"),
                Arguments.of(Double.longBitsToDouble(0x6dbb8cb8ef65ed78L), "3.8900364282728575e+220"),
                Arguments.of(Double.longBitsToDouble(0x0e0bc896afbec9a6L), "5.2083625442892846e-241"),
                Arguments.of(Double.longBitsToDouble(0xdd63d2a5d1764460L), "-7.553946583906249e+141"),
                Arguments.of(Double.longBitsToDouble(0xda0aea0eaa72870bL), "-5.693391869688787e+125"),
                Arguments.of(Double.longBitsToDouble(0xc003d12760000000L), "-2.477125883102417"),
                Arguments.of(Double.longBitsToDouble(0xc00b5c9860000000L), "-3.420212507247925"),
                Arguments.of(Double.longBitsToDouble(0x40225cd820000000L), "9.181336402893066"),
                Arguments.of(Double.longBitsToDouble(0x400fd084e0000000L), "3.976815938949585"),
                Arguments.of(Double.longBitsToDouble(0xbffe036100000000L), "-1.8758249282836914"),
                Arguments.of(Double.longBitsToDouble(0xc0202fd460000000L), "-8.093417167663574"),
                Arguments.of(Double.longBitsToDouble(0xbffb2c57a0000000L), "-1.698325753211975"),
                Arguments.of(Double.longBitsToDouble(0x40115ca440000000L), "4.340470314025879"),
                Arguments.of(Double.longBitsToDouble(0xc00b03c500000000L), "-3.376840591430664"),
                Arguments.of(Double.longBitsToDouble(0x401e50f500000000L), "7.579059600830078"),
                Arguments.of(Double.longBitsToDouble(0xc01eae4480000000L), "-7.670183181762695"),
                Arguments.of(Double.longBitsToDouble(0x4000874f00000000L), "2.066068649291992"),
                Arguments.of(Double.longBitsToDouble(0x400d70bc40000000L), "3.680046558380127"),
                Arguments.of(Double.longBitsToDouble(0xc021824140000000L), "-8.754404067993164"),
                Arguments.of(Double.longBitsToDouble(0x4009b11120000000L), "3.211458444595337"),
                Arguments.of(Double.longBitsToDouble(0x400b32c900000000L), "3.3997974395751953"),
                Arguments.of(Double.longBitsToDouble(0x40111989a0000000L), "4.274939060211182"),
                Arguments.of(Double.longBitsToDouble(0x40121d7da0000000L), "4.528799533843994"),
                Arguments.of(Double.longBitsToDouble(0x40102e69a0000000L), "4.045324802398682"),
                Arguments.of(Double.longBitsToDouble(0x4023015460000000L), "9.502596855163574"));
    }

    static Stream<Arguments> fixedCases() {
        return Stream.of(
                Arguments.of(0.125, 2, "0.12"),
                Arguments.of(0.375, 2, "0.38"),
                Arguments.of(2.5, 0, "2"),
                Arguments.of(3.5, 0, "4"),
                Arguments.of(-1e-05, 4, "-0.0000"),
                Arguments.of(1e+22, 0, "10000000000000000000000"),
                Arguments.of(0.03125, 4, "0.0312"),
                Arguments.of(0.09375, 4, "0.0938"),
                Arguments.of(1.00005, 4, "1.0001"),
                Arguments.of(-0.0, 4, "-0.0000"),
                Arguments.of(-0.0, 0, "-0"),
                Arguments.of(123.456, 1, "123.5"),
                Arguments.of(Double.NaN, 4, "nan"),
                Arguments.of(Double.NEGATIVE_INFINITY, 4, "-inf"),
                Arguments.of(0.5, 0, "0"),
                Arguments.of(1.5, 0, "2"),
                Arguments.of(-2.5, 0, "-2"),
                Arguments.of(1e-10, 4, "0.0000"),
                Arguments.of(99.99995, 4, "99.9999"),
                Arguments.of(Double.MIN_VALUE, 4, "0.0000"),
                Arguments.of(Double.MIN_VALUE, 3, "0.000"));
    }

    static Stream<Arguments> sciCases() {
        return Stream.of(
                Arguments.of(1.5, 0, "2e+00"),
                Arguments.of(2.5, 0, "2e+00"),
                Arguments.of(0.0, 4, "0.0000e+00"),
                Arguments.of(-0.0, 4, "-0.0000e+00"),
                Arguments.of(1e+100, 4, "1.0000e+100"),
                Arguments.of(1e-100, 4, "1.0000e-100"),
                Arguments.of(9.99995, 4, "1.0000e+01"),
                Arguments.of(12345.0, 0, "1e+04"),
                Arguments.of(1e-05, 4, "1.0000e-05"),
                Arguments.of(9.999999747378752e-06, 4, "1.0000e-05"),
                Arguments.of(123456789.0, 4, "1.2346e+08"),
                Arguments.of(Double.MIN_VALUE, 4, "4.9407e-324"),
                Arguments.of(1.7976931348623157e+308, 4, "1.7977e+308"),
                Arguments.of(-1.25e-07, 4, "-1.2500e-07"),
                Arguments.of(Double.POSITIVE_INFINITY, 4, "inf"),
                Arguments.of(Double.NaN, 2, "nan"),
                Arguments.of(0.00015, 4, "1.5000e-04"),
                Arguments.of(1.00005, 4, "1.0001e+00"),
                Arguments.of(3.0, 6, "3.000000e+00"));
    }

    @ParameterizedTest(name = "repr({1})")
    @MethodSource("reprCases")
    void reprIsPythons(double v, String expected) {
        assertEquals(expected, PyFormat.repr(v));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("fixedCases")
    void fixedIsPythons(double v, int digits, String expected) {
        assertEquals(expected, PyFormat.fixed(v, digits));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("sciCases")
    void sciIsPythons(double v, int digits, String expected) {
        assertEquals(expected, PyFormat.sci(v, digits));
    }

    @Test
    void negativePrecisionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PyFormat.fixed(1.0, -1));
        assertThrows(IllegalArgumentException.class, () -> PyFormat.sci(1.0, -1));
    }

    /** Every finite double: repr reads back exactly. */
    @Test
    void reprRoundTrips() {
        qt().withExamples(20000).forAll(longs().all()).check(bits -> {
            double v = Double.longBitsToDouble(bits);
            return !Double.isFinite(v) || Double.doubleToRawLongBits(Double.parseDouble(PyFormat.repr(v))) == bits;
        });
    }

    /**
     * Every finite nonzero double: no decimal with fewer significant digits lies in the interval
     * of decimals that round to it, and among decimals of the chosen length the chosen one is the
     * nearest (checked against the rounding interval, independently of how repr searches).
     */
    @Test
    void reprIsShortestAndNearest() {
        qt().withExamples(5000).forAll(longs().all()).check(bits -> {
            double v = Math.abs(Double.longBitsToDouble(bits));
            if (!Double.isFinite(v) || v == 0) {
                return true;
            }
            BigDecimal d = new BigDecimal(PyFormat.repr(v)).stripTrailingZeros();
            int n = d.precision();
            Interval in = Interval.of(v);
            boolean shorterExists = n > 1
                            && in.contains(new BigDecimal(v).round(new MathContext(n - 1, RoundingMode.CEILING)))
                    || n > 1 && in.contains(new BigDecimal(v).round(new MathContext(n - 1, RoundingMode.FLOOR)));
            BigDecimal nearest = new BigDecimal(v).round(new MathContext(n, RoundingMode.HALF_EVEN));
            boolean nearestOk = !in.contains(nearest) || nearest.compareTo(d) == 0;
            return in.contains(d) && !shorterExists && nearestOk;
        });
    }

    /**
     * On JDK 19 and newer, Double.toString also gives the shortest nearest digits (though it may
     * pick two digits where one suffices); on JDK 17 it may give more digits, never fewer.
     */
    @Test
    void reprAgreesWithDoubleToString() {
        boolean shortestJdk = Runtime.version().feature() >= 19;
        qt().withExamples(5000).forAll(longs().all()).check(bits -> {
            double v = Double.longBitsToDouble(bits);
            if (!Double.isFinite(v) || v == 0) {
                return true;
            }
            BigDecimal mine = new BigDecimal(PyFormat.repr(v)).stripTrailingZeros();
            BigDecimal java = new BigDecimal(Double.toString(v)).stripTrailingZeros();
            if (mine.precision() > java.precision()) {
                return false;
            }
            return !shortestJdk || mine.precision() == 1 || mine.compareTo(java) == 0;
        });
    }

    @Test
    void reprOfFloat32ItemIsTheDoublesRepr() {
        // Python's float(torch.tensor(0.1).item()) is the double nearest the float32 value.
        assertEquals("0.10000000149011612", PyFormat.repr(0.1f));
        assertEquals("0.6931471824645996", PyFormat.repr((float) Math.log(2)));
    }

    /** The decimals that round to a positive double under round-half-even. */
    private record Interval(BigDecimal lo, BigDecimal hi, boolean closed) {
        static Interval of(double v) {
            BigDecimal x = new BigDecimal(v);
            BigDecimal two = BigDecimal.valueOf(2);
            BigDecimal lo = x.add(new BigDecimal(Math.nextDown(v))).divide(two);
            BigDecimal hi = Double.isInfinite(Math.nextUp(v))
                    ? x.add(x.subtract(new BigDecimal(Math.nextDown(v))).divide(two))
                    : x.add(new BigDecimal(Math.nextUp(v))).divide(two);
            // A tie rounds to the double with the even significand.
            boolean even = (Double.doubleToRawLongBits(v) & 1) == 0;
            return new Interval(lo, hi, even);
        }

        boolean contains(BigDecimal d) {
            int a = d.compareTo(lo);
            int b = d.compareTo(hi);
            return closed ? a >= 0 && b <= 0 : a > 0 && b < 0;
        }
    }
}
