package dev.jgrad.bench.report;

import dev.jgrad.bench.ConvLayer;
import dev.jgrad.bench.MatmulThreadsBench;
import dev.jgrad.bench.MlpProduct;
import dev.jgrad.bench.PeakWork;
import dev.jgrad.bench.ReductionBench;
import java.util.List;

/** Maps a JMH result (class, method, parameters) to the work one invocation does. */
public final class Workloads {
    private static final String[] SUFFIXES = {"Vector", "Scalar", "Loop"};
    private static final Impl[] SUFFIX_IMPLS = {Impl.VECTOR, Impl.SCALAR, Impl.LOOP};
    /** TrainStepBench's batch size. */
    private static final int BATCH = 100;
    /** Method-name prefixes of the reduction and elementwise benchmarks, in report order. */
    private static final List<String> REDUCTION_OPS = List.of("sum", "max", "argmax", "sumDim0", "sumDim1");

    private static final List<String> ELEMENTWISE_OPS = List.of("add", "addInto", "addBias", "mul", "exp", "relu");

    private Workloads() {}

    /** The workload of {@code r}, or null for a benchmark this report does not know. */
    public static Workload of(BenchResult r) {
        Suite suite = Suite.ofClass(r.className());
        if (suite == null) {
            return null;
        }
        switch (suite) {
            case MATMUL: {
                int n = Integer.parseInt(r.param("n"));
                return matmul(suite, r.method(), "N=" + n, n, 2.0 * n * n * n);
            }
            case MATMUL_THREADS: {
                int n = Integer.parseInt(r.param("n"));
                return matmul(
                        suite,
                        r.method(),
                        "N=" + n + ", " + MatmulThreadsBench.THREADS + " threads",
                        n,
                        2.0 * n * n * n);
            }
            case MATMUL_MLP: {
                MlpProduct p = MlpProduct.valueOf(r.param("product"));
                return matmul(suite, r.method(), p.label + " (" + p.shapes() + ")", p.ordinal(), p.flops());
            }
            case REDUCTION:
                return reduction(r);
            case ELEMENTWISE:
                return elementwise(r);
            case PEAK:
                return peak(r);
            case TRAIN_STEP:
                return trainStep(r);
            case CONV:
                return conv(r);
            default:
                return null;
        }
    }

    private static Workload matmul(Suite suite, String method, String label, long order, double flops) {
        Impl impl;
        switch (method) {
            case "vector":
                impl = Impl.VECTOR;
                break;
            case "scalar":
                impl = Impl.SCALAR;
                break;
            case "contiguousVector":
                impl = Impl.CONTIGUOUS_VECTOR;
                break;
            case "loop":
                impl = Impl.LOOP;
                break;
            case "ejml":
                impl = Impl.EJML;
                break;
            default:
                return null;
        }
        return new Workload(suite, "", "matmul", 0, label, order, impl, flops, 0, 0);
    }

    /** How an op of the per-element suites reads in the report, and the bytes one call moves. */
    private record PerElementOp(String label, double bytes) {}

    private static Workload reduction(BenchResult r) {
        Sized m = Sized.of(r);
        if (m == null) {
            return null;
        }
        String matrix = m.rows() + "×" + m.cols();
        // Each reads the whole input, then writes its result.
        double in = 4.0 * m.size();
        PerElementOp op = switch (m.op()) {
            case "sum" -> new PerElementOp("sum()", in + 4);
            case "max" -> new PerElementOp("max()", in + 4);
            case "argmax" -> new PerElementOp("argmax()", in + 8);
            case "sumDim0" -> new PerElementOp("sum(dim=0) of " + matrix, in + 4.0 * m.cols());
            case "sumDim1" -> new PerElementOp("sum(dim=1) of " + matrix, in + 4.0 * m.rows());
            default -> null;
        };
        return op == null ? null : perElement(Suite.REDUCTION, REDUCTION_OPS, m, op);
    }

    private static Workload elementwise(BenchResult r) {
        Sized m = Sized.of(r);
        if (m == null) {
            return null;
        }
        PerElementOp op = switch (m.op()) {
            case "add" -> new PerElementOp("a + b, into a new tensor", 12.0 * m.size());
            case "addInto" -> new PerElementOp("a.add_(b), into an existing tensor", 12.0 * m.size());
            case "addBias" ->
                new PerElementOp(
                        "x + bias, bias row broadcast over " + m.rows() + "×" + m.cols(),
                        8.0 * m.size() + 4.0 * m.cols());
            case "mul" -> new PerElementOp("a * b", 12.0 * m.size());
            case "exp" -> new PerElementOp("exp(a)", 8.0 * m.size());
            case "relu" -> new PerElementOp("relu(a)", 8.0 * m.size());
            default -> null;
        };
        return op == null ? null : perElement(Suite.ELEMENTWISE, ELEMENTWISE_OPS, m, op);
    }

    /** The workload of a per-element benchmark: no FLOPs counted, one element per input element. */
    private static Workload perElement(Suite suite, List<String> opOrder, Sized m, PerElementOp op) {
        return new Workload(
                suite,
                m.op(),
                op.label(),
                opOrder.indexOf(m.op()),
                sizeLabel(m.size()),
                m.size(),
                m.impl(),
                0,
                m.size(),
                op.bytes());
    }

