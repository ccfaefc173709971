/**
 * jgrad's {@code torch.nn} and {@code torch.optim}: {@link dev.jgrad.nn.Module}, the layers, the
 * functional {@link dev.jgrad.nn.F} (activations and losses), initialisers, gradient clipping, state
 * dicts in safetensors files, and the optimizers and learning-rate schedulers.
 *
 * <p>An application needs only {@code requires dev.jgrad.nn;}: tensors and autograd come with it.
 */
module dev.jgrad.nn {
    requires transitive dev.jgrad.autograd;

    exports dev.jgrad.nn;
    exports dev.jgrad.nn.init;
    exports dev.jgrad.nn.utils;
    exports dev.jgrad.optim;
    exports dev.jgrad.optim.lr_scheduler;
}
