/**
 * jgrad's {@code torch.utils.data}: {@link dev.jgrad.data.Dataset}, {@link dev.jgrad.data.TensorDataset},
 * {@link dev.jgrad.data.DataLoader} (shuffling, collate, prefetch), transforms and splits.
 *
 * <p>{@link dev.jgrad.data.Collate} builds batches of an application's own records by reflection, so a
 * module whose records are samples must open their package to this one:
 * {@code opens com.example.app to dev.jgrad.data;} ({@code exports} is not enough).
 */
module dev.jgrad.data {
    requires transitive dev.jgrad.autograd;

    exports dev.jgrad.data;
}
