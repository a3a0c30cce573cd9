package org.pointlearn.evaluation.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pointlearn.imaging.api.Mask2D;
import org.pointlearn.imaging.api.Region;
import org.pointlearn.inference.api.FocusPolicy;
import org.pointlearn.inference.api.ModelCard;

/**
 * The parts of a slice a training example shows the network, drawn like the views the focus
 * policy makes at use: a first-click square centred on a point of the object (then no click
 * rounds: the network learns to answer a single click), or a square around the object grown by
 * 1.1-2.0 and shifted a little (the refinement views around a mask), now and then zoomed out
 * twice. With the "full" policy, always the whole slice.
 *
 * @param region the view
 * @param firstClick whether it is a first-click view
 */
record TrainingViews(Region region, boolean firstClick) {

    static TrainingViews draw(Mask2D mask, ModelCard.Focus focus, Random rnd) {
        return draw(mask, focus, null, rnd);
    }

    /**
     * @param firstSides null: first-click squares of the card's first side, 0.8-1.25 times; else the
     *     least and largest side (fractions of the slice's longer side) between which they are drawn
     *     log-uniformly, so that the network answers a first click alike whatever the view's scale
     */
    static TrainingViews draw(Mask2D mask, ModelCard.Focus focus, double[] firstSides, Random rnd) {
        int w = mask.width();
        int h = mask.height();
        if (focus.policy() != ModelCard.Focus.Policy.ZOOM) {
            return new TrainingViews(Region.whole(w, h), rnd.nextDouble() < 0.3);
        }
        List<int[]> inside = new ArrayList<>();
        for (int i = 0; i < w * h; i++) {
            if (mask.get(i)) {
                inside.add(new int[] {i % w, i / w});
            }
        }
        double longer = Math.max(w, h);
        if (inside.isEmpty()) {
            return new TrainingViews(Region.whole(w, h), false);
        }
        Region r;
        boolean first = rnd.nextDouble() < 0.35;
        if (first) {
            int[] p = inside.get(rnd.nextInt(inside.size()));
            double side = firstSides == null ? focus.firstSide() * longer * (0.8 + 0.45 * rnd.nextDouble())
                    : longer * firstSides[0] * Math.pow(firstSides[1] / firstSides[0], rnd.nextDouble());
            r = Region.square(p[0] + 0.5, p[1] + 0.5, side);
        } else {
            Region box = Region.squareAround(inside, 1.1 + 0.9 * rnd.nextDouble(), focus.minSide() * longer);
            double shift = 0.15 * box.width();
            r = new Region(box.x() + (rnd.nextDouble() * 2 - 1) * shift, box.y() + (rnd.nextDouble() * 2 - 1) * shift,
                    box.width(), box.height());
        }
        if (rnd.nextDouble() < 0.15) {
            r = r.scaled(2);
        }
        return new TrainingViews(FocusPolicy.fit(r, w, h), first);
    }
}
