/** Dice-vs-clicks curves, Dice@k, NoC and their means over a policy run. */
package org.pointlearn.evaluation.metrics;
