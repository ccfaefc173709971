package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of DataLoader on random sizes, batch sizes and options (seeded, so every run checks the same cases). */
class DataLoaderPropertiesTest {

    private static final int CASES = 300;

    /** A dataset whose sample i is the int64 scalar i, served by the gather fast path. */
    private static TensorDataset indexDataset(int n) {
        return new TensorDataset(Tensor.of(NDArray.arange(n)));
    }

    /** Every batch of one epoch, flattened to the sample indices it holds, batch by batch. */
    private static List<long[]> epoch(DataLoader<List<Tensor>> loader) {
        List<long[]> batches = new ArrayList<>();
        for (List<Tensor> batch : loader) {
            batches.add(batch.get(0).data().toLongArray());
        }
        return batches;
    }

    @Test
    void everyIndexOncePerEpochAndBatchSizesAsDeclared() {
        SeededCases.run(11, CASES, random -> {
            int n = random.nextInt(40);
            int batchSize = 1 + random.nextInt(12);
            boolean shuffle = random.nextBoolean();
            boolean dropLast = random.nextBoolean();
            DataLoader<List<Tensor>> loader = DataLoader.builder(indexDataset(n))
                    .batchSize(batchSize)
                    .shuffle(shuffle)
                    .dropLast(dropLast)
                    .seed(random.nextLong())
                    .build();
            String label = "n=" + n + " batchSize=" + batchSize + " shuffle=" + shuffle + " dropLast=" + dropLast;

            int expectedBatches = dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
            assertEquals(expectedBatches, loader.size(), label);
            for (int e = 0; e < 2; e++) {
                List<long[]> batches = epoch(loader);
                assertEquals(expectedBatches, batches.size(), label);
                int[] seen = new int[n];
                for (int b = 0; b < batches.size(); b++) {
                    long[] batch = batches.get(b);
                    int expectedSize = b < n / batchSize ? batchSize : n % batchSize;
                    assertEquals(expectedSize, batch.length, label + " batch " + b);
                    for (long i : batch) {
                        seen[(int) i]++;
                    }
                }
                int served = dropLast ? n / batchSize * batchSize : n;
                assertEquals(served, Arrays.stream(seen).sum(), label);
                assertTrue(Arrays.stream(seen).allMatch(k -> k <= 1), label + ": an index was served twice");
                if (!shuffle) {
                    for (int i = 0; i < served; i++) {
                        assertEquals(1, seen[i], label);
                    }
                }
            }
        });
    }

    @Test
    void sameSeedSameOrderAndEachEpochANewOrder() {
        SeededCases.run(12, 60, random -> {
            int n = 10 + random.nextInt(50);
            int batchSize = 1 + random.nextInt(9);
            long seed = random.nextLong();
            DataLoader<List<Tensor>> a =
                    shuffled(indexDataset(n), batchSize, seed).build();
            DataLoader<List<Tensor>> b =
                    shuffled(indexDataset(n), batchSize, seed).build();
            long[] first = null;
            boolean changed = false;
            for (int e = 0; e < 3; e++) {
                long[] orderA = flatten(epoch(a));
                assertArrayEquals(orderA, flatten(epoch(b)), "epoch " + e + " with the same seed");
                if (first == null) {
                    first = orderA;
                } else {
                    changed |= !Arrays.equals(first, orderA);
                }
            }
            assertTrue(changed, "n=" + n + ": three epochs in the same order");
        });
    }

    @Test
    void differentSeedsGiveDifferentOrders() {
        DataLoader<List<Tensor>> a = shuffled(indexDataset(50), 7, 1).build();
        DataLoader<List<Tensor>> b = shuffled(indexDataset(50), 7, 2).build();
        assertFalse(Arrays.equals(flatten(epoch(a)), flatten(epoch(b))));
    }

    @Test
    void prefetchServesTheSameBatchesAsNoPrefetch() {
        SeededCases.run(13, 80, random -> {
            int n = random.nextInt(60);
            int batchSize = 1 + random.nextInt(10);
            boolean dropLast = random.nextBoolean();
            int prefetch = 1 + random.nextInt(4);
            long seed = random.nextLong();
            DataLoader<List<Tensor>> plain = shuffled(indexDataset(n), batchSize, seed)
                    .dropLast(dropLast)
                    .build();
            DataLoader<List<Tensor>> ahead = shuffled(indexDataset(n), batchSize, seed)
                    .dropLast(dropLast)
                    .prefetch(prefetch)
                    .build();
            for (int e = 0; e < 2; e++) {
                List<long[]> x = epoch(plain);
                List<long[]> y = epoch(ahead);
                assertEquals(x.size(), y.size());
                for (int b = 0; b < x.size(); b++) {
                    assertArrayEquals(
                            x.get(b), y.get(b), "n=" + n + " prefetch=" + prefetch + " epoch " + e + " batch " + b);
                }
            }
        });
    }

    @Test
    void anAbandonedPrefetchingEpochDoesNotDisturbTheNext() {
        DataLoader<List<Tensor>> loader =
                DataLoader.builder(indexDataset(100)).batchSize(3).prefetch(4).build();
        var it = loader.iterator();
        it.next();
        long[] again = flatten(epoch(loader));
        assertEquals(100, again.length);
        assertEquals(0, again[0]);
    }

    @Test
    void gatherFastPathEqualsSampleBySampleCollate() {
        SeededCases.run(14, 40, random -> {
            int n = 1 + random.nextInt(30);
            int h = 1 + random.nextInt(4);
            int w = 1 + random.nextInt(5);
            // A non-contiguous image tensor: the transpose of an (n, w, h) block.
            NDArray images = SeededCases.images(random, n, w, h).transpose(1, 2);
            long[] labels = random.longs(n, 0, 10).toArray();
            TensorDataset fast = new TensorDataset(Tensor.of(images), Tensor.of(NDArray.tensor(labels)))
                    .transform(0, new Compose(new ToTensor(), new Normalize(0.5, 0.25)));
            Dataset<List<Tensor>> slow = new Dataset<>() {
                @Override
                public int size() {
                    return fast.size();
                }

                @Override
                public List<Tensor> get(int index) {
                    return fast.get(index);
                }
            };
            int batchSize = 1 + random.nextInt(8);
            long seed = random.nextLong();
            List<List<Tensor>> a = new ArrayList<>();
            shuffled(fast, batchSize, seed).build().forEach(a::add);
            List<List<Tensor>> b = new ArrayList<>();
            shuffled(slow, batchSize, seed).build().forEach(b::add);
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                NDArray xa = a.get(i).get(0).data();
                NDArray xb = b.get(i).get(0).data();
                assertArrayEquals(xb.shape().toArray(), xa.shape().toArray());
                assertEquals(1, xa.size(1), "ToTensor adds the channel dim");
                assertArrayEquals(xb.toFloatArray(), xa.toFloatArray());
                assertArrayEquals(
                        b.get(i).get(1).data().toLongArray(),
                        a.get(i).get(1).data().toLongArray());
            }
        });
    }

    /** A loader builder of {@code dataset} in shuffled batches of {@code batchSize}, its order seeded with {@code seed}. */
    private static <T> DataLoader.Builder<T, T> shuffled(Dataset<T> dataset, int batchSize, long seed) {
        return DataLoader.builder(dataset).batchSize(batchSize).shuffle(true).seed(seed);
    }

    private static long[] flatten(List<long[]> batches) {
        return batches.stream().flatMapToLong(Arrays::stream).toArray();
    }
}
