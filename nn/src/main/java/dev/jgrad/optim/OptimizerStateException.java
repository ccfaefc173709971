package dev.jgrad.optim;

import java.io.IOException;

/**
 * An optimizer state file whose content is not what its optimizer expects: a group count, key,
 * option value or state tensor that is missing, malformed or of the wrong type, shape or range.
 * The message names the file, the key and what was expected; {@link OptimizerStateDict#load}
 * throws it before anything reaches an optimizer, so a bad file never fails later in
 * {@code step()}.
 */
public final class OptimizerStateException extends IOException {
    private static final long serialVersionUID = 1L;
    /** The file, as it was named to {@link OptimizerStateDict#load}. */
    private final String file;

    /** The schema's finding, kept as the cause: it names the key at fault. */
    OptimizerStateException(String file, OptimizerSchema.Invalid cause) {
        super(file + ": " + cause.key + ": " + cause.getMessage(), cause);
        this.file = file;
    }

    /**
     * The file, as it was named to {@link OptimizerStateDict#load}.
     *
     * @return the file name
     */
    public String file() {
        return file;
    }

    /**
     * The metadata key or tensor name at fault, e.g. {@code param_groups.0.betas} or {@code state.3.exp_avg}.
     *
     * @return the key
     */
    public String key() {
        return ((OptimizerSchema.Invalid) getCause()).key;
    }
}
