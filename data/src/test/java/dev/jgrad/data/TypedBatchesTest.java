package dev.jgrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code for xb, yb in loader} as typed batches, next to the {@code List<Tensor>} batches they equal. */
class TypedBatchesTest {
    private static final Tensor X = Tensor.arange(0, 20).toFloat().view(10, 2);
    private static final Tensor Y = Tensor.arange(100, 110);

    record Triple(Tensor features, Tensor label, Tensor weight) {}

    record Mixed(Tensor features, String label) {}

    @Test
    void batchesHaveXAndYAndEqualTheListBatches() {
        TensorDataset dataset = new TensorDataset(X, Y);
        List<List<Tensor>> lists = new ArrayList<>();
        for (List<Tensor> b :
                DataLoader.builder(dataset).batchSize(4).shuffle(true).seed(3).build()) {
            lists.add(b);
        }
        int i = 0;
        for (var batch : DataLoader.builder(dataset.xy())
                .batchSize(4)
                .shuffle(true)
                .seed(3)
                .build()) {
            assertTrue(batch.x().equal(lists.get(i).get(0)));
            assertTrue(batch.y().equal(lists.get(i).get(1)));
            i++;
        }
        assertEquals(3, i);
        Batch sample = dataset.xy().get(7);
        assertTrue(sample.x().equal(X.get(7)));
        assertEquals(107, sample.y().itemLong());
    }

    @Test
    void theDefaultConstructorTakesTheTypedView() {
        DataLoader<Batch> loader = new DataLoader<>(new TensorDataset(X, Y).xy(), 3);
        int rows = 0;
        for (var batch : loader) {
            assertEquals(batch.x().size(0), batch.y().size(0));
            rows += batch.x().size(0);
        }
        assertEquals(10, rows);
    }

    @Test
    void theUsersOwnRecord() {
        Tensor w = Tensor.ones(10);
        TensorDataset dataset = new TensorDataset(X, Y, w);
        for (Triple t : new DataLoader<>(dataset.as(Triple.class), 5)) {
            assertEquals(
                    List.of(5, 2), List.of(t.features().size(0), t.features().size(1)));
            assertEquals(5, t.label().size(0));
            assertEquals(5.0, t.weight().sum().item());
        }
        // sample by sample (the default collate of records) gives the same batch as the one-gather path
        BatchDataset<Triple> typed = dataset.as(Triple.class);
        Triple collated = Collate.defaultCollate(List.of(typed.get(2), typed.get(5)));
        Triple gathered = typed.getBatch(new int[] {2, 5});
        assertTrue(collated.features().equal(gathered.features()));
        assertTrue(collated.label().equal(gathered.label()));
    }

    @Test
    void mismatchesAreNamed() {
        TensorDataset three = new TensorDataset(X, Y, Y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, three::xy);
        assertTrue(e.getMessage().startsWith("xy() needs a TensorDataset of two tensors"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(X, Y).as(Triple.class));
        assertEquals("record Triple has 3 components, but the dataset has 2 tensors", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(X, Y).as(Mixed.class));
        assertEquals("record Mixed component 'label' is a String; every component must be a Tensor", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Batch.of(List.of(X)));
    }
}
