package org.pointlearn.viewer.impl;

/**
 * The renderer this session uses, and why.
 *
 * @param vtk true for VTK, false for the Java2D fallback
 * @param detail the VTK version when VTK, else the reason for Java2D in words
 */
public record RendererChoice(boolean vtk, String detail) {

    /** VTK of the given version, e.g. "9.1.0". */
    public static RendererChoice vtk(String version) {
        return new RendererChoice(true, version);
    }

    /** Java2D, for the given reason, e.g. "VTK disabled by setting". */
    public static RendererChoice java2d(String reason) {
        return new RendererChoice(false, reason);
    }

    /** The status line text: "Renderer: VTK 9.1.0" or "Renderer: Java2D (reason)". */
    public String statusText() {
        return vtk ? "Renderer: VTK " + detail : "Renderer: Java2D (" + detail + ")";
    }
}
