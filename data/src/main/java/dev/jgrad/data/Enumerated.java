package dev.jgrad.data;

/**
 * One item of Python's {@code enumerate}: {@code for batch_idx, samples in enumerate(dataloader)}
 * becomes {@code for (var e : dataloader.enumerate())} with {@code e.index()} and {@code e.value()}.
 *
 * @param <T> the type of the item, e.g. a batch
 * @param index the item's position, counting from 0
 * @param value the item
 */
public record Enumerated<T>(int index, T value) {}
