package org.pointlearn.dicom.impl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.pointlearn.dicom.api.DicomException;
import org.pointlearn.dicom.api.ImportFailure;
import org.pointlearn.dicom.api.ImportMonitor;

/**
 * The files of a zip archive, copied into the store: extracted into a staging folder
 * first and moved into {@code store/files/<id>} in one rename, so a crash leaves either
 * nothing or a complete copy (staging folders are removed when the index opens).
 */
final class ZipSource {

    private final IndexLocation location;

    /** @param location the index whose store receives the copies */
    ZipSource(IndexLocation location) {
        this.location = location;
    }

    /** Whether a file starts like a zip archive ("PK\3\4"). */
    static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(4);
            return start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Extracts every file entry. Entries whose names leave the archive's folder are refused.
     *
     * @return the copies, or an empty set when the monitor cancelled during extraction
     * @throws DicomException when the archive cannot be read or the store cannot be written
     */
    ImportSet extract(Path zip, ImportMonitor monitor) throws DicomException {
        String id = UUID.randomUUID().toString();
        Path staging = location.staging().resolve(id);
        Path target = location.copies().resolve(id);
        List<ImportFailure> refused = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements() && !monitor.isCancelled()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || DicomDirSource.isNamedDicomDir(Path.of(entry.getName()))) {
                    continue;
                }
                Path copy = staging.resolve(entry.getName()).normalize();
                if (!copy.startsWith(staging) || copy.equals(staging)) {
                    refused.add(new ImportFailure(label(zip, entry.getName()), "unsafe name: it points outside the archive"));
                    continue;
                }
                Files.createDirectories(copy.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, copy);
                }
                names.add(entry.getName());
            }
            if (monitor.isCancelled()) {
                FileTrees.delete(staging);
                return new ImportSet(List.of(), refused, null);
            }
            moveIntoStore(staging, target);
        } catch (IOException e) {
            FileTrees.deleteQuietly(staging);
            throw new DicomException("Cannot extract the zip file " + zip + " into the store " + location.store()
                    + ": " + e.getMessage(), e);
        }
        List<ImportCandidate> candidates = names.stream().sorted()
                .map(name -> new ImportCandidate(target.resolve(name).normalize(), label(zip, name)))
                .toList();
        return new ImportSet(candidates, refused, target);
    }

    private static void moveIntoStore(Path staging, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(staging)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.createDirectories(target);
        }
    }

    private static String label(Path zip, String entry) {
        return zip + "!" + entry;
    }
}