    private static Workload peak(BenchResult r) {
        int bits = Integer.parseInt(r.param("bits"));
        switch (r.method()) {
            case "fma":
                return new Workload(
                        Suite.PEAK,
                        "fma",
                        "float32 FMA, 1 core, " + bits + "-bit vectors",
                        0,
                        "",
                        0,
                        Impl.PROBE,
                        PeakWork.fmaFlops(bits),
                        0,
                        0);
            case "fmaTwoThreads":
                return new Workload(
                        Suite.PEAK,
                        "fma2",
                        "float32 FMA, 2 threads, " + bits + "-bit vectors",
                        2,
                        "",
                        0,
                        Impl.PROBE,
                        PeakWork.fmaFlops(bits),
                        0,
                        0);
            case "read":
                return new Workload(
                        Suite.PEAK,
                        "read",
                        "streaming read of " + (PeakWork.READ_FLOATS * 4L >> 20) + " MB, 1 core",
                        1,
                        "",
                        1,
                        Impl.PROBE,
                        0,
                        PeakWork.READ_FLOATS,
                        4.0 * PeakWork.READ_FLOATS);
            case "allocate":
                return new Workload(
                        Suite.PEAK,
                        "alloc",
                        "fresh float[] of "
                                + sizeLabel(PeakWork.ALLOC_FLOATS) + " (" + (PeakWork.ALLOC_FLOATS * 4L >> 20)
                                + " MB), allocated and zeroed, 1 core",
                        3,
                        "",
                        2,
                        Impl.PROBE,
                        0,
                        PeakWork.ALLOC_FLOATS,
                        4.0 * PeakWork.ALLOC_FLOATS);
            default:
                return null;
        }
    }

    /**
     * One step of TrainStepBench at batch 100. The FLOPs are its matrix products: the forward
     * pass, the weight gradients, and for the MLP the gradient into the hidden layer (none flows
     * into the images).
     */
    private static Workload trainStep(BenchResult r) {
        String label;
        long order;
        double flops;
        switch (r.param("model")) {
            case "mlp":
                label = "MLP 784-256-10";
                order = 0;
                flops = 2 * (2.0 * BATCH * 784 * 256 + 2.0 * BATCH * 256 * 10) + 2.0 * BATCH * 10 * 256;
                break;
            case "softmax":
                label = "softmax regression 784-10";
                order = 1;
                flops = 2 * (2.0 * BATCH * 784 * 10);
                break;
            case "cnn":
                // Forward, then both gradients, of conv2 and the Linear; conv1 has no input gradient.
                label = "CNN (conv 1→32, pool, conv 32→64, pool, Linear 3136→10)";
                order = 2;
                flops = 2 * ConvLayer.CONV1.flops() + 3 * ConvLayer.CONV2.flops() + 3 * (2.0 * BATCH * 3136 * 10);
                break;
            default:
                return null;
        }
        switch (r.method()) {
            case "step":
                return new Workload(
                        Suite.TRAIN_STEP,
                        "step",
                        "forward, cross-entropy, backward, SGD on a float32 batch",
                        0,
                        label,
                        order,
                        Impl.VECTOR,
                        flops,
                        0,
                        0);
            case "loadAndStep":
                return new Workload(
                        Suite.TRAIN_STEP,
                        "loadAndStep",
                        "the same after gathering the batch from uint8 images and converting it",
                        1,
                        label,
                        order,
                        Impl.VECTOR,
                        flops,
                        0,
                        0);
            default:
                return null;
        }
    }

    /** One pass of ConvBench: forward, input gradient or weight gradient of one CNN layer, or its max pool. */
    private static Workload conv(BenchResult r) {
        ConvLayer layer = ConvLayer.valueOf(r.param("layer"));
        String[] split = split(r.method());
        if (split == null) {
            return null;
        }
        List<String> ops = List.of("forward", "inputGrad", "weightGrad", "maxPool", "maxPoolBackward");
        int order = ops.indexOf(split[0]);
        if (order < 0) {
            return null;
        }
        String op = List.of(
                        "forward",
                        "input gradient",
                        "weight gradient",
                        "max pool 2x2 after it",
                        "max pool 2x2 after it, backward")
                .get(order);
        // Pooling does no multiply-adds: no FLOPs, so no GFLOPS for it.
        double flops = order < 3 ? layer.flops() : 0;
        return new Workload(Suite.CONV, split[0], op, order, layer.label, layer.ordinal(), impl(split[1]), flops, 0, 0);
    }

    /**
     * A reduction or elementwise benchmark's {@code size} parameter, the near-square matrix
     * ({@code rows}×{@code cols}) its elements are also viewed as, and its method name split into the
     * op and the implementation.
     */
    private record Sized(int size, int rows, int cols, String op, Impl impl) {
        /** The parts of {@code r}, or null where its method has no implementation suffix. */
        static Sized of(BenchResult r) {
            int size = Integer.parseInt(r.param("size"));
            String[] split = split(r.method());
            if (split == null) {
                return null;
            }
            int rows = ReductionBench.rows(size);
            return new Sized(size, rows, size / rows, split[0], Workloads.impl(split[1]));
        }
    }

    /** {"sumDim0", "Vector"} from "sumDim0Vector", or null without a known suffix. */
    private static String[] split(String method) {
        for (String suffix : SUFFIXES) {
            if (method.endsWith(suffix) && method.length() > suffix.length()) {
                return new String[] {method.substring(0, method.length() - suffix.length()), suffix};
            }
        }
        return null;
    }

    private static Impl impl(String suffix) {
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (SUFFIXES[i].equals(suffix)) {
                return SUFFIX_IMPLS[i];
            }
        }
        throw new IllegalArgumentException(suffix);
    }

    /** 1K, 64K, 1M, 16M; other sizes as plain numbers. */
    public static String sizeLabel(long size) {
        if (size >= 1 << 20 && size % (1 << 20) == 0) {
            return (size >> 20) + "M";
        }
        if (size >= 1 << 10 && size % (1 << 10) == 0) {
            return (size >> 10) + "K";
        }
        return Long.toString(size);
    }
}
