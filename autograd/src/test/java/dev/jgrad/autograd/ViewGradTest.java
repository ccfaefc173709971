package dev.jgrad.autograd;

import static dev.jgrad.autograd.GradCheck.check;
import static dev.jgrad.autograd.GradCheck.leaf;
import static dev.jgrad.autograd.GradCheck.shape;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gradient checks of the view ops (the views are multiplied by a weight so each element counts differently). */
class ViewGradTest {
    private static final int TRIALS = 15;

    private static void each(
            String name, long seed, int minDim, java.util.function.BiFunction<Tensor, Random, Tensor> op) {
        GradCheck.trials(seed, TRIALS, rng -> {
            Tensor a = leaf(rng, shape(rng, minDim, 4, true), rng.nextBoolean());
            long s = rng.nextLong();
            check(name + " of " + a.shape(), rng, in -> op.apply(in[0], new Random(s)), a);
        });
    }

    @Test
    void reshapes() {
        each("flatten", 1, 0, (x, r) -> x.flatten());
        each("reshape", 2, 0, (x, r) -> x.reshape(-1));
        each("view of contiguous", 3, 0, (x, r) -> x.contiguous().view(-1));
        each("flatten(1,-1)", 4, 2, (x, r) -> x.flatten(1, -1));
        each(
                "reshape back and forth",
                5,
                1,
                (x, r) -> x.reshape(-1).mul(2).reshape(x.shape().toArray()));
    }

    @Test
    void squeezes() {
        each("squeeze", 6, 0, (x, r) -> x.squeeze());
        each("squeeze dim", 7, 1, (x, r) -> x.squeeze(r.nextInt(x.dim())));
        each("unsqueeze", 8, 0, (x, r) -> x.unsqueeze(r.nextInt(x.dim() + 1)));
        each("unsqueeze negative", 9, 0, (x, r) -> x.unsqueeze(-1));
    }

    @Test
    void transposes() {
        each("transpose", 10, 2, (x, r) -> x.transpose(r.nextInt(x.dim()), r.nextInt(x.dim())));
        each("t", 11, 0, (x, r) -> x.dim() <= 2 ? x.t() : x);
        each("permute", 12, 1, (x, r) -> {
            int[] p = new int[x.dim()];
            for (int i = 0; i < p.length; i++) {
                p[i] = p.length - 1 - i;
            }
            return x.permute(p);
        });
    }

    @Test
    void expands() {
        Random rng = new Random(13);
        check("expand", rng, in -> in[0].expand(4, 3, -1), leaf(rng, new int[] {3, 1}, false));
        check("expand 0-dim", rng, in -> in[0].expand(2, 3), leaf(rng, new int[] {}, false));
        check("broadcastTo", rng, in -> in[0].broadcastTo(2, 5), leaf(rng, new int[] {5}, true));
        check("expandAs", rng, in -> in[0].expandAs(Tensor.zeros(2, 2, 3)), leaf(rng, new int[] {2, 1, 3}, true));
    }

    @Test
    void parts() {
        each("narrow", 14, 1, (x, r) -> {
            int d = r.nextInt(x.dim());
            int start = x.size(d) == 0 ? 0 : r.nextInt(x.size(d));
            return x.narrow(d, start, x.size(d) - start == 0 ? 0 : 1 + r.nextInt(x.size(d) - start));
        });
        each("slice step", 15, 1, (x, r) -> x.slice(r.nextInt(x.dim()), 0, 5, 2));
        each("slice negative", 16, 1, (x, r) -> x.slice(0, -2));
        each("select", 17, 1, (x, r) -> {
            int d = r.nextInt(x.dim());
            return x.size(d) == 0 ? x : x.select(d, r.nextInt(x.size(d)));
        });
        Random rng = new Random(18);
        check("get", rng, in -> in[0].get(1, 0), leaf(rng, new int[] {3, 2, 4}, true));
        check(
                "views of views",
                rng,
                in -> in[0].t().narrow(0, 1, 2).select(1, 2).unsqueeze(0),
                leaf(rng, new int[] {4, 3}, true));
    }

    @Test
    void copies() {
        each("contiguous", 19, 0, (x, r) -> x.contiguous());
        each("clone", 20, 0, (x, r) -> x.clone());
    }
}
