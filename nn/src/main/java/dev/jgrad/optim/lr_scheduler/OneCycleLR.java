package dev.jgrad.optim.lr_scheduler;

import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.ParamGroup;
import java.util.Arrays;
import java.util.List;

/**
 * The 1cycle policy: PyTorch's {@code OneCycleLR}, stepped once per batch. The learning rate rises
 * from {@code maxLr/divFactor} to {@code maxLr} over the first {@code pctStart} of
 * {@code totalSteps}, then falls to {@code initialLr/finalDivFactor}; the momentum (or Adam's
 * beta1) moves the opposite way between {@code maxMomentum} and {@code baseMomentum}. Each phase
 * anneals by half a cosine ({@code "cos"}, the default) or linearly. With {@code threePhase} (off
 * by default, as in PyTorch) the rate first comes back down to its initial value and only then
 * falls to the minimum. Formulas and phase boundaries are PyTorch's:
 *
 * <pre>
 * cos:    end + (start - end)/2 · (1 + cos(π·pct))
 * linear: start + (end - start)·pct
 * phases: [0, pctStart·T - 1], [.., T - 1]     (three phases: [0, pctStart·T - 1], [.., 2·pctStart·T - 2], [.., T - 1])
 * </pre>
 *
 * Stepping more than {@code totalSteps} times fails, as in PyTorch.
 */
public final class OneCycleLR extends LRScheduler {
    private int totalSteps;
    private double[] phaseEnds;
    private boolean threePhase;
    private String annealStrategy;
    private boolean cycleMomentum;
    private boolean useBeta1;

