package org.pointlearn.evaluation.data;

import java.nio.file.Path;

/**
 * A file of a domain folder that was left out of the read, and why.
 *
 * @param file the image or mask file concerned
 * @param reason what is wrong with it, in words a user can act on
 */
public record DatasetProblem(Path file, String reason) {

    @Override
    public String toString() {
        return file + ": " + reason;
    }
}
