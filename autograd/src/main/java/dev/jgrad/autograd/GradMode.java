package dev.jgrad.autograd;

import java.util.function.Supplier;

/**
 * Whether operations record the history that {@link Tensor#backward()} walks: PyTorch's grad mode.
 *
 * <p>The mode belongs to the current thread, so threads running inference under
 * {@link Tensor#noGrad()} do not disturb a thread that is training, and many threads can share one
 * model's weights.
 */
public final class GradMode {
    // A one-element cell per thread: scopes flip it without a ThreadLocal.set each time.
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    /**
     * {@code torch.is_grad_enabled()} for the current thread.
     *
     * @return whether ops record history on this thread
     */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /**
     * {@code torch.set_grad_enabled(on)} for the current thread, without a scope.
     *
     * @param on whether ops record history on this thread
     */
    public static void setEnabled(boolean on) {
        ENABLED.get()[0] = on;
    }

    static Scope scope(boolean on) {
        boolean[] cell = ENABLED.get();
        Scope s = new Scope(cell, cell[0]);
        cell[0] = on;
        return s;
    }

    /** Runs {@code body} with grad mode {@code on}, restoring the thread's mode afterwards, also when it throws. */
    static <T> T call(boolean on, Supplier<T> body) {
        // try/finally rather than try-with-resources: an unused resource variable is a javac -Xlint warning.
        Scope scope = scope(on);
        try {
            return body.get();
        } finally {
            scope.close();
        }
    }

    /** {@link #call} for a body that returns nothing. */
    static void run(boolean on, Runnable body) {
        Scope scope = scope(on);
        try {
            body.run();
        } finally {
            scope.close();
        }
    }

    /**
     * A block of code run with grad mode set one way; closing it restores the mode the thread had
     * before, so scopes nest: {@code try (var s = Tensor.noGrad()) { ... }}.
     */
    public static final class Scope implements AutoCloseable {
        private final boolean[] cell;
        private final boolean previous;
        private boolean closed;

        private Scope(boolean[] cell, boolean previous) {
            this.cell = cell;
            this.previous = previous;
        }

        /** Restores the grad mode the thread had when the scope opened; a second close does nothing. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                cell[0] = previous;
            }
        }
    }
}
