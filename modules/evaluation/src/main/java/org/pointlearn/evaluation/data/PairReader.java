package org.pointlearn.evaluation.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pointlearn.imaging.api.Image2D;
import org.pointlearn.imaging.api.Mask2D;

/** Reads one image/mask pair, writing down every reason to skip it. */
final class PairReader {

    private final List<DatasetProblem> problems;

    /** @param problems where the reasons for skipping a pair are added */
    PairReader(List<DatasetProblem> problems) {
        this.problems = problems;
    }

    /** The sample, or empty when a file is unreadable, the sizes differ or the mask is empty. */
    Optional<Sample> read(String id, Path imageFile, Path maskFile) {
        Optional<BufferedImage> picture = decode(imageFile);
        Optional<BufferedImage> maskPicture = decode(maskFile);
        if (picture.isEmpty() || maskPicture.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage p = picture.get();
        BufferedImage m = maskPicture.get();
        if (p.getWidth() != m.getWidth() || p.getHeight() != m.getHeight()) {
            problems.add(new DatasetProblem(maskFile, "mask is " + m.getWidth() + "x" + m.getHeight()
                    + " but image " + imageFile.getFileName() + " is " + p.getWidth() + "x" + p.getHeight()
                    + "; mask and image must have the same size"));
            return Optional.empty();
        }
        Mask2D mask = RasterConversion.toMask(m);
        if (mask.area() == 0) {
            problems.add(new DatasetProblem(maskFile, "mask is empty (no non-zero pixel), nothing to segment"));
            return Optional.empty();
        }
        Image2D image = RasterConversion.toImage(p);
        return Optional.of(new Sample(id, image, mask));
    }

    private Optional<BufferedImage> decode(Path file) {
        try {
            return Optional.of(PictureFiles.decode(file));
        } catch (UnreadableFileException e) {
            problems.add(new DatasetProblem(file, e.getMessage()));
            return Optional.empty();
        }
    }
}
