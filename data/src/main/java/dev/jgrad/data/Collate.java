package dev.jgrad.data;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.tensor.NDArray;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code default_collate}: turns a list of samples into one batch with a new leading
 * dimension. Tensors and NDArrays are stacked; numbers become a 1-D tensor (integers int64,
 * floating point float64, booleans bool, as PyTorch does); lists, arrays, maps and records are
 * collated element by element, keeping their structure; strings stay a list.
 * {@link #defaultCollate} is the typed form a {@link DataLoader} uses by default, for samples
 * whose batch has their own type; {@link #collate} is the untyped one.
 *
 * <p>Records are read and rebuilt by reflection ({@code setAccessible}), so on the module path the
 * package of a record type must be open to this module: {@code opens com.example.app to dev.jgrad.data;}
 * in the application's {@code module-info.java} ({@code exports} is enough only for a public record in
 * an exported package). Without it, collating fails with an {@link IllegalArgumentException} that names
 * the package and the line to add. On the class path nothing is needed.
 */
public final class Collate {

    private Collate() {}

    /**
     * Collates {@code samples} into a batch of the same type: tensors into a tensor, lists into a
     * list, maps into a map, records into a record whose components hold the batches. Samples
     * that a batch can't be typed as (numbers, strings, NDArrays) need {@link #collate(List)}.
     *
     * @param <T> the type of a sample, and of the batch
     * @param samples the batch's samples, at least one, all of one type
     * @return the batch, with a new leading dim of {@code samples.size()} on every tensor
     * @throws IllegalArgumentException if there are no samples, they differ in type or shape, a type
     *     can't be collated, or the batch would not be a {@code T}
     */
    @SuppressWarnings("unchecked")
    public static <T> T defaultCollate(List<T> samples) {
        Object batch = collate(samples);
        Object first = samples.get(0);
        boolean sameKind = first instanceof Tensor
                ? batch instanceof Tensor
                : first instanceof List
                        ? batch instanceof List
                        : first instanceof Map
                                ? batch instanceof Map
                                : first.getClass().isInstance(batch);
        if (!sameKind) {
            throw new IllegalArgumentException(
                    "default_collate turns " + first.getClass().getSimpleName() + " samples into a "
                            + batch.getClass().getSimpleName() + " batch, which isn't a "
                            + first.getClass().getSimpleName()
                            + "; use Collate.collate, e.g. DataLoader.builder(dataset).collateFn(Collate::collate)");
        }
        return (T) batch;
    }

    /**
     * PyTorch's {@code default_collate} in full, with the batch's type left open: numbers become a
     * 1-D tensor (integers int64, floating point float64, booleans bool), NDArrays are stacked into
     * a Tensor, strings stay a list, containers are collated element by element.
     *
     * @param samples the batch's samples, at least one, all of one type: Tensor, NDArray, Number,
     *     Boolean, CharSequence, Map, List, an array of objects, or a record of these
     * @return the batch: a Tensor, a List, a Map, an array or a record, as the samples are
     * @throws IllegalArgumentException if there are no samples, they differ in type, their tensors
     *     differ in shape, their containers in size or keys, a type can't be collated, or a record
     *     component can't hold its collated batch
     */
    public static Object collate(List<?> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("default_collate: batch must contain at least one sample");
        }
        return collateColumn(samples);
    }

    private static Object collateColumn(List<?> batch) {
        Object first = batch.get(0);
        if (first == null) {
            throw new IllegalArgumentException(
                    "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found null");
        }
        requireSameClass(batch, first.getClass());
        if (first instanceof Tensor) {
            List<NDArray> arrays = new ArrayList<>(batch.size());
            for (Object o : batch) {
                arrays.add(((Tensor) o).data());
            }
            return Tensor.of(stack(arrays));
        }
        if (first instanceof NDArray) {
            List<NDArray> arrays = new ArrayList<>(batch.size());
            for (Object o : batch) {
                arrays.add((NDArray) o);
            }
            return Tensor.of(stack(arrays));
        }
        if (first instanceof Number || first instanceof Boolean) {
            return Tensor.of(numbers(batch, first));
        }
        if (first instanceof CharSequence) {
            return List.copyOf(batch.stream().map(Object::toString).toList());
        }
        if (first instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object key : map.keySet()) {
                List<Object> column = new ArrayList<>(batch.size());
                for (Object o : batch) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    if (!m.containsKey(key)) {
                        throw new IllegalArgumentException(
                                "default_collate: key '" + key + "' is missing from a sample of the batch");
                    }
                    column.add(m.get(key));
                }
                out.put(key, collateColumn(column));
            }
            return out;
        }
        if (first instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(collateColumn(column(batch, list.size(), i)));
            }
            return out;
        }
        if (first.getClass().isArray() && !first.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(first);
            Object out = Array.newInstance(first.getClass().getComponentType(), n);
            for (int i = 0; i < n; i++) {
                Object value = collateColumn(column(batch, n, i));
                if (!first.getClass().getComponentType().isInstance(value)) {
                    throw new IllegalArgumentException("default_collate: an array of "
                            + first.getClass().getComponentType().getSimpleName() + " can't hold the collated "
                            + value.getClass().getSimpleName()
                            + "; use Tensor or Object elements, or a custom collateFn");
                }
                Array.set(out, i, value);
            }
            return out;
        }
        if (first instanceof Record) {
            return collateRecord(batch, first.getClass());
        }
        throw new IllegalArgumentException(
                "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found "
                        + first.getClass().getName());
    }

    /** Stacks along a new dim 0, with PyTorch's message when two shapes differ. */
    static NDArray stack(List<NDArray> arrays) {
        int[] shape0 = arrays.get(0).shape().toArray();
        for (int i = 1; i < arrays.size(); i++) {
            int[] shape = arrays.get(i).shape().toArray();
            if (!Arrays.equals(shape0, shape)) {
                throw new IllegalArgumentException("stack expects each tensor to be equal size, but got "
                        + Arrays.toString(shape0) + " at entry 0 and " + Arrays.toString(shape) + " at entry " + i);
            }
        }
        return NDArray.stack(arrays, 0);
    }

    private static NDArray numbers(List<?> batch, Object first) {
        int n = batch.size();
        if (first instanceof Boolean) {
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i++) {
                values[i] = (Boolean) batch.get(i);
            }
            return NDArray.wrap(values, n);
        }
        if (first instanceof Double || first instanceof Float) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = ((Number) batch.get(i)).doubleValue();
            }
            return NDArray.wrap(values, n);
        }
        if (first instanceof Long || first instanceof Integer || first instanceof Short || first instanceof Byte) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = ((Number) batch.get(i)).longValue();
            }
            return NDArray.wrap(values, n);
        }
        throw new IllegalArgumentException(
                "default_collate: unsupported number type " + first.getClass().getName());
    }

    private static Object collateRecord(List<?> batch, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            types[c] = component.getType();
            List<Object> column = new ArrayList<>(batch.size());
            for (Object o : batch) {
                column.add(read(component, o));
            }
            Object value = collateColumn(column);
            if (types[c].isPrimitive() || !types[c].isInstance(value)) {
                throw new IllegalArgumentException(
                        "default_collate: record " + type.getSimpleName() + " component '" + component.getName()
                                + "' of type " + types[c].getSimpleName() + " can't hold the collated "
                                + value.getClass().getSimpleName()
                                + "; declare it as Tensor, or pass a collateFn to the DataLoader");
            }
            values[c] = value;
        }
        return newRecord(type, types, values, "default_collate");
    }

    /** A record built by its canonical constructor; {@code who} names the caller in the error. */
    static <R> R newRecord(Class<R> type, Class<?>[] types, Object[] values, String who) {
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            requireAccess(constructor, null, type);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(who + ": can't build record " + type.getName() + ": " + e, e);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            var accessor = component.getAccessor();
            requireAccess(accessor, record, record.getClass());
            return accessor.invoke(record);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "default_collate: can't read component '" + component.getName() + "' of "
                            + record.getClass().getName() + ": " + e,
                    e);
        }
    }

    /**
     * Makes a record's accessor or constructor callable from here. A record in another named module
     * can be reached only when its package is open to this module, or when it is public and exported.
     */
    private static void requireAccess(AccessibleObject member, Object target, Class<?> recordType) {
        if (member.trySetAccessible() || member.canAccess(target)) {
            return;
        }
        String pkg = recordType.getPackageName();
        String module = recordType.getModule().getName();
        String self = "dev.jgrad.data";
        throw new IllegalArgumentException("default_collate: can't read record " + recordType.getName() + ": module "
                + module + " does not open package " + pkg + " to " + self + "; add 'opens " + pkg + " to " + self
                + ";' to its module-info.java (exports is not enough)");
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    private static List<Object> column(List<?> batch, int expected, int i) {
        List<Object> column = new ArrayList<>(batch.size());
        for (Object o : batch) {
            int length = o instanceof List<?> l ? l.size() : Array.getLength(o);
            if (length != expected) {
                throw new IllegalArgumentException("each element in list of batch should be of equal size, but got "
                        + expected + " and " + length);
            }
            column.add(o instanceof List<?> l ? l.get(i) : Array.get(o, i));
        }
        return column;
    }

    private static void requireSameClass(List<?> batch, Class<?> type) {
        for (int i = 1; i < batch.size(); i++) {
            Object o = batch.get(i);
            boolean same = o != null
                    && (o.getClass() == type
                            || (o instanceof Tensor && Tensor.class.isAssignableFrom(type))
                            || (o instanceof List && List.class.isAssignableFrom(type))
                            || (o instanceof Map && Map.class.isAssignableFrom(type)));
            if (!same) {
                throw new IllegalArgumentException(
                        "default_collate: every sample of a batch must have the same type, but got " + type.getName()
                                + " at entry 0 and "
                                + (o == null ? "null" : o.getClass().getName()) + " at entry " + i);
            }
        }
    }
}
