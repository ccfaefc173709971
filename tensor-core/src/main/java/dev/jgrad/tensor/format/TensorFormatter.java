package dev.jgrad.tensor.format;

import dev.jgrad.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PyTorch's {@code repr(tensor)} (torch/_tensor_str.py, default print options), without the
 * {@code torch.} prefixes: {@code tensor([[1., 2.],\n        [3., 4.]])},
 * {@code tensor([1, 0], dtype=uint8)}, {@code tensor(1.5000, requires_grad=True)}.
 *
 * <p>Layout: rows wrap at 80 columns, nested dimensions are indented one column per level after
 * {@code tensor(}, and dimensions of rank r are separated by r-1 blank lines. Tensors of more than
 * 1000 elements show the first and last 3 entries of every dimension longer than 6, with
 * {@code ...} between them; the element format is chosen from the shown entries only.
 */
public final class TensorFormatter {
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;
    private static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    /**
     * Read access to a tensor's elements by flat row-major (logical) index. {@code getLong} is
     * used for integer and bool tensors and must return the value PyTorch shows (uint8 as
     * 0..255, bool as 0 or 1); {@code getDouble} is used for floating-point tensors.
     */
    public interface Elements {
        double getDouble(int flatIndex);

        long getLong(int flatIndex);
    }

    private final int[] shape;
    private final int[] rowMajorStrides;
    private final boolean summarize;
    private ElementFormatter formatter;

    private TensorFormatter(int[] shape) {
        this.shape = shape;
        this.rowMajorStrides = new int[shape.length];
        long numel = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            rowMajorStrides[d] = (int) Math.min(numel, Integer.MAX_VALUE);
            numel *= shape[d];
        }
        this.summarize = numel > THRESHOLD;
    }

    /**
     * The text PyTorch prints for a tensor of this shape, dtype and contents, followed by the
     * given {@code key=value} suffixes (e.g. {@code requires_grad=True},
     * {@code grad_fn=<MeanBackward0>}), after the {@code dtype=}/{@code size=} ones this method adds.
     */
    public static String format(int[] shape, DType dtype, Elements elems, List<String> suffixes) {
        long numel = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension " + s + " in shape " + shapeTuple(shape));
            }
            numel *= s;
        }
        List<String> all = new ArrayList<>();
        String body;
        if (numel == 0) {
            // Nothing to infer the dtype or a >1-D shape from, so both are spelled out.
            if (shape.length != 1) {
                all.add("size=" + shapeTuple(shape));
            }
            if (dtype != DType.FLOAT32) {
                all.add("dtype=" + dtype.pyName());
            }
            body = "[]";
        } else {
            if (dtype != DType.FLOAT32 && dtype != DType.INT64 && dtype != DType.BOOL) {
                all.add("dtype=" + dtype.pyName());
            }
            body = new TensorFormatter(shape.clone()).body(dtype, elems);
        }
        all.addAll(suffixes);
        return addSuffixes(PREFIX + body, all, PREFIX.length());
    }

    private String body(DType dtype, Elements elems) {
        List<Integer> shown = new ArrayList<>();
        collectShown(0, 0, shown);
        int[] idx = new int[shown.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = shown.get(k);
        }
        formatter = new ElementFormatter(dtype, elems, idx);
        return tensorStr(0, 0, PREFIX.length());
    }

    /** Whether dimension {@code depth} is cut to its edge items. */
    private boolean cut(int depth) {
        return summarize && shape[depth] > 2 * EDGE_ITEMS;
    }

    /** The indices shown along dimension {@code depth}, in order; -1 marks the ellipsis. */
    private int[] rows(int depth) {
        int n = shape[depth];
        if (!cut(depth)) {
            int[] r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = i;
            }
            return r;
        }
        int[] r = new int[2 * EDGE_ITEMS + 1];
        for (int i = 0; i < EDGE_ITEMS; i++) {
            r[i] = i;
            r[EDGE_ITEMS + 1 + i] = n - EDGE_ITEMS + i;
        }
        r[EDGE_ITEMS] = -1;
        return r;
    }

    private void collectShown(int depth, int offset, List<Integer> out) {
        if (depth == shape.length) {
            out.add(offset);
            return;
        }
        for (int i : rows(depth)) {
            if (i >= 0) {
                collectShown(depth + 1, offset + i * rowMajorStrides[depth], out);
            }
        }
    }

    private String tensorStr(int depth, int offset, int indent) {
        int dim = shape.length - depth;
        if (dim == 0) {
            return formatter.format(offset);
        }
        if (dim == 1) {
            return vectorStr(depth, offset, indent);
        }
        List<String> slices = new ArrayList<>();
        for (int i : rows(depth)) {
            slices.add(i < 0 ? "..." : tensorStr(depth + 1, offset + i * rowMajorStrides[depth], indent + 1));
        }
        String sep = "," + "\n".repeat(dim - 1) + " ".repeat(indent + 1);
        return "[" + String.join(sep, slices) + "]";
    }

    private String vectorStr(int depth, int offset, int indent) {
        // Each element takes its width plus ", ".
        int elementLength = formatter.width() + 2;
        int perLine = Math.max(1, Math.floorDiv(LINE_WIDTH - indent, elementLength));
        List<String> data = new ArrayList<>();
        for (int i : rows(depth)) {
            data.add(i < 0 ? " ..." : formatter.format(offset + i * rowMajorStrides[depth]));
        }
        List<String> lines = new ArrayList<>();
        for (int from = 0; from < data.size(); from += perLine) {
            lines.add(String.join(", ", data.subList(from, Math.min(data.size(), from + perLine))));
        }
        return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
    }

    /**
     * PyTorch's {@code _add_suffixes}, including its measure of the last line (one more than its
     * length, two more when the text is a single line), so that lines break where PyTorch's do.
     */
    private static String addSuffixes(String text, List<String> suffixes, int indent) {
        StringBuilder sb = new StringBuilder(text);
        int lastLineLen = text.length() - text.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLen + suffix.length() + 2 > LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLen = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLen += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** Python's {@code str(tuple(shape))}: {@code (0, 3)}, {@code (0,)}, {@code ()}. */
    static String shapeTuple(int[] shape) {
        return Arrays.stream(shape)
                .mapToObj(String::valueOf)
                .collect(Collectors.joining(", ", "(", shape.length == 1 ? ",)" : ")"));
    }
}
