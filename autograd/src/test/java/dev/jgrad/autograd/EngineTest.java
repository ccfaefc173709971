package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.NDArray;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The backward engine: seeding, accumulation, freeing the graph, grad mode, detach, versions. */
class EngineTest {
    private static Tensor vec(double... v) {
        return Tensor.tensor(v);
    }

    @Test
    void scalarSeedIsOne() {
        Tensor x = vec(1, 2, 3).requiresGrad_();
        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {2, 4, 6}, x.grad().toDoubleArray());
    }

    @Test
    void nonScalarNeedsAGradient() {
        Tensor x = vec(1, 2).requiresGrad_();
        Tensor y = x.mul(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, y::backward);
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
        y.backward(vec(1, 10));
        assertArrayEquals(new double[] {2, 20}, x.grad().toDoubleArray());
    }

    @Test
    void oneElementTensorsOfAnyShapeSeedImplicitly() {
        Tensor x = vec(3).requiresGrad_();
        x.mul(x).backward();
        assertArrayEquals(new double[] {6}, x.grad().toDoubleArray());
    }

    @Test
    void backwardOnSomethingWithoutHistoryFails() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> vec(1).sum().backward());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
    }

    @Test
    void gradientsAccumulateAcrossCalls() {
        Tensor x = vec(1, 2).requiresGrad_();
        x.mul(3).sum().backward();
        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {3 + 2, 3 + 4}, x.grad().toDoubleArray());
        x.zeroGrad_();
        assertArrayEquals(new double[] {0, 0}, x.grad().toDoubleArray());
        x.setGrad(null);
        assertNull(x.grad());
    }

    @Test
    void aValueUsedTwiceGetsTheSumOfBothPaths() {
        Tensor x = vec(2).requiresGrad_();
        Tensor y = x.mul(x);
        y.add(y.mul(3)).add(x).sum().backward();
        // d/dx (4 x^2 + x) = 8x + 1
        assertArrayEquals(new double[] {17}, x.grad().toDoubleArray());
    }

    @Test
    void secondBackwardWithoutRetainGraphFails() {
        Tensor x = vec(1, 2).requiresGrad_();
        Tensor loss = x.pow(2).sum();
        loss.backward();
        GradCheck.assertBackwardFails(loss, "Trying to backward through the graph a second time");
    }

    @Test
    void retainGraphAllowsASecondBackward() {
        Tensor x = vec(1, 2).requiresGrad_();
        Tensor loss = x.pow(2).sum();
        loss.backward(null, true);
        loss.backward();
        assertArrayEquals(new double[] {4, 8}, x.grad().toDoubleArray());
    }

    @Test
    void graphIsFreedAfterBackward() {
        Tensor x = vec(1, 2, 3).requiresGrad_();
        Tensor[] keep = new Tensor[1];
        WeakReference<NDArray> saved = intermediate(x, keep);
        keep[0].backward();
        assertTrue(cleared(saved), "the saved intermediate survived backward");
    }

    @Test
    void retainedGraphKeepsItsValues() {
        Tensor x = vec(1, 2, 3).requiresGrad_();
        Tensor[] keep = new Tensor[1];
        WeakReference<NDArray> saved = intermediate(x, keep);
        keep[0].backward(null, true);
        assertFalse(cleared(saved), "retainGraph dropped a saved value");
        keep[0].backward();
    }

    /** exp's output is saved by exp's backward; only the graph from keep[0] refers to it. */
    private static WeakReference<NDArray> intermediate(Tensor x, Tensor[] keep) {
        Tensor e = x.mul(2).exp();
        keep[0] = e.sum();
        return new WeakReference<>(e.data());
    }

    private static boolean cleared(WeakReference<?> ref) {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ref.get() == null;
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void noGradRecordsNothingAndNests() {
        Tensor x = vec(1).requiresGrad_();
        try (var outer = Tensor.noGrad()) {
            Tensor y = x.mul(2);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
            try (var inner = Tensor.enableGrad()) {
                assertTrue(x.mul(2).requiresGrad());
            }
            assertFalse(Tensor.isGradEnabled());
        }
        assertTrue(Tensor.isGradEnabled());
        assertTrue(x.mul(2).requiresGrad());
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void gradModeBelongsToTheThread() throws InterruptedException {
        Tensor x = vec(1).requiresGrad_();
        AtomicBoolean otherRecords = new AtomicBoolean();
        try (var s = Tensor.noGrad()) {
            Thread t = new Thread(() -> otherRecords.set(x.mul(2).requiresGrad()));
            t.start();
            t.join();
            assertFalse(x.mul(2).requiresGrad());
        }
        assertTrue(otherRecords.get());
    }

    @Test
    void dataThatDoesNotRequireGradRecordsNothing() {
        Tensor a = Tensor.ones(2, 2);
        Tensor b = a.matmul(a).add(1).relu().sum(0);
        assertTrue(b.isLeaf());
        assertNull(b.gradFn());
        assertFalse(b.requiresGrad());
    }

    @Test
    void detachSharesValuesButNotHistory() {
        Tensor x = vec(1, 2).requiresGrad_();
        Tensor y = x.mul(2);
        Tensor d = y.detach();
        assertSame(y.data(), d.data());
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        d.mul(3).sum();
        y.sum().backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray());
    }

    @Test
    void modifyingASavedValueInPlaceFailsBackward() {
        Tensor x = Tensor.ones(3, 1).requiresGrad_();
        Tensor y = x.mul(2);
        Tensor z = y.exp();
        z.add_(1);
        GradCheck.assertBackwardFails(
                z.sum(),
                "one of the variables needed for gradient computation has been modified by an inplace operation:"
                        + " [torch.FloatTensor [3, 1]], which is output 0 of ExpBackward0, is at version 1; expected"
                        + " version 0 instead.");
    }

    @Test
    void modifyingASavedLeafThroughDetachFailsBackward() {
        Tensor w = vec(1, 2).requiresGrad_();
        Tensor x = vec(3, 4).requiresGrad_();
        Tensor loss = w.mul(x).sum();
        x.detach().mul_(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(
                e.getMessage().contains("[torch.DoubleTensor [2]] is at version 1; expected version 0"),
                e.getMessage());
    }

    @Test
    void nonLeafGradIsKeptOnlyWhenRetained() {
        Tensor x = vec(1, 2).requiresGrad_();
        Tensor y = x.mul(2);
        Tensor z = x.mul(3).retainGrad();
        y.mul(z).sum().backward();
        assertNull(y.grad());
        assertArrayEquals(new double[] {2, 4}, z.grad().toDoubleArray());
        assertTrue(z.retainsGrad());
        // d/dx 6x^2 = 12x
        assertArrayEquals(new double[] {12, 24}, x.grad().toDoubleArray());
    }

    @Test
    void leafGradsNeverAliasEachOther() {
        Tensor a = vec(1, 2).requiresGrad_();
        Tensor b = vec(3, 4).requiresGrad_();
        a.add(b).sum().backward();
        assertNotSame(a.grad().data().storage(), b.grad().data().storage());
        a.grad().data().mul_(10);
        assertArrayEquals(new double[] {1, 1}, b.grad().toDoubleArray());
    }

    @Test
    void gradientsOfJoinedLeavesNeverAlias() {
        Tensor a = vec(1, 2).requiresGrad_();
        Tensor b = vec(3).requiresGrad_();
        Tensor.cat(java.util.List.of(a, b, a), 0).mul(vec(1, 2, 3, 4, 5)).sum().backward();
        assertArrayEquals(new double[] {1 + 4, 2 + 5}, a.grad().toDoubleArray());
        a.grad().data().mul_(0);
        assertArrayEquals(new double[] {3}, b.grad().toDoubleArray());
    }

    @Test
    void aGradientReachingItsLeafThroughViewsIsNotCopied() {
        NDArray[] made = new NDArray[1];
        Tensor w = Tensor.ones(2, 2).requiresGrad_();
        Tensor flat = w.view(4).t();
        CustomOp op = CustomOp.record("TwiceBackward0", flat);
        Tensor y = op.finish(flat.data().mul(2), g -> {
            made[0] = g.mul(2);
            return new NDArray[] {made[0]};
        });
        y.sum().backward();
        assertSame(made[0].storage(), w.grad().data().storage());
        assertArrayEquals(new float[] {2, 2, 2, 2}, w.grad().toFloatArray());
    }

    @Test
    void aGivenGradientIsNeverKeptAsALeafGrad() {
        Tensor a = vec(1, 2).requiresGrad_();
        Tensor g = vec(5, 6);
        a.backward(g);
        assertNotSame(g.data().storage(), a.grad().data().storage());
        assertArrayEquals(new double[] {5, 6}, a.grad().toDoubleArray());
    }

    @Test
    void broadcastGradientsAreSummedToTheInputShape() {
        Tensor w = Tensor.zeros(1).requiresGrad_();
        Tensor x = Tensor.tensor(new float[][] {{1}, {2}, {3}});
        x.mul(w).add(w).sum().backward();
        assertEquals(dev.jgrad.tensor.Size.of(1), w.grad().shape());
        assertArrayEquals(new float[] {9}, w.grad().toFloatArray());
    }

    @Test
    void gradientsKeepTheInputDtype() {
        Tensor w = Tensor.ones(2).requiresGrad_();
        Tensor x = vec(1.5, 2.5);
        w.mul(x).sum().backward();
        assertEquals(dev.jgrad.tensor.DType.FLOAT32, w.grad().dtype());
        assertArrayEquals(new float[] {1.5f, 2.5f}, w.grad().toFloatArray());
    }

    @Test
    void requiresGradRules() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Tensor.tensor(new long[] {1}).requiresGrad_());
        assertEquals("only Tensors of floating point and complex dtype can require gradients", e.getMessage());
        Tensor w = Tensor.zeros(1).requiresGrad(true);
        assertTrue(w.requiresGrad());
        assertTrue(w.isLeaf());
        Tensor y = w.mul(2);
        assertThrows(IllegalStateException.class, () -> y.requiresGrad_(false));
        assertFalse(w.requiresGrad(false).requiresGrad());
        assertTrue(w.requiresGrad());
        assertTrue(w.toLong().isLeaf());
        assertFalse(w.toLong().requiresGrad());
    }

    @Test
    void nextFunctionsDescribeTheGraph() {
        Tensor w = Tensor.zeros(1).requiresGrad_();
        Tensor x = Tensor.ones(1);
        Node add = x.mul(w).add(w).gradFn();
        assertEquals("AddBackward0", add.name());
        assertEquals("MulBackward0", add.nextFunctions().get(0).name());
        assertEquals("AccumulateGrad", add.nextFunctions().get(1).name());
        Node mul = add.nextFunctions().get(0);
        assertNull(mul.nextFunctions().get(0));
        assertFalse(mul.needsInputGrad(0));
        assertTrue(mul.needsInputGrad(1));
        assertSame(add.nextFunctions().get(1), mul.nextFunctions().get(1));
    }
}
