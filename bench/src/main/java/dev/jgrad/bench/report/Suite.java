package dev.jgrad.bench.report;

/** The report's sections, one per benchmark class. */
public enum Suite {
    MATMUL("MatmulBench"),
    MATMUL_MLP("MatmulMlpBench"),
    MATMUL_THREADS("MatmulThreadsBench"),
    REDUCTION("ReductionBench"),
    ELEMENTWISE("ElementwiseBench"),
    PEAK("PeakBench"),
    TRAIN_STEP("TrainStepBench"),
    CONV("ConvBench");

    /** The benchmark class's simple name. */
    public final String benchClass;

    Suite(String benchClass) {
        this.benchClass = benchClass;
    }

    static Suite ofClass(String simpleName) {
        for (Suite s : values()) {
            if (s.benchClass.equals(simpleName)) {
                return s;
            }
        }
        return null;
    }
}
