package org.pointlearn.dicom.impl;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportFailure;

/**
 * The image files a DICOMDIR (PS3.10 media directory) references, referenced in place.
 * Records come back in file order, not directory order; references to missing files are
 * reported, not fatal.
 */
final class DicomDirSource {

    private static final String NAME = "DICOMDIR";

    private DicomDirSource() {
    }

    /** Whether a file is called DICOMDIR (any case), as media directories are. */
    static boolean isNamedDicomDir(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equalsIgnoreCase(NAME);
    }

    /**
     * Reads the directory and lists the files it references.
     *
     * @throws DicomException when the DICOMDIR cannot be read or has no directory records
     */
    static ImportSet list(Path dicomDir) throws DicomException {
        AttributeList list = new AttributeList();
        try {
            list.read(dicomDir.toFile());
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            throw new DicomException("Cannot read the DICOMDIR " + dicomDir + ": " + e.getMessage(), e);
        }
        if (!(list.get(TagFromName.DirectoryRecordSequence) instanceof SequenceAttribute records)) {
            throw new DicomException(dicomDir + " is not a DICOMDIR: it has no directory record sequence");
        }
        Path base = dicomDir.toAbsolutePath().getParent();
        Set<Path> files = new TreeSet<>();
        ArrayList<ImportFailure> missing = new ArrayList<>();
        for (int i = 0; i < records.getNumberOfItems(); i++) {
            String[] id = Attribute.getStringValues(records.getItem(i).getAttributeList(), TagFromName.ReferencedFileID);
            if (id == null || id.length == 0) {
                continue;
            }
            Path file = resolve(base, id);
            if (Files.isRegularFile(file)) {
                files.add(file);
            } else {
                missing.add(new ImportFailure(file.toString(), "listed in the DICOMDIR but missing"));
            }
        }
        return new ImportSet(files.stream().map(ImportCandidate::inPlace).toList(), missing, null);
    }

    /** The file of a ReferencedFileID; components matched ignoring case when the exact name is absent. */
    private static Path resolve(Path base, String[] components) {
        Path path = base;
        for (String component : components) {
            String name = component.trim();
            Path exact = path.resolve(name);
            path = Files.exists(exact) ? exact : caseInsensitive(path, name).orElse(exact);
        }
        return path;
    }

    private static Optional<Path> caseInsensitive(Path folder, String name) {
        File[] entries = folder.toFile().listFiles();
        if (entries == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (File entry : entries) {
            if (entry.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(entry.toPath());
            }
        }
        return Optional.empty();
    }
}
