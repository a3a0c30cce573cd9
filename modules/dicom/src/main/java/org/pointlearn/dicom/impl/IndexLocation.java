package org.pointlearn.dicom.impl;

import java.nio.file.Path;

/**
 * The folder layout of a study index: {@code index/studies.db} for the database,
 * {@code store/} for files the workstation owns (demo series under {@code store/demo/},
 * copies of imported archives under {@code store/files/}, unfinished extractions under
 * {@code store/staging/}).
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

    /** Where the files of imported archives and retrieved studies are kept, one folder per import. */
    Path copies() {
        return store().resolve("files");
    }

    /** Where archives are extracted before they are moved into {@link #copies()}; emptied on open. */
    Path staging() {
        return store().resolve("staging");
    }
}
