/**
 * Neural-network building blocks, as PyTorch's {@code torch.nn}: {@link dev.jgrad.nn.Module} and its layers, the
 * functional {@link dev.jgrad.nn.F}, and state dicts in safetensors files.
 *
 * <pre>{@code
 * Module model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
 * Optimizer optimizer = new Adam(model.parameters(), 1e-2);
 * Tensor loss = F.binaryCrossEntropyWithLogits(model.call(x), y);
 * optimizer.zeroGrad();
 * loss.backward();
 * optimizer.step();
 * }</pre>
 *
 * <p>Start with {@link dev.jgrad.nn.Module} (subclass it for a model of your own, or chain layers in a
 * {@link dev.jgrad.nn.Sequential}), the layers ({@link dev.jgrad.nn.Linear}, {@link dev.jgrad.nn.BatchNorm1d},
 * {@link dev.jgrad.nn.Dropout}, {@link dev.jgrad.nn.ReLU}, ...), and the losses in {@link dev.jgrad.nn.F}.
 * {@link dev.jgrad.nn.Module#save} and {@link dev.jgrad.nn.Module#load} keep a model's state dict in a safetensors
 * file PyTorch can read ({@link dev.jgrad.nn.StateDictFile}). Weight initialisation is in {@code dev.jgrad.nn.init},
 * gradient clipping in {@code dev.jgrad.nn.utils}, the optimizers in {@code dev.jgrad.optim}.
 */
package dev.jgrad.nn;
