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

/**
 * A 2D U-Net: per level two 3x3 convolutions with BatchNorm and ReLU, 2x2 max pooling
 * down, pixel-shuffle up (a 1x1 convolution to four times the channels, then a reshape:
 * DJL's PyTorch engine has no transposed convolution), skip connections by concatenation,
 * and a 1x1 head giving one logit map of the input's size.
 */
public final class UNet extends AbstractBlock {

    private final int inChannels;
    private final int[] widths;
    private final List<Block> encoders = new ArrayList<>();
    private final List<Block> upsamplers = new ArrayList<>();
    private final List<Block> decoders = new ArrayList<>();
    private final Block head;

    /**
     * @param inChannels input channels (image channels plus click and previous-mask maps)
     * @param base channels of the first level; each level below doubles them
     * @param levels number of levels including the bottleneck (input size must be
     *               divisible by 2^(levels-1))
     */
    public UNet(int inChannels, int base, int levels) {
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
        NDArray x = inputs.singletonOrThrow();
        List<NDArray> skips = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                x = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
            }
            x = encoders.get(i).forward(ps, new NDList(x), training).singletonOrThrow();
            skips.add(x);
        }
        for (int u = 0; u < upsamplers.size(); u++) {
            int level = widths.length - 2 - u;
            x = pixelShuffle(upsamplers.get(u).forward(ps, new NDList(x), training).singletonOrThrow());
            x = NDArrays.concat(new NDList(x, skips.get(level)), 1);
            x = decoders.get(u).forward(ps, new NDList(x), training).singletonOrThrow();
        }
        return head.forward(ps, new NDList(x), training);
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
