package dev.jgrad.tensor;

/**
 * The settings of a 2-D convolution or pooling window besides the kernel: stride, zero padding on
 * each side (PyTorch pads both sides alike, except for {@code padding="same"} with an even
 * effective kernel, which pads one more on the bottom and right), dilation and groups.
 *
 * @param strideH rows between two window positions (PyTorch's {@code stride[0]})
 * @param strideW columns between two window positions ({@code stride[1]})
 * @param padTop zero rows added above the input
 * @param padBottom zero rows added below the input
 * @param padLeft zero columns added left of the input
 * @param padRight zero columns added right of the input
 * @param dilationH rows between two kernel taps ({@code dilation[0]})
 * @param dilationW columns between two kernel taps ({@code dilation[1]})
 * @param groups channel groups ({@code groups}); 1 for pooling
 */
public record Conv2dSpec(
        int strideH,
        int strideW,
        int padTop,
        int padBottom,
        int padLeft,
        int padRight,
        int dilationH,
        int dilationW,
        int groups) {

    /**
     * Checks the settings as PyTorch's convolution does.
     *
     * @param strideH rows between two window positions
     * @param strideW columns between two window positions
     * @param padTop zero rows above
     * @param padBottom zero rows below
     * @param padLeft zero columns left
     * @param padRight zero columns right
     * @param dilationH rows between two kernel taps
     * @param dilationW columns between two kernel taps
     * @param groups channel groups
     * @throws IllegalArgumentException for a non-positive stride, dilation or group count, or a negative padding
     */
    public Conv2dSpec {
        if (strideH <= 0 || strideW <= 0) {
            throw new IllegalArgumentException("non-positive stride is not supported");
        }
        if (padTop < 0 || padBottom < 0 || padLeft < 0 || padRight < 0) {
            throw new IllegalArgumentException("negative padding is not supported");
        }
        if (dilationH <= 0 || dilationW <= 0) {
            throw new IllegalArgumentException("dilation should be greater than zero");
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("non-positive groups is not supported");
        }
    }

    /**
     * Symmetric padding, as {@code F.conv2d(x, w, b, stride, padding, dilation, groups)} takes it.
     *
     * @param stride {@code (sH, sW)}
     * @param padding {@code (pH, pW)}, added on both sides
     * @param dilation {@code (dH, dW)}
     * @param groups channel groups
     * @return the spec
     */
    public static Conv2dSpec of(int[] stride, int[] padding, int[] dilation, int groups) {
        return new Conv2dSpec(
                stride[0], stride[1], padding[0], padding[0], padding[1], padding[1], dilation[0], dilation[1], groups);
    }

    /**
     * Output rows for {@code inH} input rows and a kernel of {@code kH} rows: PyTorch's
     * {@code (H + pads - dilation*(k-1) - 1) / stride + 1}, rounded down.
     *
     * @param inH input rows
     * @param kH kernel rows
     * @return output rows (may be zero or negative when the kernel does not fit)
     */
    public int outH(int inH, int kH) {
        return Math.floorDiv(inH + padTop + padBottom - dilationH * (kH - 1) - 1, strideH) + 1;
    }

    /**
     * Output columns, as {@link #outH}.
     *
     * @param inW input columns
     * @param kW kernel columns
     * @return output columns
     */
    public int outW(int inW, int kW) {
        return Math.floorDiv(inW + padLeft + padRight - dilationW * (kW - 1) - 1, strideW) + 1;
    }

    /** Whether the columns of im2col are the input itself: a 1x1 kernel, stride 1, no padding. */
    boolean isPointwise(int kH, int kW) {
        return kH == 1
                && kW == 1
                && strideH == 1
                && strideW == 1
                && padTop == 0
                && padBottom == 0
                && padLeft == 0
                && padRight == 0;
    }
}
