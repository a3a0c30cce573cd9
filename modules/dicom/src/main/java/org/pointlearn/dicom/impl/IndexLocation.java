package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * The folder layout of a study index: {@code index/studies.db} for the database,
 * {@code store/} for files the workstation owns (demo series under {@code store/demo/}).
 *
 * @param root the index folder, e.g. {@code <user dir>/pointlearn}
 */
record IndexLocation(Path root) {

    /** The SQLite database file. */
    Path database() {
        return root.resolve("index").resolve("studies.db");
    }

    /** Where copied and created DICOM files live. */
    Path store() {
        return root.resolve("store");
    }

    /** Where demo series are built, one folder per series. */
    Path demo() {
        return store().resolve("demo");
    }
}
