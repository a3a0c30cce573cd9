/** Reading domain folders of image/mask pairs and splitting them by patient. */
package org.pointlearn.evaluation.data;
