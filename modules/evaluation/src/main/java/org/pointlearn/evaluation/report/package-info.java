/** The report files of an evaluation: summary.csv, per_image.csv and the Dice-vs-clicks chart. */
package org.pointlearn.evaluation.report;
