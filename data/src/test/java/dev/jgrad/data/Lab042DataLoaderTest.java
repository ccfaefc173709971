package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lab-04-2 of the tutorial: a custom Dataset of 5 samples and a DataLoader with batch_size=2, shuffle=True. */
class Lab042DataLoaderTest {

    /** The tutorial's CustomDataset: __len__ and __getitem__ returning (x, y) as FloatTensors. */
    static final class CustomDataset implements Dataset<List<Tensor>> {
        final float[][] xData = {{73, 80, 75}, {93, 88, 93}, {89, 91, 90}, {96, 98, 100}, {73, 66, 70}};
        final float[][] yData = {{152}, {185}, {180}, {196}, {142}};

        @Override
        public int size() {
            return xData.length;
        }

        @Override
        public List<Tensor> get(int idx) {
            Tensor x = Tensor.of(NDArray.tensor(xData[idx]));
            Tensor y = Tensor.of(NDArray.tensor(yData[idx]));
            return List.of(x, y);
        }
    }

    @Test
    void threeBatchesPerEpochWithTheTutorialsShapes() {
        CustomDataset dataset = new CustomDataset();
        DataLoader<List<Tensor>> dataloader = new DataLoader<>(dataset, 2, true);
        assertEquals(3, dataloader.size());

        int nbEpochs = 20;
        for (int epoch = 0; epoch <= nbEpochs; epoch++) {
            List<Integer> batchIdx = new ArrayList<>();
            Set<Float> firstFeatureAndTarget = new HashSet<>();
            int rows = 0;
            for (Enumerated<List<Tensor>> e : dataloader.enumerate()) {
                List<Tensor> samples = e.value();
                Tensor xTrain = samples.get(0);
                Tensor yTrain = samples.get(1);
                int expectedRows = e.index() < 2 ? 2 : 1;
                assertArrayEquals(
                        new int[] {expectedRows, 3}, xTrain.data().shape().toArray());
                assertArrayEquals(
                        new int[] {expectedRows, 1}, yTrain.data().shape().toArray());
                // Each x row still sits next to its own y: y - x0 identifies the sample.
                float[] x = xTrain.data().toFloatArray();
                float[] y = yTrain.data().toFloatArray();
                for (int r = 0; r < expectedRows; r++) {
                    firstFeatureAndTarget.add(y[r] - x[3 * r]);
                }
                rows += expectedRows;
                batchIdx.add(e.index());
            }
            assertEquals(List.of(0, 1, 2), batchIdx);
            assertEquals(5, rows);
            assertEquals(
                    Set.of(79f, 92f, 91f, 100f, 69f), firstFeatureAndTarget, "every sample once, x with its own y");
        }
    }

    /** The same lab with a record sample: the default collate rebuilds the record around stacked tensors. */
    record Sample(Tensor x, Tensor y) {}

    @Test
    void recordSamplesCollateIntoARecordOfBatches() {
        CustomDataset tuples = new CustomDataset();
        Dataset<Sample> dataset = new Dataset<>() {
            @Override
            public int size() {
                return tuples.size();
            }

            @Override
            public Sample get(int index) {
                List<Tensor> s = tuples.get(index);
                return new Sample(s.get(0), s.get(1));
            }
        };
        DataLoader<Sample> loader = DataLoader.builder(dataset).batchSize(2).build();
        List<Sample> batches = new ArrayList<>();
        loader.forEach(batches::add);
        assertEquals(3, batches.size());
        assertArrayEquals(
                new float[] {73, 80, 75, 93, 88, 93}, batches.get(0).x().data().toFloatArray());
        assertArrayEquals(new float[] {152, 185}, batches.get(0).y().data().toFloatArray());
        assertArrayEquals(new int[] {1, 3}, batches.get(2).x().data().shape().toArray());
    }
}
