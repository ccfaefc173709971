package dev.jgrad.bench.report;

/**
 * What one invocation of a benchmark does, so that a throughput becomes GFLOPS, Gelem/s or GB/s.
 *
 * @param suite     the report section
 * @param opKey     the operation's key in the benchmark's method names ("" for matmul)
 * @param op        the operation, as the report prints it
 * @param opOrder   sorts operations within a suite
 * @param caseLabel the problem size, as the report prints it
 * @param caseOrder sorts cases within a suite
 * @param impl      who computed it
 * @param flops     floating-point operations per invocation (0 where not meaningful)
 * @param elements  elements processed per invocation (0 where not meaningful)
 * @param bytes     bytes read plus written per invocation (0 where not meaningful)
 */
public record Workload(
        Suite suite,
        String opKey,
        String op,
        int opOrder,
        String caseLabel,
        long caseOrder,
        Impl impl,
        double flops,
        double elements,
        double bytes) {}
