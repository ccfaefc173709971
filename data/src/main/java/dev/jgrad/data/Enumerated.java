package dev.jgrad.data;

/**
 * One item of Python's {@code enumerate}: {@code for batch_idx, samples in enumerate(dataloader)}
 * becomes {@code for (var e : dataloader.enumerate())} with {@code e.index()} and {@code e.value()}.
 */
public record Enumerated<T>(int index, T value) {
}
