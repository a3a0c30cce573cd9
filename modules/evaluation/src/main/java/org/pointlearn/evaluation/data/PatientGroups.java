package org.pointlearn.evaluation.data;

/**
 * The patient (or patient + study) an image belongs to, read from its id, so that slices of one
 * patient never end up on both sides of a train/validation split.
 */
public final class PatientGroups {

    private PatientGroups() {
    }

    /**
     * The group of an id: the part before the last {@code _} ({@code BraTS-MET-00230-000_1057}
     * gives {@code BraTS-MET-00230-000}); the id itself when it has no {@code _}, or when that
     * part holds no digit and so names a dataset rather than a patient ({@code IDRiD_01} stays
     * {@code IDRiD_01}, otherwise all of IDRiD would be one group).
     */
    public static String of(String id) {
        int cut = id.lastIndexOf('_');
        if (cut <= 0) {
            return id;
        }
        String prefix = id.substring(0, cut);
        return prefix.chars().anyMatch(Character::isDigit) ? prefix : id;
    }
}
