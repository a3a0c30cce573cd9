/** The evaluation protocol: a segmentation policy driven by the simulated user over an image sequence. */
package org.pointlearn.evaluation.protocol;
