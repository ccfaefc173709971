package dev.jgrad.nn;

import dev.jgrad.autograd.Tensor;
import dev.jgrad.nn.init.Init;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Generator;
import dev.jgrad.tensor.NDArray;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}: PyTorch's
 * {@code nn.Embedding}. The input holds int64 (or int32) indices of any shape; the output has one
 * more dim, of size {@code embeddingDim}. The weight starts as N(0, 1) draws, as PyTorch's; with a
 * {@code paddingIdx} that row starts as zeros and gets no gradient, so it stays a fixed "padding"
 * vector. PyTorch's {@code max_norm}, {@code scale_grad_by_freq} and {@code sparse} are not offered.
 */
public final class Embedding extends Module {
    /** The number of rows of the table. */
    public final int numEmbeddings;
    /** The size of each vector. */
    public final int embeddingDim;
    /** The row that is not trained, counted from 0; null for none. */
    public final Integer paddingIdx;
    /** The table, of shape {@code (numEmbeddings, embeddingDim)}. */
    public final Tensor weight;

    /**
     * A table of N(0, 1) vectors drawn from the default generator.
     *
     * @param numEmbeddings the number of rows
     * @param embeddingDim the size of each vector
     */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null, Generator.defaultGenerator());
    }

    /**
     * A table whose row {@code paddingIdx} is zeros and is not trained.
     *
     * @param numEmbeddings the number of rows
     * @param embeddingDim the size of each vector
     * @param paddingIdx the padding row (negative counts from the end)
     * @throws IllegalArgumentException if {@code paddingIdx} is outside the table
     */
    public Embedding(int numEmbeddings, int embeddingDim, int paddingIdx) {
        this(numEmbeddings, embeddingDim, paddingIdx, Generator.defaultGenerator());
    }

    /**
     * A table whose initial vectors come from {@code generator}.
     *
     * @param numEmbeddings the number of rows
     * @param embeddingDim the size of each vector
     * @param paddingIdx the padding row (negative counts from the end), or null for none
     * @param generator where the initial values are drawn from
     * @throws IllegalArgumentException if a size is negative or {@code paddingIdx} is outside the table
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx, Generator generator) {
        this(checkedTable(numEmbeddings, embeddingDim), paddingIdx);
        Init.normal_(weight, 0, 1, generator);
        fillPaddingWithZeros();
    }

    private Embedding(Tensor table, Integer paddingIdx) {
        if (table.dim() != 2) {
            throw new IllegalArgumentException("Embeddings parameter is expected to be 2-dimensional, got shape "
                    + java.util.Arrays.toString(table.shape().toArray()));
        }
        this.numEmbeddings = table.size(0);
        this.embeddingDim = table.size(1);
        this.paddingIdx = paddingIdx == null ? null : Embeddings.normalizePaddingIdx(paddingIdx, numEmbeddings);
        this.weight = registerParameter("weight", table);
    }

    private static Tensor checkedTable(int numEmbeddings, int embeddingDim) {
        if (numEmbeddings < 0 || embeddingDim < 0) {
            throw new IllegalArgumentException("Trying to create tensor with negative dimension "
                    + Math.min(numEmbeddings, embeddingDim) + ": [" + numEmbeddings + ", " + embeddingDim + "]");
        }
        return Tensor.of(NDArray.empty(DType.FLOAT32, numEmbeddings, embeddingDim));
    }

    private void fillPaddingWithZeros() {
        if (paddingIdx != null) {
            weight.data().select(0, paddingIdx).fill_(0);
        }
    }

    /**
     * PyTorch's {@code Embedding.from_pretrained(embeddings, freeze=True)}: the table is
     * {@code embeddings} itself (shared, not copied), frozen unless {@code freeze} is false.
     *
     * @param embeddings a 2-D floating-point tensor
     * @param freeze whether the table stays fixed in training
     * @return the embedding layer
     * @throws IllegalArgumentException if {@code embeddings} is not 2-D
     */
    public static Embedding fromPretrained(Tensor embeddings, boolean freeze) {
        Embedding e = new Embedding(embeddings, null);
        e.weight.requiresGrad_(!freeze);
        return e;
    }

    @Override
    public Tensor forward(Tensor input) {
        return paddingIdx == null ? F.embedding(input, weight) : F.embedding(input, weight, paddingIdx);
    }

    @Override
    public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
