/** The DICOM toolkit wrapper: PixelMed and GDCM live here, and {@link org.pointlearn.lib.dicom.GdcmRuntime} loads GDCM's natives. */
package org.pointlearn.lib.dicom;
