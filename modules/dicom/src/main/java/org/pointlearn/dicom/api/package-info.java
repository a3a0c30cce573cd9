/** placeholder */
package org.pointlearn.dicom.api;
