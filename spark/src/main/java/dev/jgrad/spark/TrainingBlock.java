package dev.jgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * One partition's training rows, decoded once from the DataFrame into float32 features (row-major,
 * {@code rows x width}) and class indices, and cached: a round reads these arrays, never Rows.
 *
 * @param partition the partition index, which is the replica's rank
 * @param features the features, {@code rows * width} floats
 * @param labels the class index of each row
 * @param width features per row (-1 when the partition is empty)
 * @param maxLabel the largest label (-1 when the partition is empty)
 */
record TrainingBlock(int partition, float[] features, long[] labels, int width, long maxLabel) implements Serializable {
    private static final long serialVersionUID = 1L;

    int rows() {
        return labels.length;
    }

    /**
     * Decodes a partition of (features, label) rows: the features column at index 0 read by
     * {@code features}, the label at index 1 (numbers holding non-negative integral class indices).
     */
    static Iterator<TrainingBlock> decode(int partition, Iterator<Row> rows, Features features) {
        float[] x = new float[0];
        long[] y = new long[0];
        int n = 0;
        int width = -1;
        long maxLabel = -1;
        while (rows.hasNext()) {
            Row row = rows.next();
            if (width < 0) {
                width = features.width(row);
            }
            if (n == y.length) {
                int grown = Math.max(16, n * 2);
                y = Arrays.copyOf(y, grown);
                x = Arrays.copyOf(x, Math.multiplyExact(grown, width));
            }
            features.read(row, width, x, n * width);
            y[n] = label(row);
            maxLabel = Math.max(maxLabel, y[n]);
            n++;
        }
        return List.of(new TrainingBlock(
                        partition, Arrays.copyOf(x, n * Math.max(width, 0)), Arrays.copyOf(y, n), width, maxLabel))
                .iterator();
    }

    private static long label(Row row) {
        if (row.isNullAt(1)) {
            throw new IllegalArgumentException("the label column holds a null");
        }
        double v = ((Number) row.get(1)).doubleValue();
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("label " + v + " is not a class index (an integer >= 0)");
        }
        return (long) v;
    }
}