    /**
     * A one-cycle schedule with PyTorch's defaults (see {@link #options()}).
     *
     * @param optimizer the optimizer whose learning rates (and momentum) it sets
     * @param maxLr the peak learning rate of every group
     * @param totalSteps the number of steps of the whole cycle (epochs × batches per epoch)
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, options());
    }

    /**
     * A one-cycle schedule with named options: {@code new OneCycleLR(opt, 0.1, 1000,
     * OneCycleLR.options().pctStart(0.25).annealStrategy("linear"))}.
     *
     * @param optimizer the optimizer whose learning rates (and momentum) it sets
     * @param maxLr the peak learning rate of every group
     * @param totalSteps the number of steps of the whole cycle
     * @param options the settings
     * @throws IllegalArgumentException if a setting is out of range, or the optimizer has neither
     *     momentum nor betas while {@code cycleMomentum} is on
     */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, Options options) {
        this(optimizer, filled(optimizer, maxLr), totalSteps, options, -1);
    }

    /**
     * A one-cycle schedule with a peak learning rate per group, resuming after {@code lastEpoch}.
     *
     * @param optimizer the optimizer whose learning rates (and momentum) it sets
     * @param maxLrs the peak learning rate of each group
     * @param totalSteps the number of steps of the whole cycle
     * @param options the settings
     * @param lastEpoch the last step done, -1 for a fresh start
     * @throws IllegalArgumentException if a setting is out of range
     */
    public OneCycleLR(Optimizer optimizer, double[] maxLrs, int totalSteps, Options options, int lastEpoch) {
        super(prepare(optimizer, maxLrs, totalSteps, options, lastEpoch), lastEpoch);
        this.totalSteps = totalSteps;
        this.threePhase = options.threePhase();
        this.annealStrategy = options.annealStrategy();
        this.cycleMomentum = options.cycleMomentum();
        this.useBeta1 = optimizer.defaults().containsKey("betas");
        double up = options.pctStart() * totalSteps - 1;
        this.phaseEnds = threePhase
                ? new double[] {up, 2 * options.pctStart() * totalSteps - 2, totalSteps - 1}
                : new double[] {up, totalSteps - 1};
        saved("total_steps", () -> this.totalSteps, v -> this.totalSteps = ((Number) v).intValue());
        saved("phase_end_steps", () -> phaseEnds.clone(), v -> phaseEnds = ((double[]) v).clone());
        saved("three_phase", () -> threePhase, v -> threePhase = (Boolean) v);
        saved("anneal_strategy", () -> annealStrategy, v -> annealStrategy = (String) v);
        saved("cycle_momentum", () -> cycleMomentum, v -> cycleMomentum = (Boolean) v);
        saved("use_beta1", () -> useBeta1, v -> useBeta1 = (Boolean) v);
        initialStep();
    }

    private static double[] filled(Optimizer optimizer, double maxLr) {
        double[] out = new double[optimizer.paramGroups().size()];
        Arrays.fill(out, maxLr);
        return out;
    }

    /** Checks the settings and writes PyTorch's per-group keys before the base class reads {@code initial_lr}. */
    private static Optimizer prepare(Optimizer optimizer, double[] maxLrs, int totalSteps, Options o, int lastEpoch) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("Expected positive integer total_steps, but got " + totalSteps);
        }
        if (!(o.pctStart() >= 0 && o.pctStart() <= 1)) {
            throw new IllegalArgumentException("Expected float between 0 and 1 pct_start, but got " + o.pctStart());
        }
        if (!o.annealStrategy().equals("cos") && !o.annealStrategy().equals("linear")) {
            throw new IllegalArgumentException(
                    "anneal_strategy must by one of 'cos' or 'linear', instead got " + o.annealStrategy());
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        if (maxLrs.length != groups.size()) {
            throw new IllegalArgumentException(
                    "expected " + groups.size() + " values for max_lr, got " + maxLrs.length);
        }
        boolean betas = optimizer.defaults().containsKey("betas");
        if (o.cycleMomentum() && !betas && !optimizer.defaults().containsKey("momentum")) {
            throw new IllegalArgumentException(
                    "optimizer must support momentum or beta1 with `cycle_momentum` option" + " enabled");
        }
        if (lastEpoch == -1) {
            for (int i = 0; i < groups.size(); i++) {
                ParamGroup g = groups.get(i);
                double initialLr = maxLrs[i] / o.divFactor();
                g.set("initial_lr", initialLr);
                g.set("max_lr", maxLrs[i]);
                g.set("min_lr", initialLr / o.finalDivFactor());
                if (o.cycleMomentum()) {
                    setMomentum(g, betas, o.maxMomentum());
                    g.set("max_momentum", o.maxMomentum());
                    g.set("base_momentum", o.baseMomentum());
                }
            }
        }
        return optimizer;
    }

    private static void setMomentum(ParamGroup g, boolean betas, double momentum) {
        if (betas) {
            double[] b = g.getDoubles("betas");
            b[0] = momentum;
            g.set("betas", b);
        } else {
            g.set("momentum", momentum);
        }
    }

    /**
     * PyTorch's defaults: pct_start 0.3, anneal_strategy 'cos', cycle_momentum on, base_momentum 0.85,
     * max_momentum 0.95, div_factor 25, final_div_factor 1e4, three_phase off.
     *
     * @return the default options
     */
    public static Options options() {
        return new Options(0.3, "cos", true, 0.85, 0.95, 25, 1e4, false);
    }

    /**
     * OneCycleLR's keywords; each one-argument method returns a copy with that option changed.
     *
     * @param pctStart the fraction of the steps spent raising the learning rate
     * @param annealStrategy {@code "cos"} or {@code "linear"}
     * @param cycleMomentum whether the momentum (or beta1) cycles inversely to the learning rate
     * @param baseMomentum the momentum at the peak learning rate
     * @param maxMomentum the momentum at the start and end
     * @param divFactor initial_lr = max_lr / divFactor
     * @param finalDivFactor min_lr = initial_lr / finalDivFactor
     * @param threePhase whether the rate returns to initial_lr before the final descent
     */
    public record Options(
            double pctStart,
            String annealStrategy,
            boolean cycleMomentum,
            double baseMomentum,
            double maxMomentum,
            double divFactor,
            double finalDivFactor,
            boolean threePhase) {
        /**
         * These options with {@code pctStart} changed.
         *
         * @param pctStart the fraction of the steps spent raising the learning rate
         * @return a copy with it
         */
        public Options pctStart(double pctStart) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code annealStrategy} changed.
         *
         * @param annealStrategy {@code "cos"} or {@code "linear"}
         * @return a copy with it
         */
        public Options annealStrategy(String annealStrategy) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code cycleMomentum} changed.
         *
         * @param cycleMomentum whether the momentum (or beta1) cycles
         * @return a copy with it
         */
        public Options cycleMomentum(boolean cycleMomentum) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code baseMomentum} changed.
         *
         * @param baseMomentum the momentum at the peak learning rate
         * @return a copy with it
         */
        public Options baseMomentum(double baseMomentum) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code maxMomentum} changed.
         *
         * @param maxMomentum the momentum at the start and end
         * @return a copy with it
         */
        public Options maxMomentum(double maxMomentum) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code divFactor} changed.
         *
         * @param divFactor initial_lr = max_lr / divFactor
         * @return a copy with it
         */
        public Options divFactor(double divFactor) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code finalDivFactor} changed.
         *
         * @param finalDivFactor min_lr = initial_lr / finalDivFactor
         * @return a copy with it
         */
        public Options finalDivFactor(double finalDivFactor) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }

        /**
         * These options with {@code threePhase} changed.
         *
         * @param threePhase whether the rate returns to initial_lr before the final descent
         * @return a copy with it
         */
        public Options threePhase(boolean threePhase) {
            return new Options(
                    pctStart,
                    annealStrategy,
                    cycleMomentum,
                    baseMomentum,
                    maxMomentum,
                    divFactor,
                    finalDivFactor,
                    threePhase);
        }
    }

    private double anneal(double start, double end, double pct) {
        if (annealStrategy.equals("linear")) {
            return (end - start) * pct + start;
        }
        double cosOut = Math.cos(Math.PI * pct) + 1;
        return end + (start - end) / 2.0 * cosOut;
    }

    @Override
    protected double[] getLr() {
        int stepNum = lastEpoch;
        if (stepNum > totalSteps) {
            throw new IllegalStateException("Tried to step " + (stepNum + 1) + " times. The specified number of total"
                    + " steps is " + totalSteps);
        }
        // Each phase's start and end values, as PyTorch's _schedule_phases names them.
        String[][] lrKeys = threePhase
                ? new String[][] {{"initial_lr", "max_lr"}, {"max_lr", "initial_lr"}, {"initial_lr", "min_lr"}}
                : new String[][] {{"initial_lr", "max_lr"}, {"max_lr", "min_lr"}};
        String[][] momentumKeys = threePhase
                ? new String[][] {
                    {"max_momentum", "base_momentum"},
                    {"base_momentum", "max_momentum"},
                    {"max_momentum", "max_momentum"}
                }
                : new String[][] {{"max_momentum", "base_momentum"}, {"base_momentum", "max_momentum"}};
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] lrs = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            double startStep = 0;
            for (int i = 0; i < phaseEnds.length; i++) {
                double endStep = phaseEnds[i];
                if (stepNum <= endStep || i == phaseEnds.length - 1) {
                    double pct = (stepNum - startStep) / (endStep - startStep);
                    lrs[g] = anneal(group.getDouble(lrKeys[i][0]), group.getDouble(lrKeys[i][1]), pct);
                    if (cycleMomentum) {
                        double m =
                                anneal(group.getDouble(momentumKeys[i][0]), group.getDouble(momentumKeys[i][1]), pct);
                        setMomentum(group, useBeta1, m);
                    }
                    break;
                }
                startStep = endStep;
            }
        }
        return lrs;
    }
}
