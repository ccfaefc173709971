package dev.jgrad.examples;

import dev.jgrad.tensor.NDArray;

/**
 * Lab-01-1, Tensor Manipulation 1: the torch parts of the tutorial, printing what PyTorch prints
 * (without the {@code torch.} prefix). The NumPy matmul/dot cells are done with int64 tensors.
 */
public final class Lab01_1 {
    private Lab01_1() {}

    public static void main(String[] args) {
        Printer p = Printer.lab(System.out, "Lab-01-1 Tensor Manipulation 1");

        p.section("1D Array with PyTorch");
        NDArray t = NDArray.tensor(new float[] {0, 1, 2, 3, 4, 5, 6});
        p.print(t);
        p.print("Rank: " + t.dim());
        p.print("Shape: " + t.shape());
        p.print("Shape: " + t.size());
        p.print(t.get(0), t.get(1), t.get(-1));
        p.print(t.slice(0, 2, 5), t.slice(0, 4, -1));
        p.print(t.slice(0, 0, 2), t.slice(0, 3));

        p.section("2D Array with PyTorch");
        t = NDArray.tensor(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}});
        p.print(t);
        p.print("Rank: " + t.dim());
        p.print(t.size());
        p.print(t.select(1, 1));
        p.print(t.select(1, 1).size());
        p.print(t.slice(1, 0, -1));

        p.section("Broadcasting");
        NDArray m1 = NDArray.tensor(new float[][] {{3, 3}});
        NDArray m2 = NDArray.tensor(new float[][] {{2, 2}});
        p.print(m1.shape(), m2.shape());
        p.print(m1.add(m2));
        m1 = NDArray.tensor(new float[][] {{1, 2}});
        m2 = NDArray.tensor(new float[] {3});
        p.print(m1.shape(), m2.shape());
        p.print(m1.add(m2));
        m1 = NDArray.tensor(new float[][] {{1, 2}});
        m2 = NDArray.tensor(new float[][] {{3}, {4}});
        p.print(m1.shape(), m2.shape());
        p.print(m1.add(m2));

        p.section("Multiplication vs Matrix Multiplication");
        m1 = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        m2 = NDArray.tensor(new float[][] {{1}, {2}});
        p.print("Shape of Matrix 1: " + m1.shape());
        p.print("Shape of Matrix 2: " + m2.shape());
        p.print(m1);
        p.print("-".repeat(10));
        p.print(m2);
        p.print(m1.matmul(m2));
        p.print(m1.mul(m2));

        p.section("np.matmul, np.dot and a*b, with int64 tensors");
        NDArray a = NDArray.tensor(new long[][] {{1, 2}, {3, 4}});
        NDArray b = NDArray.tensor(new long[][] {{1, 2}, {3, 4}});
        p.print(a.matmul(b));
        p.print(a.mm(b));
        p.print(a.mul(b));
        a = NDArray.tensor(new long[] {1, 2, 3});
        b = NDArray.tensor(new long[] {1, 2, 3});
        p.print("(" + a.matmul(b).itemLong() + ", " + a.dot(b).itemLong() + ")");
        p.print(a.mul(b));

        p.section("Mean");
        t = NDArray.tensor(new float[] {1, 2});
        p.print(t.mean());
        t = NDArray.tensor(new long[] {1, 2});
        try {
            p.print(t.mean());
        } catch (IllegalArgumentException e) {
            p.print(e.getMessage());
        }
        t = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        p.print(t);

        p.section("Sum");
        t = NDArray.tensor(new float[][] {{1, 2}, {3, 4}});
        p.print(t);
        p.print(t.sum());
        p.print(t.sum(0));
        p.print(t.sum(1));

        p.section("Max and Argmax");
        p.print(t.max());
        p.print(t.max(0));
    }
}
