/** Pointlearn branding: window title, splash and about box text live in src/main/nbm-branding. */
package org.pointlearn.branding;
