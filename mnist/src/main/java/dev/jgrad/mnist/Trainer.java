package dev.jgrad.mnist;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.data.DataLoader;
import dev.jgrad.data.TensorDataset;
import dev.jgrad.data.ToTensor;
import dev.jgrad.nn.Module;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;
import java.util.List;

/**
 * The training loop of {@code ./jgrad train}, the same as the PyTorch reference's: take a
 * shuffled batch, forward, cross-entropy, backward, optimizer step. Pixels stay uint8 in memory
 * and become float in [0, 1] one batch at a time.
 */
final class Trainer {

    /** Test images evaluated per forward pass: big enough for fast matmuls, small enough for -Xmx512m. */
    private static final int EVAL_BATCH = 1000;

    private final Module model;
    private final Optimizer optimizer;
    private final DataLoader<List<Tensor>> loader;
    private final int inputs;

    Trainer(Module model, Optimizer optimizer, MnistSplit train, int batchSize, Generator generator, int prefetch) {
        this.model = model;
        this.optimizer = optimizer;
        this.inputs = train.rows() * train.cols();
        TensorDataset dataset =
                new TensorDataset(Tensor.of(train.images()), Tensor.of(train.labels())).transform(0, new ToTensor());
        this.loader = DataLoader.builder(dataset)
                .batchSize(batchSize)
                .shuffle(true)
                .generator(generator)
                .prefetch(prefetch)
                .build();
    }

    /** Batches per epoch. */
    int batches() {
        return loader.size();
    }

    /** Running totals of one epoch. */
    record Pass(double meanLoss, double accuracy, double seconds) {}

    /** One pass over the training set; {@code progress} may be null. */
    Pass trainEpoch(ProgressBar progress) {
        model.train();
        long start = System.nanoTime();
        ClassifierSteps steps = new ClassifierSteps(model, optimizer);
        for (List<Tensor> batch : loader) {
            steps.step(batch.get(0).view(-1, inputs), batch.get(1));
            if (progress != null) {
                ClassifierSteps.Totals t = steps.totals();
                progress.update(t.steps(), (int) t.seen(), t.meanLoss());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassifierSteps.Totals t = steps.totals();
        return new Pass(t.meanLoss(), t.accuracy(), seconds);
    }

    /** Accuracy of {@code model} on {@code split}, in batches, without recording a graph. */
    // try: the grad-mode scope is held only for its close(), as Python's "with torch.no_grad():".
    @SuppressWarnings("try")
    static double evaluate(Module model, MnistSplit split) {
        model.eval();
        int n = split.size();
        int inputs = split.rows() * split.cols();
        long correct = 0;
        ToTensor toTensor = new ToTensor();
        try (var scope = Tensor.noGrad()) {
            for (int start = 0; start < n; start += EVAL_BATCH) {
                int length = Math.min(EVAL_BATCH, n - start);
                Tensor x = toTensor.applyBatch(Tensor.of(split.images().narrow(0, start, length)))
                        .view(-1, inputs);
                NDArray y = split.labels().narrow(0, start, length);
                correct += ClassifierSteps.correct(model.call(x).data(), y);
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }
}
