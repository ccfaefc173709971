package dev.jgrad.bench.report;

/** What computed a result. */
public enum Impl {
    VECTOR("jgrad vector"),
    SCALAR("jgrad scalar"),
    CONTIGUOUS_VECTOR("jgrad vector, contiguous operands"),
    LOOP("scalar loop"),
    EJML("EJML"),
    PROBE("Vector API probe");

    public final String label;

    Impl(String label) {
        this.label = label;
    }
}
