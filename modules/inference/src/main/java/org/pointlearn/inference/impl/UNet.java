package org.pointlearn.inference.impl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A 2D U-Net: per level two 3x3 convolutions with BatchNorm and ReLU, 2x2 max pooling
 * down, pixel-shuffle up (a 1x1 convolution to four times the channels, then a reshape:
 * DJL's PyTorch engine has no transposed convolution), skip connections by concatenation,
 * and a 1x1 head giving one logit map of the input's size.
 *
 * <p>Every 3x3 convolution has a multiple of {@link #CHANNEL_MULTIPLE} output channels. The
 * oneDNN 3.7.1 inside PyTorch 2.7.1 computes the input gradient of a 3x3 convolution with
 * a blocked kernel (16 channels a block with AVX-512, 8 with AVX2) that reads the padding of
 * a partly filled output-channel block without initialising it: with, say, 4 or 24 output
 * channels the gradient holds whatever that memory held (wrong values, sometimes NaN), and
 * differs from run to run. Full blocks have no padding; the forward pass and the weight
 * gradient are not affected (measured in ConvolutionGradientTest).
 */
public final class UNet extends AbstractBlock {

    /** The output channels of every 3x3 convolution are a multiple of this; see the class comment. */
    public static final int CHANNEL_MULTIPLE = 16;

    private final int inChannels;
    private final int[] widths;
    private final List<Block> encoders = new ArrayList<>();
    private final List<Block> upsamplers = new ArrayList<>();
    private final List<Block> decoders = new ArrayList<>();
    private final Block head;

    /**
     * @param inChannels input channels (image channels plus click and previous-mask maps)
     * @param base channels of the first level, a multiple of {@link #CHANNEL_MULTIPLE}; each
     *             level below doubles them
     * @param levels number of levels including the bottleneck (input size must be
     *               divisible by 2^(levels-1))
     */
    public UNet(int inChannels, int base, int levels) {
        if (base <= 0 || base % CHANNEL_MULTIPLE != 0) {
            throw new IllegalArgumentException("base width " + base + " is not a positive multiple of "
                    + CHANNEL_MULTIPLE + " (the engine's convolution gradient is wrong for partial channel blocks)");
        }
        this.inChannels = inChannels;
        widths = new int[levels];
        for (int i = 0; i < levels; i++) {
            widths[i] = base << i;
            encoders.add(addChildBlock("enc" + i, doubleConv(widths[i])));
        }
        for (int i = levels - 2; i >= 0; i--) {
            upsamplers.add(addChildBlock("up" + i, conv(4 * widths[i], 1)));
            decoders.add(addChildBlock("dec" + i, doubleConv(widths[i])));
        }
        head = addChildBlock("head", conv(1, 1));
    }

    /** Input channels the network expects. */
    public int inputChannels() {
        return inChannels;
    }

    private static Block conv(int filters, int kernel) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2)).build();
    }

    private static Block doubleConv(int filters) {
        return new SequentialBlock()
                .add(conv(filters, 3)).add(BatchNorm.builder().build()).add(Activation::relu)
                .add(conv(filters, 3)).add(BatchNorm.builder().build()).add(Activation::relu);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(pass(ps, inputs.singletonOrThrow(), training, (block, output) -> true).output());
    }

    /**
     * Repeats the forward pass and names the first block whose output is not finite
     * ("enc0".."encN", "upN".."up0", "decN".."dec0", "head"). In training mode BatchNorm's
     * running statistics move as in any training pass.
     *
     * @param finite the test of an array
     * @return the block's name, or nothing when every output is finite
     */
    public Optional<String> firstNonFinite(ParameterStore ps, NDList inputs, boolean training, Predicate<NDArray> finite) {
        return Optional.ofNullable(pass(ps, inputs.singletonOrThrow(), training, (block, output) -> finite.test(output))
                .stoppedAt());
    }

    /** Looks at each block's output; false stops the pass there. */
    private interface Watch {
        boolean goOn(String block, NDArray output);
    }

    /** The network's output, or the block where the watch stopped the pass (output then null). */
    private record Pass(NDArray output, String stoppedAt) {
    }

    private Pass pass(ParameterStore ps, NDArray input, boolean training, Watch watch) {
        NDArray x = input;
        List<NDArray> skips = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            }
            x = encoders.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            if (!watch.goOn("enc" + i, x)) {
                return new Pass(null, "enc" + i);
            }
            skips.add(x);
        }
        for (int u = 0; u < upsamplers.size(); u++) {
            int level = widths.length - 2 - u;
            x = pixelShuffle(upsamplers.get(u).forward(ps, new NDList(x), training).singletonOrThrow());
            if (!watch.goOn("up" + level, x)) {
                return new Pass(null, "up" + level);
            }
            x = NDArrays.concat(new NDList(x, skips.get(level)), 1);
            x = decoders.get(u).forward(ps, new NDList(x), training).singletonOrThrow();
            if (!watch.goOn("dec" + level, x)) {
                return new Pass(null, "dec" + level);
            }
        }
        x = head.forward(ps, new NDList(x), training).singletonOrThrow();
        return watch.goOn("head", x) ? new Pass(x, null) : new Pass(null, "head");
    }

    /** (n, 4c, h, w) -> (n, c, 2h, 2w). */
    static NDArray pixelShuffle(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long n = in.get(0);
        long h = in.get(2);
        long w = in.get(3);
        long channels = in.get(1);
        for (int i = 0; i < widths.length; i++) {
            long f = 1L << i;
            encoders.get(i).initialize(manager, dataType, new Shape(n, channels, h / f, w / f));
            channels = widths[i];
        }
        for (int u = 0; u < upsamplers.size(); u++) {
            int level = widths.length - 2 - u;
            long f = 1L << (level + 1);
            upsamplers.get(u).initialize(manager, dataType, new Shape(n, channels, h / f, w / f));
            decoders.get(u).initialize(manager, dataType, new Shape(n, 2L * widths[level], 2 * h / f, 2 * w / f));
            channels = widths[level];
        }
        head.initialize(manager, dataType, new Shape(n, channels, h, w));
    }
}
