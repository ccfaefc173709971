package dev.jgrad.spark;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.mnist.ClassifierSteps;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Parallel;
import dev.jgrad.tensor.io.AtomicFiles;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Synchronous data-parallel training as one short Spark job per synchronisation round.
 *
 * <p>The driver holds the averaged state (parameters and optimizer state, {@link ReplicaState}) as
 * safetensors bytes. A round broadcasts it; each task, one per partition of the cached
 * {@link TrainingBlock}s, rebuilds its replica from those bytes, runs the round's local steps
 * (at most {@code syncEvery}, never past the epoch's end) on its own partition, and returns its
 * parameters and optimizer state; a {@code treeAggregate} of {@link TreeSum}s adds them up in a fixed
 * binary tree over partition indices, and the driver divides by the number of partitions. A task
 * holds no state between rounds: its rows' order in an epoch is a function of (seed, epoch,
 * partition) only, so a retried task recomputes the same bits, and a resumed fit continues exactly.
 *
 * <p>Every partition runs the same number of steps per epoch ({@code ceil(largest partition /
 * batch)}; a smaller partition wraps around its own shuffled rows, as PyTorch's
 * {@code DistributedSampler} pads). With plain SGD and {@code syncEvery = 1} a round is exactly one
 * step of one replica on the union of the batches (the mean of the per-replica updates is the update
 * of the mean gradient). Optimizer state is averaged with the weights, so after each round every
 * replica starts from the same state and the driver's bytes are the whole training state: they are
 * the checkpoint file, byte for byte.
 *
 * <p>Why not barrier mode: Spark 4.2's {@code BarrierTaskContext.allGather} waits for its reply in a
 * loop of {@code Thread.sleep(1000)}, so each round cost about a second whatever its size; a round
 * here costs a job's scheduling plus the broadcast and the aggregate (milliseconds in local mode).
 */
final class RoundTrainer {
    /** Test-only switch: "partition:round" makes that partition's task throw on its first attempt of that round. */
    static final String FAIL_PROPERTY = "jgrad.spark.test.failOnce";
    /** Highest task attempt number that ran a round in this JVM (for tests of the retry). */
    static final AtomicInteger LAST_ATTEMPT = new AtomicInteger(-1);

    static final String EPOCH_KEY = "jgrad.spark.epoch";
    static final String STEP_KEY = "jgrad.spark.step";
    static final String ROUND_KEY = "jgrad.spark.round";
    static final String SETTINGS_KEY = "jgrad.spark.settings";

    /** What a fit trains with; the settings string must match for a checkpoint to resume. */
    record Config(
            ModelSpec spec,
            String optimizer,
            double lr,
            int batchSize,
            int epochs,
            long seed,
            int syncEvery,
            int checkpointEvery,
            String checkpointDir,
            boolean keepEpochModels,
            int[] counts)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        String settings(boolean fromInitialModel) {
            return spec + (fromInitialModel ? " from an initial model" : "") + " optimizer=" + optimizer + " lr=" + lr
                    + " batchSize=" + batchSize + " seed=" + seed + " syncEvery=" + syncEvery + " partitions="
                    + counts.length;
        }

