/**
 * Data loading, as PyTorch's {@code torch.utils.data}: datasets, a {@link dev.jgrad.data.DataLoader} that batches
 * and shuffles them, and sample transforms.
 *
 * <pre>{@code
 * TensorDataset train = new TensorDataset(images, labels).transform(0, new ToTensor());
 * DataLoader<List<Tensor>> loader = DataLoader.builder(train).batchSize(64).shuffle(true).build();
 * for (List<Tensor> batch : loader) {     // one epoch
 *     Tensor x = batch.get(0), y = batch.get(1);
 * }
 * }</pre>
 *
 * <p>Start with {@link dev.jgrad.data.TensorDataset} (samples are rows of tensors) or your own
 * {@link dev.jgrad.data.Dataset}, and {@link dev.jgrad.data.DataLoader}. {@link dev.jgrad.data.Collate} turns a
 * list of samples into a batch (records and maps included); {@link dev.jgrad.data.RandomSplit},
 * {@link dev.jgrad.data.Subset} and {@link dev.jgrad.data.ConcatDataset} split and join datasets; the
 * {@link dev.jgrad.data.Transform}s ({@link dev.jgrad.data.ToTensor}, {@link dev.jgrad.data.Normalize},
 * {@link dev.jgrad.data.Compose}, ...) convert samples, a whole batch at a time where they can.
 */
package dev.jgrad.data;
