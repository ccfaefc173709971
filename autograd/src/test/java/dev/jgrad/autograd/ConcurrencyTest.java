package dev.jgrad.autograd;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.tensor.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Inference on shared weights from many threads, each under its own noGrad. */
class ConcurrencyTest {
    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    @Test
    void eightThreadsShareOneModelUnderNoGrad() throws Exception {
        Generator g = new Generator(7);
        Tensor w1 = Tensor.randn(g, 20, 16).requiresGrad_();
        Tensor b1 = Tensor.randn(g, 16).requiresGrad_();
        Tensor w2 = Tensor.randn(g, 16, 4).requiresGrad_();
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inputs.add(Tensor.randn(g, 5, 20));
        }
        List<Tensor> expected = new ArrayList<>();
        for (Tensor x : inputs) {
            try (var s = Tensor.noGrad()) {
                expected.add(forward(x, w1, b1, w2));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int rep = 0; rep < 50; rep++) {
                        int i = (id + rep) % 8;
                        try (var s = Tensor.noGrad()) {
                            Tensor y = forward(inputs.get(i), w1, b1, w2);
                            same &= y.gradFn() == null && !y.requiresGrad() && y.equal(expected.get(i));
                        }
                    }
                    return same;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertNull(w1.grad());
        assertTrue(w1.isLeaf());
    }

    private static Tensor forward(Tensor x, Tensor w1, Tensor b1, Tensor w2) {
        return x.matmul(w1).add(b1).relu().matmul(w2).logSoftmax(1);
    }
}
