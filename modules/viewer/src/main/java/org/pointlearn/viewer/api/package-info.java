/**
 * The viewer's public API: empty for now. Other modules reach the viewer through the DICOM
 * module's {@code SeriesOpener}, which the viewer registers in the default Lookup.
 */
package org.pointlearn.viewer.api;
