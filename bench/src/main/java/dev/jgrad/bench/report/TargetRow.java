package dev.jgrad.bench.report;

/**
 * One target of issue 3 as evaluated on a run.
 *
 * @param target   what is measured
 * @param required the threshold, e.g. "≥ 220 GFLOPS"
 * @param measured the median, or "—" when not measured
 * @param spread   min–max over all iterations of all forks, or "—"
 * @param status   met, missed or not measured
 * @param context  how close to the machine's limit the measurement is, when that is known
 */
public record TargetRow(String target, String required, String measured, String spread, Status status, String context) {

    public enum Status {
        MET("met"),
        MISSED("**MISSED**"),
        NOT_MEASURED("not measured");

        public final String label;

        Status(String label) {
            this.label = label;
        }
    }
}
