package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** In-place ops on tensors in a graph: gradients as if out of place, and PyTorch's refusals. */
class InplaceGradTest {
    @Test
    void inPlaceArithmeticOnANonLeaf() {
        Random rng = new Random(1);
        Tensor a = leaf(rng, new int[] {3, 4}, true);
        Tensor b = leaf(rng, new int[] {4}, false);
        check("add_", rng, in -> in[0].mul(1).add_(in[1]), a, b);
        check("add_ alpha", rng, in -> in[0].mul(1).add_(in[1], -2), a, b);
        check("sub_", rng, in -> in[0].mul(3).sub_(in[1]), a, b);
        check("mul_", rng, in -> in[0].mul(2).mul_(in[1]), a, b);
        check("div_", rng, in -> in[0].add(1).div_(in[1].exp()), a, b);
        check("scalars", rng, in -> in[0].mul(1).mul_(3).add_(1).sub_(2).div_(4), a);
        check("clamp_", rng, in -> in[0].mul(1).clamp_(-0.3, 0.4), a);
        check(
                "chain of in-place",
                rng,
                in -> {
                    Tensor y = in[0].mul(in[1]);
                    y.mul_(in[1]).add_(in[0]);
                    return y.sigmoid();
                },
                a,
                b);
    }

    @Test
    void inPlaceWithAGradRequiringOperandOnPlainData() {
        Random rng = new Random(2);
        Tensor w = leaf(rng, new int[] {3}, false);
        check(
                "data.mul_(w)",
                rng,
                in -> {
                    Tensor y = Tensor.ones(2, 3).toDouble();
                    y.mul_(in[0]);
                    return y;
                },
                w);
    }

    @Test
    void copyFillZeroScatter() {
        Random rng = new Random(3);
        Tensor a = leaf(rng, new int[] {3, 4}, false);
        Tensor b = leaf(rng, new int[] {4}, true);
        check("copy_", rng, in -> in[0].mul(1).copy_(in[1]).mul(in[0]), a, b);
        check("fill_", rng, in -> in[0].mul(1).fill_(2).add(in[0]), a);
        check("zero_", rng, in -> in[0].mul(1).zero_().add(in[0].exp()), a);
        Tensor index = Tensor.tensor(new long[][] {{0, 2, 1, 0}});
        Tensor src = leaf(rng, new int[] {1, 4}, false);
        check("scatter_", rng, in -> in[0].mul(1).scatter_(0, index, in[1]), a, src);
        check("scatter_ value", rng, in -> in[0].mul(1).scatter_(0, index, 5.0), a);
    }

    @Test
    void inPlaceOnAViewRewritesTheBase() {
        Random rng = new Random(4);
        Tensor a = leaf(rng, new int[] {4, 3}, true);
        Tensor b = leaf(rng, new int[] {3}, false);
        check(
                "view mul_",
                rng,
                in -> {
                    Tensor y = in[0].mul(1);
                    y.select(0, 1).mul_(in[1]);
                    return y;
                },
                a,
                b);
        check(
                "narrow of transpose add_",
                rng,
                in -> {
                    Tensor y = in[0].mul(1.5);
                    y.t().narrow(1, 1, 2).add_(in[1].unsqueeze(1));
                    return y.tanh();
                },
                a,
                b);
        check(
                "earlier view follows",
                rng,
                in -> {
                    Tensor y = in[0].mul(2);
                    Tensor v = y.select(1, 0);
                    y.mul_(in[1]);
                    return v.mul(3);
                },
                a,
                b);
        check(
                "expanded view follows",
                rng,
                in -> {
                    Tensor y = in[0].mul(2);
                    Tensor v = y.expand(2, 4, 3);
                    y.add_(in[1]);
                    return v.mul(v);
                },
                a,
                b);
    }

    @Test
    void inPlaceHistoryIsNamedAfterTheOp() {
        Tensor a = Tensor.ones(2).requiresGrad_();
        Tensor y = a.mul(2);
        y.add_(1);
        assertEquals("AddBackward0", y.gradFn().name());
        Tensor z = a.mul(2);
        z.narrow(0, 0, 1).mul_(3);
        assertEquals("CopySlices", z.gradFn().name());
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void inPlaceOnALeafThatRequiresGradIsRefused() {
        Tensor w = Tensor.zeros(3).requiresGrad_();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.add_(1));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        IllegalStateException v = assertThrows(
                IllegalStateException.class, () -> w.narrow(0, 0, 2).mul_(2));
        assertEquals(
                "a view of a leaf Variable that requires grad is being used in an in-place operation.", v.getMessage());
        try (var s = Tensor.noGrad()) {
            w.add_(1);
        }
        assertEquals(3.0, w.sum().item());
        assertTrue(w.isLeaf());
    }

    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void inPlaceUnderNoGradLeavesHistoryAlone() {
        Tensor a = Tensor.ones(2).requiresGrad_();
        Tensor y = a.mul(2);
        try (var s = Tensor.noGrad()) {
            y.add_(1);
        }
        assertEquals("MulBackward0", y.gradFn().name());
        assertFalse(y.isLeaf());
    }

    @Test
    void inPlaceBroadcastBeyondTheTargetFails() {
        Tensor a = Tensor.ones(3).requiresGrad_();
        Tensor y = a.mul(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> y.add_(Tensor.ones(2, 3)));
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]", e.getMessage());
    }

    @Test
    void aWriteThroughDataIsSeenByBackward() {
        Tensor a = Tensor.tensor(new float[] {1, 2, 3}).requiresGrad_();
        Tensor b = a.mul(2);
        Tensor y = b.mul(b).sum();
        int before = b.version();
        b.data().add_(1);
        assertEquals(before + 1, b.version());
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("modified by an inplace operation"), e.getMessage());
    }
}
