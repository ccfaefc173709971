package dev.jgrad.data;

import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * PyTorch's {@code DataLoader}: iterates over a dataset in batches. Each call to
 * {@link #iterator()} is one epoch; with {@code shuffle} every epoch has a new order, drawn from
 * the loader's generator, so the same seed gives the same sequence of epochs.
 *
 * <p>With the default collate, a {@link BatchDataset} is asked for whole batches (one gather per
 * batch); any other dataset is read sample by sample and collated with
 * {@link Collate#defaultCollate}. With {@code prefetch(k)}, a worker thread prepares up to
 * {@code k} batches ahead of the consumer; the batches and their order are the same as without.
 *
 * @param <B> the type of a batch
 */
public final class DataLoader<B> implements Iterable<B> {

    private static final AtomicInteger WORKER_IDS = new AtomicInteger();

    private final Dataset<?> dataset;
    private final Function<int[], B> fetch;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;
    private final int prefetch;
    private volatile ExecutorService worker;

    /**
     * {@code DataLoader(dataset, batch_size=batchSize)}: in order, the last batch may be short,
     * batches collated with {@link Collate#defaultCollate}.
     *
     * @param dataset the samples; a batch has the sample type {@code B} (e.g. {@code List<Tensor>})
     * @param batchSize samples per batch
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     * @throws NullPointerException if {@code dataset} is null
     */
    public DataLoader(Dataset<B> dataset, int batchSize) {
        this(dataset, batchSize, false);
    }

    /**
     * {@code DataLoader(dataset, batch_size=batchSize, shuffle=shuffle)}: with {@code shuffle}, each
     * epoch's order comes from a fresh generator seeded from the default generator, as PyTorch's.
     *
     * @param dataset the samples; a batch has the sample type {@code B} (e.g. {@code List<Tensor>})
     * @param batchSize samples per batch
     * @param shuffle whether every epoch serves the samples in a new random order
     * @throws IllegalArgumentException if {@code batchSize} is not positive
     * @throws NullPointerException if {@code dataset} is null
     */
    public DataLoader(Dataset<B> dataset, int batchSize, boolean shuffle) {
        this(builder(dataset).batchSize(batchSize).shuffle(shuffle));
    }

    private DataLoader(Builder<?, B> b) {
        if (b.batchSize <= 0) {
            throw new IllegalArgumentException(
                    "batch_size should be a positive integer value, but got batch_size=" + b.batchSize);
        }
        if (b.prefetch < 0) {
            throw new IllegalArgumentException(
                    "prefetch should be a non-negative integer value, but got prefetch=" + b.prefetch);
        }
        this.dataset = b.dataset;
        this.fetch = b.fetcher();
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.dropLast = b.dropLast;
        this.generator = b.generator;
        this.prefetch = b.prefetch;
    }

    /**
     * A builder for every option; its batches are collated with {@link Collate#defaultCollate} unless
     * a collateFn is set.
     *
     * <pre>{@code
     * DataLoader<List<Tensor>> loader = DataLoader.builder(dataset).batchSize(64).shuffle(true).seed(0).build();
     * }</pre>
     *
     * @param <T> the sample type, which is also the batch type until {@link Builder#collateFn} changes it
     * @param dataset the samples
     * @return a builder with PyTorch's defaults: batch size 1, no shuffle, no drop_last, no prefetch
     * @throws NullPointerException if {@code dataset} is null
     */
    public static <T> Builder<T, T> builder(Dataset<T> dataset) {
        return new Builder<>(Objects.requireNonNull(dataset, "dataset"), null);
    }

    /**
     * The number of batches in one epoch, {@code len(dataloader)}.
     *
     * @return {@code ceil(n / batchSize)}, or {@code floor(n / batchSize)} with dropLast, for the
     *     dataset's current size n
     */
    public int size() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /**
     * The dataset the batches come from, {@code dataloader.dataset}.
     *
     * @return the dataset
     */
    public Dataset<?> dataset() {
        return dataset;
    }

    /**
     * Samples per batch, {@code dataloader.batch_size}.
     *
     * @return the batch size (the last batch of an epoch may be smaller, unless dropLast)
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Whether a short last batch is dropped, {@code dataloader.drop_last}.
     *
     * @return true if every batch has exactly {@link #batchSize()} samples
     */
    public boolean dropLast() {
        return dropLast;
    }

    /**
     * One epoch of batches, {@code iter(dataloader)}: each call draws a new order when shuffling.
     * Errors from the dataset or the collate function are thrown by {@code next()}.
     *
     * @return an iterator over the epoch's {@link #size()} batches; {@code next()} past the end throws
     *     {@link NoSuchElementException}
     */
    @Override
    public Iterator<B> iterator() {
        int[] order = order();
        return prefetch == 0 ? new Epoch(order) : new PrefetchingEpoch(order);
    }

    /**
     * One epoch, each batch with its index: {@code enumerate(dataloader)}.
     *
     * @return an iterable whose iterator runs one epoch (one per call), indices counting from 0
     */
    public Iterable<Enumerated<B>> enumerate() {
        return () -> new Iterator<>() {
            private final Iterator<B> batches = iterator();
            private int index;

            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public Enumerated<B> next() {
                return new Enumerated<>(index++, batches.next());
            }
        };
    }

    /** The sample indices of one epoch, in the order they are served. */
    private int[] order() {
        int n = dataset.size();
        int[] order = new int[n];
        if (!shuffle || n == 0) {
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            return order;
        }
        long[] perm;
        if (generator != null) {
            synchronized (generator) {
                perm = NDArray.randperm(generator, n).toLongArray();
            }
        } else {
            // As PyTorch: without a generator, each epoch seeds a fresh one from the default generator.
            Generator global = Generator.defaultGenerator();
            long seed;
            synchronized (global) {
                seed = global.nextLong(Long.MAX_VALUE);
            }
            perm = NDArray.randperm(new Generator(seed), n).toLongArray();
        }
        for (int i = 0; i < n; i++) {
            order[i] = (int) perm[i];
        }
        return order;
    }

    private int[] batchIndices(int[] order, int batch) {
        int from = batch * batchSize;
        int to = Math.min(from + batchSize, order.length);
        int[] indices = new int[to - from];
        System.arraycopy(order, from, indices, 0, indices.length);
        return indices;
    }

    /** Batches fetched on the caller's thread. */
    private class Epoch implements Iterator<B> {
        final int[] order;
        final int batches = size();
        int next;

        Epoch(int[] order) {
            this.order = order;
        }

        @Override
        public boolean hasNext() {
            return next < batches;
        }

        @Override
        public B next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch has ended: " + batches + " batches");
            }
            return fetch.apply(batchIndices(order, next++));
        }
    }

    /**
     * Batches fetched on the worker thread, up to {@code prefetch} ahead. An abandoned epoch leaves
     * at most that many finished batches behind and no blocked thread.
     */
    private final class PrefetchingEpoch extends Epoch {
        private final ArrayDeque<Future<B>> pending = new ArrayDeque<>();
        private int submitted;

        PrefetchingEpoch(int[] order) {
            super(order);
            topUp();
        }

        private void topUp() {
            ExecutorService pool = worker();
            while (submitted < batches && pending.size() < prefetch) {
                int[] indices = batchIndices(order, submitted++);
                pending.add(pool.submit(() -> fetch.apply(indices)));
            }
        }

        @Override
        public B next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the epoch has ended: " + batches + " batches");
            }
            Future<B> head = pending.poll();
            next++;
            topUp();
            try {
                return head.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batch " + (next - 1), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("loading batch " + (next - 1) + " failed: " + cause, cause);
            }
        }
    }

    private ExecutorService worker() {
        ExecutorService pool = worker;
        if (pool == null) {
            synchronized (this) {
                pool = worker;
                if (pool == null) {
                    // One daemon thread that exits when idle, so a forgotten loader holds no thread.
                    ThreadPoolExecutor tpe =
                            new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                                Thread t = new Thread(r, "jgrad-dataloader-" + WORKER_IDS.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
                    tpe.allowCoreThreadTimeOut(true);
                    worker = pool = tpe;
                }
            }
        }
        return pool;
    }

    /**
     * The options of {@code torch.utils.data.DataLoader}.
     *
     * @param <T> the sample type
     * @param <B> the batch type
     */
    public static final class Builder<T, B> {
        private final Dataset<T> dataset;
        private final Function<List<T>, B> collateFn;
        private int batchSize = 1;
        private boolean shuffle;
        private boolean dropLast;
        private Generator generator;
        private int prefetch;

        private Builder(Dataset<T> dataset, Function<List<T>, B> collateFn) {
            this.dataset = dataset;
            this.collateFn = collateFn;
        }

        /**
         * Samples per batch [1], {@code batch_size}.
         *
         * @param batchSize samples per batch; checked by {@link #build()}
         * @return this builder
         */
        public Builder<T, B> batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * A new random order every epoch [false], {@code shuffle}.
         *
         * @param shuffle whether to shuffle
         * @return this builder
         */
        public Builder<T, B> shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Drop the last batch when it is short [false], {@code drop_last}.
         *
         * @param dropLast whether to drop it
         * @return this builder
         */
        public Builder<T, B> dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /**
         * The generator the shuffled orders are drawn from [a fresh one per epoch, seeded from the
         * default generator], {@code generator}. The loader keeps drawing from it, epoch after epoch.
         *
         * @param generator the generator, or null for the default behaviour
         * @return this builder
         */
        public Builder<T, B> generator(Generator generator) {
            this.generator = generator;
            return this;
        }

        /**
         * Shorthand for {@code generator(new Generator(seed))}.
         *
         * @param seed the seed of the loader's own generator
         * @return this builder
         */
        public Builder<T, B> seed(long seed) {
            return generator(new Generator(seed));
        }

        /**
         * Prepare up to {@code batches} batches ahead on a worker thread [0: none, batches are built
         * on the caller's thread]; like {@code num_workers=1, prefetch_factor=batches}, on a thread
         * instead of a process. The batches and their order are the same either way.
         *
         * @param batches how many batches to prepare ahead; checked by {@link #build()}
         * @return this builder
         */
        public Builder<T, B> prefetch(int batches) {
            this.prefetch = batches;
            return this;
        }

        /**
         * A custom collate function, {@code collate_fn}: turns a list of samples into a batch. With
         * it, samples are always fetched one by one, even from a {@link BatchDataset}.
         *
         * @param <C> the batch type the function returns
         * @param collate the function, given the batch's samples in order
         * @return a new builder with this builder's other options and the new batch type
         * @throws NullPointerException if {@code collate} is null
         */
        public <C> Builder<T, C> collateFn(Function<List<T>, C> collate) {
            Builder<T, C> b = new Builder<>(dataset, Objects.requireNonNull(collate, "collate"));
            b.batchSize = batchSize;
            b.shuffle = shuffle;
            b.dropLast = dropLast;
            b.generator = generator;
            b.prefetch = prefetch;
            return b;
        }

        /**
         * The loader with these options.
         *
         * @return a new DataLoader
         * @throws IllegalArgumentException if the batch size is not positive or prefetch is negative
         */
        public DataLoader<B> build() {
            return new DataLoader<>(this);
        }

        @SuppressWarnings("unchecked")
        private Function<int[], B> fetcher() {
            if (collateFn == null) {
                // Default collate: a batch has the sample's type (the builder starts as Builder<T, T>).
                return indices -> (B) Batches.fetch(dataset, indices);
            }
            return indices -> collateFn.apply(Batches.samples(dataset, indices));
        }
    }
}
