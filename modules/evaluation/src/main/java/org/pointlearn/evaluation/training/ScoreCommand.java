package org.pointlearn.evaluation.training;

import org.pointlearn.evaluation.cli.Arguments;
import org.pointlearn.evaluation.cli.CardOverrides;
import org.pointlearn.evaluation.clicker.SimulatedUser;
import org.pointlearn.inference.api.ComputeDevice;
import org.pointlearn.inference.api.SegmentationModel;

/**
 * Command line: measures a trained model on its validation split and writes the scores into its
 * card, as the trainer does for the epoch it keeps. For a model taken from a checkpoint (the last
 * epoch of a resumed run rather than the best by validation Dice), whose card still holds the
 * scores of the epoch kept before. The data options are those of the training run
 * ({@code --data}, {@code --groups}, {@code --seed}, {@code --val}), so the split is the same.
 * With {@code --card} (as {@code make eval}'s: {@code focus.firstSide=0.2,...}) the card's focus and
 * edit rules are set first and kept: how a trained model is to be used is decided by measurement
 * and written into its card with the scores it gives.
 * {@code ScoreCommand --data <domain folder>[,...] --out <model folder> [--groups ...] [--card name=value,...]}
 */
public final class ScoreCommand {

    private ScoreCommand() {
    }

    /**
     * Scores and saves the model in place.
     *
     * @param args see {@link TrainingOptions}; {@code --out} is the model folder
     * @throws Exception on failure (the message says what went wrong)
     */
    public static void main(String[] args) throws Exception {
        TrainingOptions o = TrainingOptions.parse(args);
        String card = Arguments.parse(args, java.util.Set.of()).getOrDefault("card", "");
        ComputeDevice device = TrainCommand.device();
        TrainingData data = TrainingData.read(o.data, o.groups, o.validationFraction, o.seed, System.out);
        try (SegmentationModel model = SegmentationModel.load(o.out, device.device())) {
            model.describeAs(CardOverrides.apply(model.card(), card));
            ValidationScore v = ValidationScore.measure(model, data, new SimulatedUser());
            Object epochs = model.card().training().get("epochsDone");
            model.describeAs(v.writeInto(model.card()).toBuilder().metric("bestEpoch", epochs).build());
            model.save(o.out);
            System.out.printf("%s: val dice@1 %.3f @3 %.3f @5 %.3f  %s%n", model.card().version(), v.diceAt1(), v.diceAt3(),
                    v.diceAt5(), v.byDomainText());
        }
    }
}
