package dev.jgrad.optim.lr_scheduler;

import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.ParamGroup;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiplies each group's learning rate by {@code factor} when a metric has stopped improving for
 * more than {@code patience} epochs: PyTorch's {@code ReduceLROnPlateau}, stepped with the metric,
 * {@code scheduler.step(valLoss)}. "Improving" is PyTorch's test: in {@code "min"} mode with the
 * relative threshold, {@code metric < best·(1 - threshold)}; with the absolute one,
 * {@code metric < best - threshold} (mirrored for {@code "max"}). After a reduction it waits
 * {@code cooldown} epochs before counting bad epochs again; no rate goes below {@code minLr}, and
 * a reduction smaller than {@code eps} is skipped.
 */
public class ReduceLROnPlateau {
    private final Optimizer optimizer;
    private Options options;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private double[] lastLr;

    /**
     * A plateau scheduler with PyTorch's defaults (see {@link #options()}).
     *
     * @param optimizer the optimizer whose learning rates it lowers
     */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this(optimizer, options());
    }

    /**
     * A plateau scheduler with named options: {@code new ReduceLROnPlateau(opt,
     * ReduceLROnPlateau.options().mode("max").patience(3).factor(0.5))}.
     *
     * @param optimizer the optimizer whose learning rates it lowers
     * @param options the settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public ReduceLROnPlateau(Optimizer optimizer, Options options) {
        if (!(options.factor() < 1.0)) {
            throw new IllegalArgumentException("Factor should be < 1.0.");
        }
        if (!options.mode().equals("min") && !options.mode().equals("max")) {
            throw new IllegalArgumentException("mode " + options.mode() + " is unknown!");
        }
        if (!options.thresholdMode().equals("rel") && !options.thresholdMode().equals("abs")) {
            throw new IllegalArgumentException("threshold mode " + options.thresholdMode() + " is unknown!");
        }
        this.optimizer = optimizer;
        this.options = options;
        this.best = worst();
        this.lastLr = LRScheduler.lrs(optimizer);
    }

    /**
     * PyTorch's defaults: mode 'min', factor 0.1, patience 10, threshold 1e-4 'rel', cooldown 0,
     * min_lr 0, eps 1e-8.
     *
     * @return the default options
     */
    public static Options options() {
        return new Options("min", 0.1, 10, 1e-4, "rel", 0, 0, 1e-8);
    }

    /**
     * ReduceLROnPlateau's keywords; each one-argument method returns a copy with that option changed.
     *
     * @param mode {@code "min"} (lower is better) or {@code "max"}
     * @param factor the multiplier of a reduction, below 1
     * @param patience how many epochs without improvement are tolerated
     * @param threshold how much better counts as an improvement
     * @param thresholdMode {@code "rel"} or {@code "abs"}
     * @param cooldown how many epochs to wait after a reduction
     * @param minLr the lowest learning rate
     * @param eps the smallest change of a learning rate that is made
     */
    public record Options(
            String mode,
            double factor,
            int patience,
            double threshold,
            String thresholdMode,
            int cooldown,
            double minLr,
            double eps) {
        /**
         * These options with {@code mode} changed.
         *
         * @param mode {@code "min"} or {@code "max"}
         * @return a copy with it
         */
        public Options mode(String mode) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code factor} changed.
         *
         * @param factor the multiplier of a reduction, below 1
         * @return a copy with it
         */
        public Options factor(double factor) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code patience} changed.
         *
         * @param patience how many epochs without improvement are tolerated
         * @return a copy with it
         */
        public Options patience(int patience) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code threshold} changed.
         *
         * @param threshold how much better counts as an improvement
         * @return a copy with it
         */
        public Options threshold(double threshold) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code thresholdMode} changed.
         *
         * @param thresholdMode {@code "rel"} or {@code "abs"}
         * @return a copy with it
         */
        public Options thresholdMode(String thresholdMode) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code cooldown} changed.
         *
         * @param cooldown how many epochs to wait after a reduction
         * @return a copy with it
         */
        public Options cooldown(int cooldown) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code minLr} changed.
         *
         * @param minLr the lowest learning rate
         * @return a copy with it
         */
        public Options minLr(double minLr) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }

        /**
         * These options with {@code eps} changed.
         *
         * @param eps the smallest change of a learning rate that is made
         * @return a copy with it
         */
        public Options eps(double eps) {
            return new Options(mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        }
    }

    private double worst() {
        return options.mode().equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    private boolean isBetter(double a, double best) {
        boolean rel = options.thresholdMode().equals("rel");
        double t = options.threshold();
        if (options.mode().equals("min")) {
            return rel ? a < best * (1 - t) : a < best - t;
        }
        return rel ? a > best * (t + 1) : a > best + t;
    }

    /**
     * Ends an epoch whose monitored value was {@code metric}, lowering the rates when it has been
     * on a plateau for longer than the patience.
     *
     * @param metric the value watched, e.g. the validation loss
     */
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric, best)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0; // bad epochs in cooldown don't count
        }
        if (numBadEpochs > options.patience()) {
            reduceLr();
            cooldownCounter = options.cooldown();
            numBadEpochs = 0;
        }
        lastLr = LRScheduler.lrs(optimizer);
    }

    private void reduceLr() {
        for (ParamGroup g : optimizer.paramGroups()) {
            double oldLr = g.lr();
            double newLr = Math.max(oldLr * options.factor(), options.minLr());
            if (oldLr - newLr > options.eps()) {
                g.setLr(newLr);
            }
        }
    }

    /**
     * The learning rates after the last {@link #step}, PyTorch's {@code get_last_lr()}.
     *
     * @return one rate per group
     */
    public double[] getLastLr() {
        return lastLr.clone();
    }

    /**
     * The best metric seen so far.
     *
     * @return the best value ({@code ±inf} before the first step)
     */
    public double best() {
        return best;
    }

    /**
     * How many epochs in a row the metric has not improved.
     *
     * @return the count of bad epochs since the last improvement or reduction
     */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /**
     * The scheduler's state, PyTorch's {@code state_dict()}: its settings and counters.
     *
     * @return a new map of the state
     */
    public Map<String, Object> stateDict() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mode", options.mode());
        s.put("factor", options.factor());
        s.put("patience", options.patience());
        s.put("threshold", options.threshold());
        s.put("threshold_mode", options.thresholdMode());
        s.put("cooldown", options.cooldown());
        s.put("min_lr", options.minLr());
        s.put("eps", options.eps());
        s.put("best", best);
        s.put("num_bad_epochs", numBadEpochs);
        s.put("cooldown_counter", cooldownCounter);
        s.put("last_epoch", lastEpoch);
        s.put("_last_lr", lastLr.clone());
        return s;
    }

    /**
     * Restores a {@link #stateDict()}.
     *
     * @param state the state to restore
     */
    public void loadStateDict(Map<String, Object> state) {
        options = new Options(
                (String) state.get("mode"),
                ((Number) state.get("factor")).doubleValue(),
                ((Number) state.get("patience")).intValue(),
                ((Number) state.get("threshold")).doubleValue(),
                (String) state.get("threshold_mode"),
                ((Number) state.get("cooldown")).intValue(),
                ((Number) state.get("min_lr")).doubleValue(),
                ((Number) state.get("eps")).doubleValue());
        best = ((Number) state.get("best")).doubleValue();
        numBadEpochs = ((Number) state.get("num_bad_epochs")).intValue();
        cooldownCounter = ((Number) state.get("cooldown_counter")).intValue();
        lastEpoch = ((Number) state.get("last_epoch")).intValue();
        lastLr = ((double[]) state.get("_last_lr")).clone();
    }
}
