package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {
    /** The tutorial's Lab-04 model, as a user writes it. */
    static final class MultivariateLinearRegressionModel extends Module {
        final Linear linear = registerModule("linear", new Linear(3, 1));

        @Override
        public Tensor forward(Tensor x) {
            return linear.call(x);
        }
    }

    /** Parameters, a buffer and nested modules registered in a deliberate order. */
    static final class Net extends Module {
        final Tensor scale = registerParameter("scale", Tensor.ones(1));
        final Sequential body = registerModule(
                "body", new Sequential(new Linear(4, 3), new ReLU(), new BatchNorm1d(3), new Dropout(0.2)));
        final Linear head = registerModule("head", new Linear(3, 2, false));
        final Tensor offset = registerBuffer("offset", Tensor.zeros(2));

        @Override
        public Tensor forward(Tensor x) {
            return head.call(body.call(x.mul(scale))).add(offset);
        }
    }

    @Test
    void namedParametersFollowRegistrationOrderWithDottedNames() {
        Net net = new Net();
        assertEquals(
                List.of("scale", "body.0.weight", "body.0.bias", "body.2.weight", "body.2.bias", "head.weight"),
                List.copyOf(net.namedParameters().keySet()));
        List<Tensor> params = net.parameters();
        assertEquals(6, params.size());
        assertSame(net.scale, params.get(0));
        assertSame(net.head.weight, params.get(5));
        for (Tensor p : params) {
            assertTrue(p.requiresGrad(), "registered parameters require grad");
        }
    }

    @Test
    void childrenAndModules() {
        Net net = new Net();
        assertEquals(List.of("body", "head"), List.copyOf(net.namedChildren().keySet()));
        assertEquals(
                List.of("", "body", "body.0", "body.1", "body.2", "body.3", "head"),
                List.copyOf(net.namedModules().keySet()));
        assertEquals(4, net.body.children().size());
        assertTrue(net.body.get(1) instanceof ReLU);
        assertTrue(net.body.get(-1) instanceof Dropout);
    }

    @Test
    void sharedParameterIsListedOnce() {
        Linear shared = new Linear(2, 2);
        Sequential seq = new Sequential(shared, shared);
        assertEquals(
                List.of("0.weight", "0.bias"), List.copyOf(seq.namedParameters().keySet()));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Net net = new Net();
        assertTrue(net.isTraining());
        net.eval();
        for (Module m : net.modules()) {
            assertFalse(m.isTraining(), m.getName());
        }
        net.train();
        for (Module m : net.modules()) {
            assertTrue(m.isTraining(), m.getName());
        }
    }

    @Test
    void zeroGradKeepsOrDropsTheBuffers() {
        MultivariateLinearRegressionModel model = new MultivariateLinearRegressionModel();
        Tensor x = Tensor.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}});
        model.call(x).sum().backward();
        Tensor g = model.linear.weight.grad();
        assertNotNull(g);
        model.zeroGrad(false);
        assertSame(g, model.linear.weight.grad(), "set_to_none=False zeroes in place");
        assertTrue(g.equal(Tensor.zeros(1, 3)));
        model.zeroGrad();
        assertNull(model.linear.weight.grad(), "PyTorch 2's default drops the gradient");
    }

    @Test
    void printsAsPyTorch() {
        Sequential seq = new Sequential(
                new Flatten(),
                new Linear(784, 256),
                new ReLU(),
                new Dropout(0.2),
                new Linear(256, 10, false),
                new LogSoftmax(1));
        assertEquals(
                "Sequential(\n"
                        + "  (0): Flatten(start_dim=1, end_dim=-1)\n"
                        + "  (1): Linear(in_features=784, out_features=256, bias=True)\n"
                        + "  (2): ReLU()\n"
                        + "  (3): Dropout(p=0.2, inplace=False)\n"
                        + "  (4): Linear(in_features=256, out_features=10, bias=False)\n"
                        + "  (5): LogSoftmax(dim=1)\n"
                        + ")",
                seq.toString());
        assertEquals(
                "MultivariateLinearRegressionModel(\n"
                        + "  (linear): Linear(in_features=3, out_features=1, bias=True)\n"
                        + ")",
                new MultivariateLinearRegressionModel().toString());
        assertEquals(
                "BatchNorm1d(3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                new BatchNorm1d(3).toString());
        assertEquals("Softmax(dim=0)", new Softmax(0).toString());
        assertEquals("Identity()", new Identity().toString());
    }

    @Test
    void nestedModulesIndentTheirChildren() {
        Sequential outer = new Sequential(new Sequential(new Linear(2, 2), new Tanh()), new Sigmoid());
        assertEquals(
                "Sequential(\n"
                        + "  (0): Sequential(\n"
                        + "    (0): Linear(in_features=2, out_features=2, bias=True)\n"
                        + "    (1): Tanh()\n"
                        + "  )\n"
                        + "  (1): Sigmoid()\n"
                        + ")",
                outer.toString());
    }

    @Test
    void namesAreCheckedAsPyTorchChecksThem() {
        Module m = new Identity();
        m.registerBuffer("b", Tensor.zeros(1));
        assertThrows(IllegalArgumentException.class, () -> m.registerParameter("b", Tensor.zeros(1)));
        assertThrows(IllegalArgumentException.class, () -> m.registerModule("a.b", new Identity()));
        assertThrows(IllegalArgumentException.class, () -> m.registerParameter("", Tensor.zeros(1)));
    }

    @Test
    void callRunsForward() {
        Linear lin = new Linear(3, 2, true, new Generator(7));
        Tensor x = Tensor.tensor(new float[][] {{1, 2, 3}});
        assertTrue(lin.call(x).equal(lin.forward(x)));
    }

    @Test
    void buffersAreInTheStateDictButNotParameters() {
        Net net = new Net();
        Map<String, Tensor> sd = net.stateDict();
        // PyTorch's order: a module's own parameters, then its own buffers, then each child's
        assertEquals(
                List.of(
                        "scale",
                        "offset",
                        "body.0.weight",
                        "body.0.bias",
                        "body.2.weight",
                        "body.2.bias",
                        "body.2.running_mean",
                        "body.2.running_var",
                        "body.2.num_batches_tracked",
                        "head.weight"),
                List.copyOf(sd.keySet()));
        assertFalse(net.namedParameters().containsKey("offset"));
        assertEquals(
                List.of("offset", "body.2.running_mean", "body.2.running_var", "body.2.num_batches_tracked"),
                List.copyOf(net.namedBuffers().keySet()));
    }

    @Test
    void nonPersistentBuffersStayOutOfTheStateDict() {
        Module m = new Identity();
        m.registerBuffer("kept", Tensor.zeros(1));
        m.registerBuffer("scratch", Tensor.zeros(1), false);
        assertEquals(List.of("kept"), List.copyOf(m.stateDict().keySet()));
        assertEquals(2, m.buffers().size());
    }
}
