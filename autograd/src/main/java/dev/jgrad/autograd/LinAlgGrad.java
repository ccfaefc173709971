package dev.jgrad.autograd;

import dev.jgrad.tensor.NDArray;
import java.util.Arrays;
import java.util.function.BinaryOperator;

/**
 * The derivatives of tensor-core's {@code LinAlg} products. The backward products read transposed views and let the
 * GEMM pack them, and skip the input that needs no gradient (a data batch), which halves the backward work of a layer.
 */
final class LinAlgGrad {
    private LinAlgGrad() {}

    static Tensor mm(Tensor a, Tensor b) {
        return OpNode.apply("MmBackward0", a.data().mm(b.data()), a, b, MM);
    }

    private static final OpNode.Rule MM = n -> {
        boolean aColumnMajor = columnMajor(n.input(0).data());
        boolean bColumnMajor = columnMajor(n.input(1).data());
        SavedValue sa = n.needs(1) ? n.save(0) : null;
        SavedValue sb = n.needs(0) ? n.save(1) : null;
        return g -> {
            NDArray ga = null;
            NDArray gb = null;
            // Each gradient is made in the layout its input has (PyTorch's mm_mat1/mat2_backward),
            // so that a transposed weight's gradient comes out contiguous in the weight's own layout.
            if (n.needs(0)) {
                NDArray bv = sb.get();
                ga = aColumnMajor ? bv.mm(g.t()).t() : g.mm(bv.t());
            }
            if (n.needs(1)) {
                NDArray av = sa.get();
                gb = bColumnMajor ? g.t().mm(av).t() : av.t().mm(g);
            }
            return new NDArray[] {ga, gb};
        };
    };

    /** A matrix stored transposed (strides [1, rows]): the layout of {@code w.t()}. */
    private static boolean columnMajor(NDArray m) {
        return m.size(0) > 1 && m.size(1) > 1 && m.stride(0) == 1 && m.stride(1) == m.size(0);
    }

    static Tensor bmm(Tensor a, Tensor b) {
        return OpNode.apply("BmmBackward0", a.data().bmm(b.data()), a, b, BMM);
    }

    private static final OpNode.Rule BMM = product(
            (g, b) -> g.bmm(b.transpose(1, 2)), (a, g) -> a.transpose(1, 2).bmm(g));

    /**
     * The rule of a product whose gradients are {@code gradA(g, b)} and {@code gradB(a, g)}: each input is saved
     * only when the other one needs a gradient.
     */
    private static OpNode.Rule product(BinaryOperator<NDArray> gradA, BinaryOperator<NDArray> gradB) {
        return n -> {
            SavedValue sa = n.needs(1) ? n.save(0) : null;
            SavedValue sb = n.needs(0) ? n.save(1) : null;
            return g -> new NDArray[] {
                n.needs(0) ? gradA.apply(g, sb.get()) : null, n.needs(1) ? gradB.apply(sa.get(), g) : null
            };
        };
    }

    /** dot's derivative is mul's: each vector's gradient is g times the other. */
    static Tensor dot(Tensor a, Tensor b) {
        return OpNode.apply("DotBackward0", a.data().dot(b.data()), a, b, ElementwiseGrad.MUL);
    }

    /** Matrix times vector. */
    static Tensor mv(Tensor m, Tensor v) {
        return OpNode.apply("MvBackward0", m.data().matmul(v.data()), m, v, MV);
    }

    private static final OpNode.Rule MV = product(NDArray::outer, (m, g) -> m.t().matmul(g));

    /** torch.matmul: dispatches on the dims as PyTorch does, so each case records PyTorch's node. */
    static Tensor matmul(Tensor a, Tensor b) {
        int da = a.data().dim();
        int db = b.data().dim();
        if (da == 0 || db == 0) {
            // The forward produces PyTorch's message for scalars.
            return Tensor.of(a.data().matmul(b.data()));
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            return ViewsGrad.squeeze(mm(ViewsGrad.unsqueeze(a, 0), b), 0);
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        if (da >= 3 && db <= 2) {
            // Fold the batch into the rows: one product instead of a batch of small ones.
            int[] lead = a.data().shape().toArray();
            int k = lead[da - 1];
            Tensor folded = ViewsGrad.reshape(a, -1, k);
            Tensor r = db == 1 ? mv(folded, b) : mm(folded, b);
            int[] outShape = Arrays.copyOf(lead, db == 1 ? da - 1 : da);
            if (db == 2) {
                outShape[da - 1] = b.data().size(1);
            }
            return ViewsGrad.view(r, outShape);
        }
        return batched(a, b);
    }

    /** Batched products with broadcast batch dims; the engine sums each gradient over the batch dims its input lacks. */
    private static Tensor batched(Tensor a, Tensor b) {
        return OpNode.apply("UnsafeViewBackward0", a.data().matmul(b.data()), a, b, BATCHED);
    }

    private static final OpNode.Rule BATCHED = n -> {
        boolean vecA = n.input(0).data().dim() == 1;
        boolean vecB = n.input(1).data().dim() == 1;
        SavedValue sa = n.needs(1) ? n.save(0) : null;
        SavedValue sb = n.needs(0) ? n.save(1) : null;
        return g -> {
            // Put back the dims that 1-D operands lost, so both sides are matrices (batches of).
            NDArray g2 = vecA ? g.unsqueeze(-2) : g;
            g2 = vecB ? g2.unsqueeze(-1) : g2;
            NDArray ga = null;
            NDArray gb = null;
            if (n.needs(0)) {
                NDArray bm = vecB ? sb.get().unsqueeze(1) : sb.get();
                ga = g2.matmul(bm.transpose(-1, -2));
                ga = vecA ? ga.squeeze(-2) : ga;
            }
            if (n.needs(1)) {
                NDArray am = vecA ? sa.get().unsqueeze(0) : sa.get();
                gb = am.transpose(-1, -2).matmul(g2);
                gb = vecB ? gb.squeeze(-1) : gb;
            }
            return new NDArray[] {ga, gb};
        };
    };

    /** torch.outer: a column times a row, through broadcasting (MulBackward0, as in PyTorch). */
    static Tensor outer(Tensor a, Tensor b) {
        if (a.data().dim() != 1 || b.data().dim() != 1) {
            // The forward produces PyTorch's message for non-vectors.
            return Tensor.of(a.data().outer(b.data()));
        }
        return ElementwiseGrad.mul(ViewsGrad.reshape(a, -1, 1), b);
    }
}
