package dev.jgrad.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a features column into float32 rows: a column of Spark ML vectors ({@code VectorUDT},
 * dense or sparse) or of {@code array<float>} / {@code array<double>}. Doubles are rounded to
 * float32, which is what the model computes in, so float pixels stored as doubles come back exact.
 */
record Features(Kind kind, int index, String column) implements Serializable {
    /** How the column stores a row's features. */
    enum Kind {
        VECTOR,
        FLOATS,
        DOUBLES
    }

    /** The reader for {@code column} of {@code schema}; fails naming the column and its type when unsupported. */
    static Features of(StructType schema, String column) {
        int index = fieldIndex(schema, column);
        DataType type = schema.fields()[index].dataType();
        Kind kind;
        if (type.equals(SQLDataTypes.VectorType())) {
            kind = Kind.VECTOR;
        } else if (type instanceof ArrayType a && a.elementType().equals(DataTypes.FloatType)) {
            kind = Kind.FLOATS;
        } else if (type instanceof ArrayType a && a.elementType().equals(DataTypes.DoubleType)) {
            kind = Kind.DOUBLES;
        } else {
            throw new IllegalArgumentException("features column '" + column + "' has type " + type.simpleString()
                    + "; expected a Spark ML vector, array<float> or array<double>");
        }
        return new Features(kind, index, column);
    }

    static int fieldIndex(StructType schema, String column) {
        for (int i = 0; i < schema.fields().length; i++) {
            StructField f = schema.fields()[i];
            if (f.name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column '" + column + "' in " + schema.simpleString());
    }

    /** Copies the row's features to {@code out[at, at + width)}; fails naming the length when it is not {@code width}. */
    void read(Row row, int width, float[] out, int at) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("features column '" + column + "' holds a null");
        }
        switch (kind) {
            case VECTOR -> {
                Vector v = (Vector) row.get(index);
                checkWidth(v.size(), width);
                double[] values = v.toArray();
                for (int j = 0; j < width; j++) {
                    out[at + j] = (float) values[j];
                }
            }
            case FLOATS, DOUBLES -> {
                List<Object> values = row.getList(index);
                checkWidth(values.size(), width);
                for (int j = 0; j < width; j++) {
                    Object x = values.get(j);
                    if (x == null) {
                        throw new IllegalArgumentException(
                                "features column '" + column + "' holds an array with a null");
                    }
                    out[at + j] = kind == Kind.FLOATS ? (Float) x : (float) (double) (Double) x;
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** The number of features in this row. */
    int width(Row row) {
        if (row.isNullAt(index)) {
            throw new IllegalArgumentException("features column '" + column + "' holds a null");
        }
        return kind == Kind.VECTOR
                ? ((Vector) row.get(index)).size()
                : row.getList(index).size();
    }

    private void checkWidth(int got, int width) {
        if (got != width) {
            throw new IllegalArgumentException(
                    "features column '" + column + "' has a row of " + got + " features; the model takes " + width);
        }
    }
}
