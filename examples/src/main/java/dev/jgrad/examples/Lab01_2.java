package dev.jgrad.examples;

import dev.jgrad.tensor.NDArray;
import java.util.List;

/**
 * Lab-01-2, Tensor Manipulation 2: view, squeeze, unsqueeze, casting, cat, stack, ones/zeros
 * and in-place operations, printing what PyTorch prints (without the {@code torch.} prefix).
 */
public final class Lab01_2 {
    private Lab01_2() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-01-2 Tensor Manipulation 2");

        p.section("View (Reshape)");
        NDArray ft = NDArray.tensor(new float[][][] {{{0, 1, 2}, {3, 4, 5}}, {{6, 7, 8}, {9, 10, 11}}});
        p.print(ft.shape());
        p.print(ft.view(-1, 3));
        p.print(ft.view(-1, 3).shape());
        p.print(ft.view(-1, 1, 3));
        p.print(ft.view(-1, 1, 3).shape());

        p.section("Squeeze");
        ft = NDArray.tensor(new float[][] {{0}, {1}, {2}});
        p.print(ft);
        p.print(ft.shape());
        p.print(ft.squeeze());
        p.print(ft.squeeze().shape());

        p.section("Unsqueeze");
        ft = NDArray.tensor(new float[] {0, 1, 2});
        p.print(ft);
        p.print(ft.shape());
        p.print(ft.unsqueeze(0));
        p.print(ft.unsqueeze(0).shape());
        p.print(ft.view(1, -1));
        p.print(ft.view(1, -1).shape());
        p.print(ft.unsqueeze(1));
        p.print(ft.unsqueeze(1).shape());
        p.print(ft.view(-1, 1));
        p.print(ft.view(-1, 1).shape());

        p.section("Type Casting");
        NDArray lt = NDArray.tensor(new long[] {1, 2, 3, 4});
        p.print(lt);
        p.print(lt.toFloat());
        NDArray bt = NDArray.tensor(new byte[] {1, 0, 0, 1});
        p.print(bt);
        p.print(bt.toLong());
        p.print(bt.toFloat());

        p.section("Concatenate");
        NDArray x = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        NDArray y = NDArray.tensor(new float[][] {{5, 6}, {7, 8}});
        p.print(NDArray.cat(List.of(x, y), 0));
        p.print(NDArray.cat(List.of(x, y), 1));

        p.section("Stacking");
        x = NDArray.tensor(new float[] {1, 4});
        y = NDArray.tensor(new float[] {2, 5});
        NDArray z = NDArray.tensor(new float[] {3, 6});
        p.print(NDArray.stack(List.of(x, y, z), 0));
        p.print(NDArray.stack(List.of(x, y, z), 0));
        p.print(NDArray.stack(List.of(x, y, z), 1));

        p.section("Ones and Zeros");
        x = NDArray.tensor(new float[][] {{0, 1, 2}, {2, 1, 0}});
        p.print(x);
        p.print(NDArray.onesLike(x));
        p.print(NDArray.zerosLike(x));

        p.section("In-place Operation");
        x = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        p.print(x.mul(2.));
        p.print(x);
        p.print(x.mul_(2.));
        p.print(x);
    }
}
