/** Online adaptation: the interactive session loop, model updates from clicks, and model versions. */
package org.pointlearn.adaptation.api;
