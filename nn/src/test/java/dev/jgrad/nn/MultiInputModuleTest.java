package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modules of two and three inputs with tuple (record) outputs, and typed access to submodules. */
class MultiInputModuleTest {
    /** {@code mixed, gate = Gate(x, h)}: a two-input module with two outputs, as a user writes it. */
    static final class Gate extends BiModule<Gate.Out> {
        record Out(Tensor mixed, Tensor gate) {}

        final Linear proj = registerModule("proj", new Linear(3, 3, true, new Generator(5)));
        final Tensor scale = registerParameter("scale", Tensor.full(2.0, 3));

        @Override
        public Out forward(Tensor x, Tensor h) {
            Tensor g = proj.call(h).sigmoid();
            return new Out(x.mul(g).mul(scale), g);
        }
    }

    /** A one-input model that holds the two-input module, so both nest either way. */
    static final class Net extends Module {
        final Linear embed = registerModule("embed", new Linear(3, 3, false, new Generator(6)));
        final Gate gate = registerModule("gate", new Gate());

        @Override
        public Tensor forward(Tensor x) {
            Gate.Out out = gate.call(x, embed.call(x));
            return out.mixed().add(out.gate());
        }
    }

    static final class Sum3 extends TriModule<Tensor> {
        @Override
        public Tensor forward(Tensor a, Tensor b, Tensor c) {
            return a.add(b).add(c);
        }
    }

    private static final Tensor X = Tensor.tensor(new float[][] {{1, -2, 0.5f}, {0, 3, -1}});
    private static final Tensor H = Tensor.tensor(new float[][] {{0.5f, 0.5f, -1}, {2, -1, 1}});

    @Test
    void twoInputsAndTwoOutputsBackpropagateIntoEveryParameter() {
        Gate gate = new Gate();
        Tensor x = X.clone().requiresGrad_();
        Tensor h = H.clone().requiresGrad_();
        Gate.Out out = gate.call(x, h);
        out.mixed().sum().add(out.gate().mul(3).sum()).backward();

        // By hand: g = σ(h Wᵀ + b); d/dx = g·scale; d/dscale = Σ_rows x·g; d/dg = x·scale + 3
        Tensor g = out.gate().detach();
        assertTrue(x.grad().allclose(g.mul(2), 1e-6, 1e-6));
        assertTrue(gate.scale.grad().allclose(X.mul(g).sum(0), 1e-6, 1e-6));
        Tensor dz = X.mul(2).add(3).mul(g).mul(g.neg().add(1)); // through the sigmoid
        assertTrue(gate.proj.bias.grad().allclose(dz.sum(0), 1e-5, 1e-6));
        assertTrue(gate.proj.weight.grad().allclose(dz.t().matmul(H), 1e-5, 1e-6));
        assertTrue(h.grad().allclose(dz.matmul(gate.proj.weight.detach()), 1e-5, 1e-6));
    }

    @Test
    void gradientsMatchFiniteDifferencesInBothInputs() {
        NDArray h64 = H.data().toDouble();
        NDArray x64 = X.data().toDouble();
        // Each input in turn, the other held fixed, with the Gate's parameters in float64.
        Gate g64 = new Gate();
        Linear proj = g64.proj;
        Tensor w = Tensor.of(proj.weight.data().toDouble());
        Tensor b = Tensor.of(proj.bias.data().toDouble());
        Tensor scale = Tensor.of(g64.scale.data().toDouble());
        BiModule<Tensor> twoInputs = new BiModule<>() {
            @Override
            public Tensor forward(Tensor x, Tensor h) {
                Tensor gt = F.linear(h, w, b).sigmoid();
                return x.mul(gt).mul(scale).add(gt.mul(3));
            }
        };
        GradCheck.check(x -> twoInputs.call(x, Tensor.of(h64)), x64);
        GradCheck.check(h -> twoInputs.call(Tensor.of(x64), h), h64);
    }

    @Test
    void stateDictAndPrintingTreatItAsAnyModule() {
        Net net = new Net();
        assertEquals(
                List.of("embed.weight", "gate.scale", "gate.proj.weight", "gate.proj.bias"),
                List.copyOf(net.stateDict().keySet()));
        assertEquals(
                "Net(\n"
                        + "  (embed): Linear(in_features=3, out_features=3, bias=False)\n"
                        + "  (gate): Gate(\n"
                        + "    (proj): Linear(in_features=3, out_features=3, bias=True)\n"
                        + "  )\n"
                        + ")",
                net.toString());

        Net other = new Net();
        other.gate.proj.weight.data().fill_(0);
        other.loadStateDict(net.stateDict());
        assertTrue(other.call(X).equal(net.call(X)));

        Map<String, Tensor> gateState = net.gate.stateDict();
        assertEquals(List.of("scale", "proj.weight", "proj.bias"), List.copyOf(gateState.keySet()));
        net.eval();
        assertTrue(!net.gate.isTraining() && !net.gate.proj.isTraining());
    }

    @Test
    void threeInputs() {
        Tensor y = new Sum3().call(Tensor.ones(2), Tensor.ones(2), Tensor.full(3.0, 2));
        assertArrayEquals(new float[] {5, 5}, y.toFloatArray());
        assertEquals("Sum3()", new Sum3().toString());
    }

    @Test
    void aOneTensorCallOfAMultiInputModuleNamesItsArity() {
        Sequential seq = new Sequential(new Linear(3, 3), new Gate());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> seq.call(X));
        assertTrue(
                e.getMessage().startsWith("Gate.forward() takes 2 tensors but 1 was given: call it as call(a, b)"),
                e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> new Sum3().call(X));
        assertTrue(e.getMessage().contains("takes 3 tensors"), e.getMessage());
    }

    @Test
    void typedAccessToSubmodules() {
        Sequential model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2));
        Linear first = model.get(0, Linear.class);
        assertSame(model.get(0), first);
        assertEquals(List.of(3, 4), List.of(first.weight.size(0), first.weight.size(1)));
        assertSame(model.get(2), model.get(-1, Linear.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.get(1, Linear.class));
        assertEquals("module 1 of Sequential is a ReLU, not a Linear", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> model.get(3, Linear.class));

        Net net = new Net();
        assertSame(net.gate.proj, net.getSubmodule("gate.proj", Linear.class));
        assertSame(net, net.getSubmodule(""));
        e = assertThrows(IllegalArgumentException.class, () -> net.getSubmodule("gate.nope"));
        assertEquals("Gate has no attribute `nope`", e.getMessage());

        int n = 0;
        for (Module layer : model) {
            assertSame(model.get(n++), layer);
        }
        assertEquals(3, n);
    }
}
