package dev.jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ModuleList and ModuleDict: registration under PyTorch's keys, access, printing, no forward. */
class ContainersTest {
    /** A model that runs a ModuleList in its forward, as PyTorch users write it. */
    static final class Stack extends Module {
        final ModuleList layers = registerModule("layers", new ModuleList(new Linear(3, 4), new ReLU()));
        final ModuleDict heads = registerModule("heads", new ModuleDict());

        Stack() {
            layers.append(new Linear(4, 2));
            heads.put("cls", new Linear(2, 5)).put("reg", new Linear(2, 1, false));
        }

        @Override
        public Tensor forward(Tensor x) {
            for (Module layer : layers) {
                x = layer.call(x);
            }
            return heads.get("cls", Linear.class).call(x);
        }
    }

    @Test
    void parametersAndStateDictKeysAreNestedUnderIndicesAndKeys() {
        Stack s = new Stack();
        assertEquals(
                List.of(
                        "layers.0.weight",
                        "layers.0.bias",
                        "layers.2.weight",
                        "layers.2.bias",
                        "heads.cls.weight",
                        "heads.cls.bias",
                        "heads.reg.weight"),
                List.copyOf(s.stateDict().keySet()));
        assertEquals(7, s.parameters().size());
        Tensor y = s.call(Tensor.ones(6, 3));
        assertEquals(List.of(6, 5), List.of(y.size(0), y.size(1)));
        y.sum().backward();
        assertTrue(s.layers.get(0, Linear.class).weight.grad() != null);
    }

    @Test
    void printsAsPyTorch() {
        assertEquals(
                "Stack(\n"
                        + "  (layers): ModuleList(\n"
                        + "    (0): Linear(in_features=3, out_features=4, bias=True)\n"
                        + "    (1): ReLU()\n"
                        + "    (2): Linear(in_features=4, out_features=2, bias=True)\n"
                        + "  )\n"
                        + "  (heads): ModuleDict(\n"
                        + "    (cls): Linear(in_features=2, out_features=5, bias=True)\n"
                        + "    (reg): Linear(in_features=2, out_features=1, bias=False)\n"
                        + "  )\n"
                        + ")",
                new Stack().toString());
    }

    @Test
    void moduleListEditsKeepTheNumbering() {
        ReLU a = new ReLU();
        Tanh b = new Tanh();
        Sigmoid c = new Sigmoid();
        ModuleList list = new ModuleList(a, c);
        list.insert(1, b);
        assertEquals(List.of("0", "1", "2"), List.copyOf(list.namedChildren().keySet()));
        assertEquals(List.of(a, b, c), List.copyOf(list.children()));
        Identity d = new Identity();
        list.set(-1, d);
        assertSame(d, list.get(2));
        list.insert(3, new ReLU()).extend(List.of(new ReLU()));
        assertEquals(5, list.size());
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> list.insert(7, new ReLU()));
        assertThrows(IllegalArgumentException.class, () -> list.append(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> list.get(0, Linear.class));
        assertEquals("module 0 of ModuleList is a ReLU, not a Linear", e.getMessage());
        UnsupportedOperationException u =
                assertThrows(UnsupportedOperationException.class, () -> list.call(Tensor.ones(1)));
        assertTrue(u.getMessage().startsWith("Module [ModuleList] is missing the required \"forward\" function"));
    }

    @Test
    void moduleDictKeepsInsertionOrderAndChecksKeys() {
        Map<String, Module> init = new LinkedHashMap<>();
        init.put("b", new ReLU());
        init.put("a", new Tanh());
        ModuleDict dict = new ModuleDict(init);
        assertEquals(List.of("b", "a"), dict.keys());
        assertTrue(dict.containsKey("a"));
        assertFalse(dict.containsKey("c"));
        Sigmoid s = new Sigmoid();
        dict.put("b", s);
        assertEquals(List.of("b", "a"), dict.keys(), "replacing keeps the position, as a Python dict does");
        assertSame(s, dict.get("b"));
        assertEquals(2, dict.size());
        assertEquals(List.of("b", "a"), List.copyOf(dict.items().keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dict.get("c"));
        assertEquals("ModuleDict has no key 'c'; its keys are [b, a]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> dict.put("x.y", new ReLU()));
        assertThrows(UnsupportedOperationException.class, () -> dict.call(Tensor.ones(1)));
    }
}
