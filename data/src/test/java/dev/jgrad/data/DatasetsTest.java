package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static TensorDataset xy(int n) {
        NDArray x = NDArray.arange(0, 3.0 * n, 1).view(n, 3);
        NDArray y = NDArray.arange(n);
        return new TensorDataset(Tensor.of(x), Tensor.of(y));
    }

    @Test
    void tensorDatasetIndexesEveryTensorAlongDim0() {
        TensorDataset ds = xy(4);
        assertEquals(4, ds.size());
        List<Tensor> s = ds.get(2);
        assertArrayEquals(new float[] {6, 7, 8}, s.get(0).data().toFloatArray());
        assertEquals(0, s.get(1).data().dim());
        assertEquals(2, s.get(1).data().itemLong());
        List<Tensor> batch = ds.getBatch(new int[] {3, 0});
        assertArrayEquals(new int[] {2, 3}, batch.get(0).data().shape().toArray());
        assertArrayEquals(new float[] {9, 10, 11, 0, 1, 2}, batch.get(0).data().toFloatArray());
        assertArrayEquals(new long[] {3, 0}, batch.get(1).data().toLongArray());
    }

    @Test
    void tensorDatasetErrors() {
        TensorDataset ds = xy(4);
        var e = assertThrows(IndexOutOfBoundsException.class, () -> ds.get(4));
        assertEquals("index 4 is out of bounds for dataset of size 4", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> ds.getBatch(new int[] {0, 7}));
        var mismatch = assertThrows(
                IllegalArgumentException.class,
                () -> new TensorDataset(Tensor.of(NDArray.zeros(3, 2)), Tensor.of(NDArray.zeros(4))));
        assertEquals("Size mismatch between tensors: Size([3, 2]) and Size([4])", mismatch.getMessage());
    }

    @Test
    void anEmptyDatasetGivesAnEmptyLoader() {
        TensorDataset empty = new TensorDataset(Tensor.of(NDArray.zeros(0, 5)));
        for (boolean shuffle : new boolean[] {false, true}) {
            for (int prefetch : new int[] {0, 2}) {
                DataLoader<List<Tensor>> loader = DataLoader.builder(empty)
                        .batchSize(4)
                        .shuffle(shuffle)
                        .prefetch(prefetch)
                        .build();
                assertEquals(0, loader.size());
                assertFalse(loader.iterator().hasNext());
                assertThrows(
                        java.util.NoSuchElementException.class,
                        () -> loader.iterator().next());
            }
        }
    }

    @Test
    void nonPositiveBatchSizeIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DataLoader<>(xy(3), 0));
        assertEquals("batch_size should be a positive integer value, but got batch_size=0", e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> DataLoader.builder(xy(3)).batchSize(-2).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> DataLoader.builder(xy(3)).prefetch(-1).build());
    }

    @Test
    void subsetMapsIndicesAndKeepsTheGatherPath() {
        TensorDataset ds = xy(6);
        Subset<List<Tensor>> sub = new Subset<>(ds, new int[] {5, 1, 3});
        assertEquals(3, sub.size());
        assertEquals(1, sub.get(1).get(1).data().itemLong());
        assertArrayEquals(
                new long[] {3, 5}, sub.getBatch(new int[] {2, 0}).get(1).data().toLongArray());
        assertThrows(IndexOutOfBoundsException.class, () -> sub.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> new Subset<>(ds, new int[] {6}));
    }

    @Test
    void randomSplitIsADisjointCoverAndFollowsTheGenerator() {
        Random random = new Random(21);
        for (int c = 0; c < 50; c++) {
            int n = random.nextInt(30);
            int cut = n == 0 ? 0 : random.nextInt(n + 1);
            long seed = random.nextLong();
            List<Subset<List<Tensor>>> parts =
                    RandomSplit.randomSplit(xy(n), new int[] {cut, n - cut}, new Generator(seed));
            assertEquals(cut, parts.get(0).size());
            assertEquals(n - cut, parts.get(1).size());
            List<Integer> all = new ArrayList<>();
            for (Subset<List<Tensor>> p : parts) {
                Arrays.stream(p.indices()).forEach(all::add);
            }
            all.sort(null);
            for (int i = 0; i < n; i++) {
                assertEquals(i, all.get(i));
            }
            List<Subset<List<Tensor>>> again =
                    RandomSplit.randomSplit(xy(n), new int[] {cut, n - cut}, new Generator(seed));
            assertArrayEquals(parts.get(0).indices(), again.get(0).indices());
        }
    }

    @Test
    void randomSplitByFractionsHandsOutTheRemainderRoundRobin() {
        List<Subset<List<Tensor>>> parts =
                RandomSplit.randomSplit(xy(10), new double[] {0.3, 0.3, 0.4}, new Generator(0));
        // floor gives 3, 3, 4 = 10: nothing left over.
        assertEquals(List.of(3, 3, 4), parts.stream().map(Subset::size).toList());
        parts = RandomSplit.randomSplit(xy(11), new double[] {0.25, 0.25, 0.5}, new Generator(0));
        // floor gives 2, 2, 5 = 9: the 2 left over go to the first two subsets.
        assertEquals(List.of(3, 3, 5), parts.stream().map(Subset::size).toList());
    }

    @Test
    void randomSplitErrors() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(xy(5), new int[] {2, 2}, new Generator(0)));
        assertTrue(
                e.getMessage().startsWith("Sum of input lengths does not equal the length of the input dataset!"),
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(xy(5), new double[] {0.5, 0.6}, new Generator(0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(xy(5), new double[] {-0.5, 1.5}, new Generator(0)));
    }

    @Test
    void concatDatasetChainsItsParts() {
        ConcatDataset<List<Tensor>> cat = new ConcatDataset<>(xy(2), xy(0), xy(3));
        assertEquals(5, cat.size());
        long[] labels = new long[5];
        for (int i = 0; i < 5; i++) {
            labels[i] = cat.get(i).get(1).data().itemLong();
        }
        assertArrayEquals(new long[] {0, 1, 0, 1, 2}, labels);
        assertThrows(IndexOutOfBoundsException.class, () -> cat.get(5));
        List<List<Tensor>> batches = new ArrayList<>();
        new DataLoader<>(cat, 2).forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(new long[] {0, 1}, batches.get(1).get(1).data().toLongArray());
        assertThrows(IllegalArgumentException.class, () -> new ConcatDataset<List<Tensor>>(List.of()));
    }
}
