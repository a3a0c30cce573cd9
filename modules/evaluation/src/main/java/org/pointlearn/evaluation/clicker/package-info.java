/** The simulated user of the evaluation protocol and the distance transform it relies on. */
package org.pointlearn.evaluation.clicker;
