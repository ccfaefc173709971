package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.tensor.NDArray;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * NDArray and Tensor offer the same public methods by name, so that a line moves between the two
 * tensor types unchanged; every exception is listed here with its reason.
 */
class ApiParityTest {
    /** Methods only NDArray has, and why Tensor should not. */
    private static final Map<String, String> NDARRAY_ONLY = Map.of(
            "cumprodBackward", "a derivative kernel that autograd's cumprod backward calls; not a user op",
            "storage", "raw storage of the numeric array; a Tensor's is reached through data().storage()",
            "setDouble",
                    "an untracked element write that would bypass autograd's version counter; "
                            + "Tensor writes go through its in-place ops (fill_, copy_, scatter_, ...)",
            "wrap",
                    "wraps a Java array without copying into an NDArray; "
                            + "Tensor.of(NDArray.wrap(...)) does it for Tensor",
            "setNumThreads", "a process-wide kernel setting, kept in one place (NDArray.setNumThreads)",
            "getNumThreads", "a process-wide kernel setting, kept in one place (NDArray.getNumThreads)");

    /** Methods only Tensor has: autograd itself, which NDArray (plain numerics) knows nothing of. */
    private static final Map<String, String> TENSOR_ONLY = Map.ofEntries(
            Map.entry("backward", "autograd"),
            Map.entry("data", "the NDArray under a Tensor"),
            Map.entry("detach", "autograd"),
            Map.entry("enableGrad", "grad mode"),
            Map.entry("grad", "autograd"),
            Map.entry("gradFn", "autograd"),
            Map.entry("isGradEnabled", "grad mode"),
            Map.entry("isLeaf", "autograd"),
            Map.entry("noGrad", "grad mode"),
            Map.entry("of", "wraps an NDArray as a Tensor"),
            Map.entry("requiresGrad", "autograd"),
            Map.entry("requiresGrad_", "autograd"),
            Map.entry("retainGrad", "autograd"),
            Map.entry("retainsGrad", "autograd"),
            Map.entry("setGrad", "autograd"),
            Map.entry("version", "autograd's in-place check"),
            Map.entry("zeroGrad_", "autograd"));

    @Test
    void publicMethodNamesMatchExceptTheListedOnes() {
        Set<String> nd = publicMethods(NDArray.class);
        Set<String> t = publicMethods(Tensor.class);
        Set<String> onlyNd = new TreeSet<>(nd);
        onlyNd.removeAll(t);
        Set<String> onlyT = new TreeSet<>(t);
        onlyT.removeAll(nd);
        assertEquals(
                new TreeSet<>(NDARRAY_ONLY.keySet()),
                onlyNd,
                "methods on NDArray but not Tensor: add them to Tensor, or to NDARRAY_ONLY with a reason");
        assertEquals(
                new TreeSet<>(TENSOR_ONLY.keySet()),
                onlyT,
                "methods on Tensor but not NDArray: add them to NDArray, or to TENSOR_ONLY with a reason");
    }

    private static Set<String> publicMethods(Class<?> c) {
        Set<String> names = new TreeSet<>();
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                names.add(m.getName());
            }
        }
        return names;
    }

    @Test
    void movedimSqrtInPlaceAndScatterAddAreDifferentiable() {
        Random rng = new Random(5);
        Tensor a = leaf(rng, new int[] {2, 3, 4}, false);
        check("movedim", rng, in -> in[0].movedim(0, -1), a);
        assertEquals("Size([3, 4, 2])", a.movedim(0, 2).shape().toString());
        Tensor p = Tensor.of(a.data().abs().add(0.5)).requiresGrad_();
        check("sqrt_", rng, in -> in[0].mul(1).sqrt_(), p);
        Tensor index = Tensor.tensor(new long[][] {{0, 1, 0}, {2, 2, 1}});
        Tensor self = leaf(rng, new int[] {3, 3}, false);
        Tensor src = leaf(rng, new int[] {2, 3}, false);
        check("scatterAdd_", rng, in -> in[0].mul(1).scatterAdd_(0, index, in[1]), self, src);
        Tensor z = Tensor.zeros(3);
        z.scatterAdd_(0, Tensor.tensor(new long[] {0, 0, 2}), Tensor.ones(3));
        assertArrayEquals(new float[] {2, 0, 1}, z.toFloatArray());
        assertEquals(
                "tensor([1.0000, 1.4142])",
                Tensor.tensor(new float[] {1, 2}).sqrt_().toString());
    }
}
