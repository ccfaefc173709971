package dev.jgrad.tensor.kernel;

/** Micro-tile width chosen from the vector size and the register file it implies. */
final class GemmTiles {
    private GemmTiles() {}

    /**
     * Vectors per tile row: an MR x 4-vector tile needs 24 accumulators plus 5 operand registers,
     * which fits the 32 registers of AVX-512 and of AArch64 (NEON/SVE) but not the 16 of AVX2/SSE,
     * where a 2-vector tile (12 + 3) is used instead.
     */
    static int vectorsPerTileRow(int vectorBits) {
        String arch = System.getProperty("os.arch", "");
        boolean thirtyTwoRegisters = vectorBits >= 512 || arch.equals("aarch64") || arch.startsWith("riscv");
        return thirtyTwoRegisters ? 4 : 2;
    }
}
