/** The simulated user of the evaluation protocol. */
package org.pointlearn.evaluation.clicker;
