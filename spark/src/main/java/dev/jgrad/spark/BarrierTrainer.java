package dev.jgrad.spark;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.F;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import dev.jgrad.tensor.Parallel;
import dev.jgrad.tensor.io.SafeTensors;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * One replica of synchronous data-parallel training: the body of each barrier task.
 *
 * <p>Every replica builds the same initial model (same seed), trains on its own partition with
 * the same number of steps per epoch ({@code ceil(largest partition / batch)}; a smaller partition
 * wraps around its own shuffled rows, as PyTorch's {@code DistributedSampler} pads), and every
 * {@code syncEvery} steps and at the end of each epoch all replicas exchange their parameters and
 * optimizer state through {@code BarrierTaskContext.allGather} and replace them by the mean. With
 * plain SGD and {@code syncEvery = 1} that is exactly the step of one replica on the union of the
 * batches (the mean of the per-replica updates is the update of the mean gradient).
 */
final class BarrierTrainer implements FlatMapFunction<Iterator<Row>, BarrierTrainer.Result>, Serializable {
    private static final long serialVersionUID = 1L;
    /** Test-only switch: "rank:step" makes that replica throw once, on the barrier stage's first attempt. */
    static final String FAIL_PROPERTY = "jgrad.spark.test.failOnce";
    /** Highest barrier-stage attempt number that ran in this JVM (for tests of the retry). */
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
            int[] counts,
            Broadcast<byte[]> initial,
            Broadcast<byte[]> resume)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        String settings() {
            return spec + (initial == null ? "" : " from an initial model") + " optimizer=" + optimizer + " lr=" + lr
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

    /** What replica 0 sends back: the summary and the final averaged model. */
    record Result(TrainingSummary summary, byte[] modelBytes) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Config config;
    private final Features features;
    private final int labelIndex;

    BarrierTrainer(Config config, Features features, int labelIndex) {
        this.config = config;
        this.features = features;
        this.labelIndex = labelIndex;
    }

    /** The order a replica visits its rows in an epoch: a function of (seed, epoch, rank) only, so resuming repeats it. */
    static int[] permutation(long seed, int epoch, int rank, int n) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch * 1_000_003L + rank);
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

    /** The rows of a replica's batch {@code step} (wrapping around its rows, always min(batch, n) of them). */
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

    @Override
    @SuppressWarnings("try") // the thread-count scope is opened for its effect on this thread
    public Iterator<Result> call(Iterator<Row> rows) throws IOException {
        BarrierTaskContext ctx = BarrierTaskContext.get();
        int rank = ctx.partitionId();
        int replicas = ctx.getTaskInfos().length;
        LAST_ATTEMPT.accumulateAndGet(ctx.stageAttemptNumber(), Math::max);
        ExecutorModels.logKernelsOnce();
        ModelSpec spec = config.spec();
        int inputs = spec.inputs();

        List<float[]> xs = new ArrayList<>();
        List<Long> ys = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            float[] x = new float[inputs];
            features.read(row, inputs, x, 0);
            xs.add(x);
            ys.add(label(row, spec.classes()));
        }
        int n = xs.size();
        float[] data = new float[n * inputs];
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(xs.get(i), 0, data, i * inputs, inputs);
            labels[i] = ys.get(i);
        }
        xs.clear();

        Module model = spec.build(new Generator(config.seed()));
        if (config.initial() != null) {
            model.loadStateDict(
                    ModelBytes.decode(config.initial().value(), "initial model").stateDict());
        }
        Optimizer optimizer = optimizer(config.optimizer(), model, config.lr());
        ReplicaState state = new ReplicaState(model, optimizer);
        int startEpoch = 1;
        int startStep = 0;
        long round = 0;
        if (config.resume() != null) {
            SafeTensors.Contents c = SafeTensors.load(config.resume().value(), "checkpoint");
            state.load(c, model);
            startEpoch = Integer.parseInt(c.metadata().get(EPOCH_KEY));
            startStep = Integer.parseInt(c.metadata().get(STEP_KEY));
            round = Long.parseLong(c.metadata().get(ROUND_KEY));
        }
        int fail = failStep(rank, ctx.stageAttemptNumber());
        int steps = config.stepsPerEpoch();
        int syncEvery = config.syncEvery() <= 0 ? steps : config.syncEvery();
        List<TrainingSummary.Epoch> epochs = new ArrayList<>();
        long rounds = 0;
        long payload = 0;
        double roundNanos = 0;
        model.train();
        try (Parallel.Scope threads = Parallel.scopedNumThreads(Math.max(1, ctx.cpus()))) {
            for (int epoch = startEpoch; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                int[] perm = permutation(config.seed(), epoch, rank, n);
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                int batches = 0;
                int first = epoch == startEpoch ? startStep : 0;
                for (int step = first; step < steps; step++) {
                    int[] idx = batchRows(perm, step, config.batchSize());
                    float[] bx = new float[idx.length * inputs];
                    long[] by = new long[idx.length];
                    for (int j = 0; j < idx.length; j++) {
                        System.arraycopy(data, idx[j] * inputs, bx, j * inputs, inputs);
                        by[j] = labels[idx[j]];
                    }
                    Tensor x = Tensor.of(NDArray.wrap(bx, idx.length, inputs));
                    Tensor y = Tensor.of(NDArray.wrap(by, idx.length));
                    Tensor logits = model.call(x);
                    Tensor loss = F.crossEntropy(logits, y);
                    optimizer.zeroGrad();
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item();
                    correct += logits.data().argmax(1).eq(y.data()).sum().itemLong();
                    seen += idx.length;
                    batches++;
                    if (step == fail) {
                        throw new IllegalStateException("injected failure (" + FAIL_PROPERTY + ") in replica " + rank
                                + " at step " + step + ", stage attempt " + ctx.stageAttemptNumber());
                    }
                    boolean last = step == steps - 1;
                    if ((step + 1) % syncEvery != 0 && !last) {
                        continue;
                    }
                    double[] totals = {lossSum, batches, correct, seen};
                    if (replicas > 1) {
                        long t0 = System.nanoTime();
                        String message = encode(rank, totals, state.flatten());
                        payload = message.length();
                        String[] all = ctx.allGather(message);
                        List<float[]> states = new ArrayList<>();
                        double[] sum = new double[totals.length];
                        for (String m : sorted(all)) {
                            String[] parts = m.split(";", 6);
                            for (int k = 0; k < sum.length; k++) {
                                sum[k] += Double.parseDouble(parts[k + 1]);
                            }
                            states.add(ReplicaState.decode(parts[5]));
                        }
                        state.assign(ReplicaState.average(states));
                        totals = sum;
                        roundNanos += System.nanoTime() - t0;
                        rounds++;
                    }
                    round++;
                    boolean epochEnd = last;
                    int nextEpoch = epochEnd ? epoch + 1 : epoch;
                    int nextStep = epochEnd ? 0 : step + 1;
                    if (rank == 0
                            && !config.checkpointDir().isEmpty()
                            && (config.checkpointEvery() <= 0 ? epochEnd : round % config.checkpointEvery() == 0)) {
                        Map<String, String> meta = new LinkedHashMap<>(spec.metadata());
                        meta.put(EPOCH_KEY, Integer.toString(nextEpoch));
                        meta.put(STEP_KEY, Integer.toString(nextStep));
                        meta.put(ROUND_KEY, Long.toString(round));
                        meta.put(SETTINGS_KEY, config.settings());
                        state.save(checkpointFile(config.checkpointDir()), model, meta);
                    }
                    if (epochEnd) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        epochs.add(new TrainingSummary.Epoch(
                                epoch,
                                totals[0] / totals[1],
                                totals[2] / totals[3],
                                seconds,
                                (long) totals[3],
                                config.keepEpochModels() ? ModelBytes.encode(spec, model) : null));
                    }
                }
            }
        }
        if (rank != 0) {
            return List.<Result>of().iterator();
        }
        TrainingSummary summary = new TrainingSummary(
                epochs,
                replicas,
                rounds,
                payload,
                rounds == 0 ? 0 : roundNanos / rounds / 1e6,
                ctx.stageAttemptNumber());
        return List.of(new Result(summary, ModelBytes.encode(spec, model))).iterator();
    }

    static Path checkpointFile(String dir) {
        return Path.of(dir, "checkpoint.safetensors");
    }

    private long label(Row row, int classes) {
        if (row.isNullAt(labelIndex)) {
            throw new IllegalArgumentException("the label column holds a null");
        }
        double v = ((Number) row.get(labelIndex)).doubleValue();
        if (v != Math.rint(v) || v < 0 || v >= classes) {
            throw new IllegalArgumentException("label " + v + " is not a class index in [0, " + classes + ")");
        }
        return (long) v;
    }

    private static List<String> sorted(String[] messages) {
        List<String> list = new ArrayList<>(List.of(messages));
        list.sort((a, b) -> Integer.compare(
                Integer.parseInt(a.substring(0, a.indexOf(';'))), Integer.parseInt(b.substring(0, b.indexOf(';')))));
        return list;
    }

    private static String encode(int rank, double[] totals, float[] flat) {
        StringBuilder sb = new StringBuilder();
        sb.append(rank);
        for (double t : totals) {
            sb.append(';').append(t);
        }
        return sb.append(';').append(ReplicaState.encode(flat)).toString();
    }

    private static int failStep(int rank, int attempt) {
        String spec = System.getProperty(FAIL_PROPERTY);
        if (spec == null || attempt != 0) {
            return -1;
        }
        String[] parts = spec.split(":");
        return Integer.parseInt(parts[0]) == rank ? Integer.parseInt(parts[1]) : -1;
    }
}
