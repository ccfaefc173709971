package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;

import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gradient checks of gather, indexSelect, maskedSelect, cat, stack, split and chunk. */
class IndexGradTest {
    private static Tensor indices(Random rng, int bound, int... shape) {
        return Tensor.of(NDArray.randint(new Generator(rng.nextLong()), 0, bound, shape));
    }

    /** One trial of an op along a dim: the generator, a random leaf {@code x} of 1 to 3 dims, its shape and a dim. */
    private interface DimTrial {
        void run(Random rng, Tensor x, int[] shape, int dim);
    }

    /** 15 trials, each drawing a shape, a leaf of it and one of its dims, in that order. */
    private static void dimTrials(long seed, DimTrial trial) {
        GradCheck.trials(seed, 15, rng -> {
            int[] s = shape(rng, 1, 3, false);
            Tensor x = leaf(rng, s, rng.nextBoolean());
            trial.run(rng, x, s, rng.nextInt(s.length));
        });
    }

    @Test
    void gatherWithRepeatedIndices() {
        dimTrials(1, (rng, x, s, d) -> {
            int[] is = s.clone();
            is[d] = 1 + rng.nextInt(4);
            Tensor index = indices(rng, s[d], is);
            check("gather dim " + d + " of " + x.shape(), rng, in -> in[0].gather(d, index), x);
        });
    }

    @Test
    void indexSelectWithRepeatedIndices() {
        dimTrials(2, (rng, x, s, d) -> {
            Tensor index = indices(rng, s[d], 1 + rng.nextInt(5));
            check("indexSelect dim " + d + " of " + x.shape(), rng, in -> in[0].indexSelect(d, index), x);
        });
    }

    @Test
    void maskedSelectWithBroadcastMask() {
        Random rng = new Random(3);
        Tensor random = Tensor.of(GradCheck.randn(rng, 3, 4).gt(0));
        check("maskedSelect", rng, in -> in[0].maskedSelect(random), leaf(rng, new int[] {3, 4}, true));
        Tensor mask = Tensor.of(NDArray.tensor(new boolean[] {true, false, true}));
        check("maskedSelect broadcast", rng, in -> in[0].maskedSelect(mask), leaf(rng, new int[] {2, 1}, false));
    }

    @Test
    void catAndStack() {
        Random rng = new Random(4);
        for (int trial = 0; trial < 15; trial++) {
            int[] s = shape(rng, 1, 3, true);
            int d = rng.nextInt(s.length);
            int[] s2 = s.clone();
            s2[d] = rng.nextInt(3);
            Tensor a = leaf(rng, s, rng.nextBoolean());
            Tensor b = leaf(rng, s2, rng.nextBoolean());
            Tensor c = leaf(rng, s, false);
            check("cat dim " + d, rng, in -> Tensor.cat(List.of(in[0], in[1], in[2]), d), a, b, c);
            int sd = rng.nextInt(s.length + 1) - (s.length + 1) * rng.nextInt(2);
            check("stack dim " + sd, rng, in -> Tensor.stack(List.of(in[0], in[1]), sd), a, c);
        }
        Tensor data = Tensor.randn(2);
        check("cat with a constant", rng, in -> Tensor.cat(List.of(data, in[0]), 0), leaf(rng, new int[] {3}, false));
    }

    @Test
    void splitAndChunk() {
        Random rng = new Random(5);
        Tensor x = leaf(rng, new int[] {5, 3}, true);
        check(
                "split",
                rng,
                in -> {
                    List<Tensor> parts = in[0].split(2, 0);
                    return parts.get(0)
                            .sum(0)
                            .mul(parts.get(1).sum(0))
                            .add(parts.get(2).sum(0).exp());
                },
                x);
        check(
                "split sizes",
                rng,
                in -> {
                    List<Tensor> parts = in[0].split(new int[] {1, 2}, 1);
                    return parts.get(0).mul(parts.get(1));
                },
                x);
        check(
                "chunk",
                rng,
                in -> {
                    List<Tensor> parts = in[0].chunk(2, 1);
                    return parts.get(1).mul(parts.get(0).sum());
                },
                x);
    }
}
