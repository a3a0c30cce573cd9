package org.pointlearn.inference.api;

/**
 * A user's click on an image: a positive click says "this pixel belongs to the object",
 * a negative one "this pixel does not".
 *
 * @param x column, in pixels of the image clicked
 * @param y row, in pixels of the image clicked
 * @param positive whether the pixel belongs to the object
 */
public record Click(int x, int y, boolean positive) {
}