        int stepsPerEpoch() {
            int max = 0;
            for (int c : counts) {
                max = Math.max(max, c);
            }
            return (max + batchSize - 1) / batchSize;
        }
    }

    /** One round's work: steps {@code [from, to)} of {@code epoch}; {@code round} counts from 1 over the whole fit. */
    record Round(int epoch, int from, int to, long round) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The round's aggregate: the tree sum of states and training totals, plus what the round cost. */
    static final class Partial implements Serializable {
        private static final long serialVersionUID = 1L;
        final TreeSum sum;
        ReplicaState.Layout layout;
        long slowestTaskNanos;
        int retries;

        Partial(int partitions) {
            this.sum = new TreeSum(partitions);
        }

        Partial merge(Partial other) {
            sum.merge(other.sum);
            if (layout == null) {
                layout = other.layout;
            }
            slowestTaskNanos = Math.max(slowestTaskNanos, other.slowestTaskNanos);
            retries += other.retries;
            return this;
        }
    }

    /** What a fit returns: the summary and the final averaged model (a model file's bytes). */
    record Result(TrainingSummary summary, byte[] modelBytes) {}

    private RoundTrainer() {}

    /** The order a partition visits its rows in an epoch: a function of (seed, epoch, partition) only. */
    static int[] permutation(long seed, int epoch, int partition, int n) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch * 1_000_003L + partition);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    /** The rows of a partition's batch {@code step} (wrapping around its rows, always min(batch, n) of them). */
    static int[] batchRows(int[] perm, int step, int batchSize) {
        int n = perm.length;
        int size = Math.min(batchSize, n);
        int[] rows = new int[size];
        for (int j = 0; j < size; j++) {
            rows[j] = perm[(int) (((long) step * batchSize + j) % n)];
        }
        return rows;
    }

    static Optimizer optimizer(String name, Module model, double lr) {
        return "adam".equals(name) ? new Adam(model.parameters(), lr) : new SGD(model.parameters(), lr);
    }

    static Path checkpointFile(String dir) {
        return Path.of(dir, "checkpoint.safetensors");
    }

    /**
     * Trains on the cached blocks, one job per round, from {@code initial}'s weights (or null for the
     * seed's initialisation) or from {@code resume} (a checkpoint's bytes, or null).
     * {@code onEpoch} hears each epoch as it ends.
     */
    static Result fit(
            JavaRDD<TrainingBlock> blocks,
            Config config,
            Module initial,
            byte[] resume,
            Consumer<TrainingSummary.Epoch> onEpoch) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        ModelSpec spec = config.spec();
        int partitions = config.counts().length;
        String settings = config.settings(initial != null);
        byte[] state;
        int epoch = 1;
        int step = 0;
        long round = 0;
        if (resume != null) {
            Map<String, String> meta = contents(resume, "checkpoint").metadata();
            state = resume;
            epoch = Integer.parseInt(meta.get(EPOCH_KEY));
            step = Integer.parseInt(meta.get(STEP_KEY));
            round = Long.parseLong(meta.get(ROUND_KEY));
        } else {
            Module model = spec.build(new Generator(config.seed()));
            if (initial != null) {
                model.loadStateDict(initial.stateDict());
            }
            state = new ReplicaState(model, optimizer(config.optimizer(), model, config.lr()))
                    .toBytes(metadata(spec, settings, epoch, step, round));
        }
        int steps = config.stepsPerEpoch();
        int syncEvery = config.syncEvery() <= 0 ? steps : config.syncEvery();
        List<TrainingSummary.Epoch> epochs = new ArrayList<>();
        long rounds = 0;
        long payload = 0;
        double roundNanos = 0;
        double overheadNanos = 0;
        int retries = 0;
        double[] totals = new double[4];
        double epochNanos = 0;
        for (; epoch <= config.epochs(); epoch++, step = 0) {
            for (; step < steps; ) {
                int to = Math.min(steps, (step / syncEvery + 1) * syncEvery);
                round++;
                Round work = new Round(epoch, step, to, round);
                long t0 = System.nanoTime();
                Broadcast<byte[]> current = jsc.broadcast(state);
                Partial partial = blocks.treeAggregate(
                        new Partial(partitions),
                        (acc, block) -> train(acc, block, config, work, current),
                        Partial::merge,
                        2);
                current.destroy();
                double[] sum = partial.sum.total();
                int floats = partial.layout.floats();
                float[] mean = new float[floats];
                for (int i = 0; i < floats; i++) {
                    mean[i] = (float) (sum[i] / partitions);
                }
                for (int k = 0; k < totals.length; k++) {
                    totals[k] += sum[floats + k];
                }
                boolean epochEnd = to == steps;
                int nextEpoch = epochEnd ? epoch + 1 : epoch;
                int nextStep = epochEnd ? 0 : to;
                state = partial.layout.toBytes(mean, metadata(spec, settings, nextEpoch, nextStep, round));
                long elapsed = System.nanoTime() - t0;
                roundNanos += elapsed;
                overheadNanos += Math.max(0, elapsed - partial.slowestTaskNanos);
                epochNanos += elapsed;
                rounds++;
                retries += partial.retries;
                payload = 4L * floats + 8L * totals.length;
                if (!config.checkpointDir().isEmpty()
                        && (config.checkpointEvery() <= 0 ? epochEnd : round % config.checkpointEvery() == 0)) {
                    writeCheckpoint(config.checkpointDir(), state);
                }
                step = to;
                if (epochEnd) {
                    TrainingSummary.Epoch e = new TrainingSummary.Epoch(
                            epoch,
                            totals[0] / totals[1],
                            totals[2] / totals[3],
                            epochNanos / 1e9,
                            (long) totals[3],
                            config.keepEpochModels() ? modelBytes(state, spec) : null);
                    epochs.add(e);
                    if (onEpoch != null) {
                        onEpoch.accept(e);
                    }
                    totals = new double[4];
                    epochNanos = 0;
                }
            }
        }
        TrainingSummary summary = new TrainingSummary(
                epochs,
                partitions,
                rounds,
                payload,
                rounds == 0 ? 0 : roundNanos / rounds / 1e6,
                rounds == 0 ? 0 : overheadNanos / rounds / 1e6,
                retries);
        return new Result(summary, modelBytes(state, spec));
    }

    private static Map<String, String> metadata(ModelSpec spec, String settings, int epoch, int step, long round) {
        Map<String, String> meta = new LinkedHashMap<>(spec.metadata());
        meta.put(EPOCH_KEY, Integer.toString(epoch));
        meta.put(STEP_KEY, Integer.toString(step));
        meta.put(ROUND_KEY, Long.toString(round));
        meta.put(SETTINGS_KEY, settings);
        return meta;
    }

    private static byte[] modelBytes(byte[] state, ModelSpec spec) {
        return ReplicaState.modelBytes(contents(state, "replica state"), spec);
    }

    /** Parses state bytes this trainer wrote (or a checkpoint the classifier has already read once). */
    private static SafeTensors.Contents contents(byte[] bytes, String name) {
        try {
            return SafeTensors.load(bytes, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCheckpoint(String dir, byte[] state) {
        try {
            AtomicFiles.write(checkpointFile(dir), out -> out.write(state));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a checkpoint to " + checkpointFile(dir), e);
        }
    }

    /** A task's part of a round: its partition's steps, then its state and totals as a leaf of the tree sum. */
    @SuppressWarnings("try") // the thread-count scope is opened for its effect on this thread
    private static Partial train(
            Partial acc, TrainingBlock block, Config config, Round work, Broadcast<byte[]> current) {
        TaskContext ctx = TaskContext.get();
        int attempt = ctx == null ? 0 : ctx.attemptNumber();
        LAST_ATTEMPT.accumulateAndGet(attempt, Math::max);
        ExecutorModels.logKernelsOnce();
        long t0 = System.nanoTime();
        ModelSpec spec = config.spec();
        int inputs = spec.inputs();
        Module model = spec.build(new Generator(config.seed()));
        Optimizer optimizer = optimizer(config.optimizer(), model, config.lr());
        ReplicaState state = new ReplicaState(model, optimizer);
        state.load(contents(current.value(), "the broadcast replica state"));
        int[] perm = permutation(config.seed(), work.epoch(), block.partition(), block.rows());
        ClassifierSteps steps = new ClassifierSteps(model, optimizer);
        model.train();
        try (Parallel.Scope threads = Parallel.scopedNumThreads(Math.max(1, ctx == null ? 1 : ctx.cpus()))) {
            for (int step = work.from(); step < work.to(); step++) {
                int[] idx = batchRows(perm, step, config.batchSize());
                float[] bx = new float[idx.length * inputs];
                long[] by = new long[idx.length];
                for (int j = 0; j < idx.length; j++) {
                    System.arraycopy(block.features(), idx[j] * inputs, bx, j * inputs, inputs);
                    by[j] = block.labels()[idx[j]];
                }
                steps.step(Tensor.of(NDArray.wrap(bx, idx.length, inputs)), Tensor.of(NDArray.wrap(by, idx.length)));
            }
        }
        if (attempt == 0 && failsHere(block.partition(), work.round())) {
            throw new IllegalStateException("injected failure (" + FAIL_PROPERTY + ") in partition " + block.partition()
                    + " at round " + work.round() + ", task attempt " + attempt);
        }
        ClassifierSteps.Totals totals = steps.totals();
        float[] flat = state.flatten();
        double[] leaf = new double[flat.length + 4];
        for (int i = 0; i < flat.length; i++) {
            leaf[i] = flat[i];
        }
        leaf[flat.length] = totals.lossSum();
        leaf[flat.length + 1] = work.to() - work.from();
        leaf[flat.length + 2] = totals.correct();
        leaf[flat.length + 3] = totals.seen();
        acc.sum.add(block.partition(), leaf);
        if (acc.layout == null) {
            acc.layout = state.layout();
        }
        acc.slowestTaskNanos = Math.max(acc.slowestTaskNanos, System.nanoTime() - t0);
        acc.retries += attempt > 0 ? 1 : 0;
        return acc;
    }

    private static boolean failsHere(int partition, long round) {
        String spec = System.getProperty(FAIL_PROPERTY);
        if (spec == null) {
            return false;
        }
        String[] parts = spec.split(":");
        return Integer.parseInt(parts[0]) == partition && Long.parseLong(parts[1]) == round;
    }
}
