package dev.jgrad.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict(java.util.Map, boolean)} could not match: keys the module has
 * and the state dict lacks, and keys the state dict has and the module lacks: PyTorch's
 * {@code _IncompatibleKeys}, the value of {@code load_state_dict(..., strict=False)}.
 *
 * @param missingKeys the module's keys that the state dict lacks, in the module's order
 * @param unexpectedKeys the state dict's keys that the module lacks, in the state dict's order
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    /**
     * Holds unmodifiable copies of both lists.
     *
     * @param missingKeys the module's keys that the state dict lacks
     * @param unexpectedKeys the state dict's keys that the module lacks
     * @throws NullPointerException if a list or one of its keys is null
     */
    public IncompatibleKeys {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /**
     * PyTorch's repr: {@code <All keys matched successfully>} when both lists are empty, else
     * {@code _IncompatibleKeys(missing_keys=['a'], unexpected_keys=[])}.
     *
     * @return the repr
     */
    @Override
    public String toString() {
        if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
            return "<All keys matched successfully>";
        }
        return "_IncompatibleKeys(missing_keys=" + pyList(missingKeys) + ", unexpected_keys=" + pyList(unexpectedKeys)
                + ")";
    }

    private static String pyList(List<String> keys) {
        StringBuilder sb = new StringBuilder("[");
        for (String k : keys) {
            sb.append(sb.length() == 1 ? "" : ", ").append('\'').append(k).append('\'');
        }
        return sb.append(']').toString();
    }
}
