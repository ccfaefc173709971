package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

/** Gradient checks of the elementwise functions of issue 16, on odd shapes and non-contiguous views. */
class MathGradTest {
    private static final int TRIALS = 20;

    @Test
    void rsubTensor() {
        GradCheck.trials(12, TRIALS, rng -> {
            int[] s = shape(rng, 1, 3, false);
            Tensor a = leaf(rng, s, rng.nextBoolean());
            Tensor b = leaf(rng, s, rng.nextBoolean());
            check("rsub tensor", rng, in -> in[0].rsub(in[1]), a, b);
        });
    }

    @Test
    void printingNamesPyTorchsBackwardNodes() {
        Tensor x = Tensor.tensor(new float[] {1, 2}).requiresGrad_();
        assertEquals("tensor([0.8415, 0.9093], grad_fn=<SinBackward0>)", x.sin().toString());
        assertEquals(
                "tensor([ 0.5403, -0.4161], grad_fn=<CosBackward0>)", x.cos().toString());
        assertEquals("tensor([0.8427, 0.9953], grad_fn=<ErfBackward0>)", x.erf().toString());
        assertEquals(
                "tensor([1.7183, 6.3891], grad_fn=<Expm1Backward0>)", x.expm1().toString());
        assertEquals(
                "tensor([0.6931, 1.0986], grad_fn=<Log1PBackward0>)", x.log1p().toString());
        assertEquals("tensor([1., 2.], grad_fn=<FloorBackward0>)", x.floor().toString());
        assertEquals("tensor([1., 1.], grad_fn=<SignBackward0>)", x.sign().toString());
        assertEquals("tensor([ 0., -1.], grad_fn=<RsubBackward1>)", x.rsub(1).toString());
        assertEquals("tensor([False, False])", x.isnan().toString());
        assertFalse(x.isinf().requiresGrad());
        assertEquals(DType.BOOL, x.isinf().dtype());
    }
}
