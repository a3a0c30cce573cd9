/** placeholder */
package org.pointlearn.lib.dicom;
