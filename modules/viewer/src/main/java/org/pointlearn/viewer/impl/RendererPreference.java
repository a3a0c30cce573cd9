package org.pointlearn.viewer.impl;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.openide.util.NbPreferences;

/**
 * Which slice renderer the user asked for: the setting {@code pointlearn.renderer}, read
 * from the system property of that name, else the environment variable
 * {@code POINTLEARN_RENDERER}, else the viewer module's preferences.
 */
public enum RendererPreference {

    /** VTK when it can render here, else Java2D. */
    AUTO,
    /** VTK; still falls back to Java2D, with the reason, when it cannot render. */
    VTK,
    /** Java2D only; VTK is never probed. */
    JAVA2D;

    /** Name of the setting as system property and preference key. */
    public static final String KEY = "pointlearn.renderer";

    /** Name of the environment variable holding the setting. */
    public static final String ENVIRONMENT_VARIABLE = "POINTLEARN_RENDERER";

    private static final Logger LOG = Logger.getLogger(RendererPreference.class.getName());

    /** The preference of this session, from system property, environment or preferences. */
    public static RendererPreference current() {
        return resolve(System.getProperty(KEY), System.getenv(ENVIRONMENT_VARIABLE),
                () -> NbPreferences.forModule(RendererPreference.class).get(KEY, null));
    }

    /**
     * The first setting given, in order of precedence; {@link #AUTO} when none is.
     *
     * @param systemProperty value of the system property, or null
     * @param environment value of the environment variable, or null
     * @param preferences reads the stored preference, or gives null; asked only when needed
     * @return the preference
     */
    public static RendererPreference resolve(String systemProperty, String environment,
            Supplier<String> preferences) {
        if (isGiven(systemProperty)) {
            return parse(systemProperty, "system property " + KEY);
        }
        if (isGiven(environment)) {
            return parse(environment, "environment variable " + ENVIRONMENT_VARIABLE);
        }
        String stored = preferences.get();
        return isGiven(stored) ? parse(stored, "preference " + KEY) : AUTO;
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }

    private static RendererPreference parse(String value, String source) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                return AUTO;
            case "vtk":
                return VTK;
            case "java2d":
                return JAVA2D;
            default:
                LOG.warning(() -> source + " is '" + value + "'; expected auto, vtk or java2d. Using auto.");
                return AUTO;
        }
    }
}
