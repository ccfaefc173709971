package dev.jgrad.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict(java.util.Map, boolean)} could not match: keys the module has
 * and the state dict lacks, and keys the state dict has and the module lacks.
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    public IncompatibleKeys {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** PyTorch's repr: {@code <All keys matched successfully>} when both lists are empty. */
    @Override
    public String toString() {
        if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
            return "<All keys matched successfully>";
        }
        return "_IncompatibleKeys(missing_keys=" + pyList(missingKeys) + ", unexpected_keys="
                + pyList(unexpectedKeys) + ")";
    }

    private static String pyList(List<String> keys) {
        StringBuilder sb = new StringBuilder("[");
        for (String k : keys) {
            sb.append(sb.length() == 1 ? "" : ", ").append('\'').append(k).append('\'');
        }
        return sb.append(']').toString();
    }
}
