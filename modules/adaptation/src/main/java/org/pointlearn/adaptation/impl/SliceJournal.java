package org.pointlearn.adaptation.impl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pointlearn.adaptation.api.SliceDraft;
import org.pointlearn.adaptation.api.Strokes;
import org.pointlearn.imaging.api.AtomicFiles;
import org.pointlearn.inference.api.Click;

/**
 * The slice in progress on disk, so that its clicks and strokes survive a crash or kill -9:
 * one small text file, rewritten atomically after every click, stroke, undo and redo, deleted
 * when the slice is accepted or given up. Lines: {@code pointlearn-journal 1}, {@code series
 * <uid>}, {@code title <words>}, {@code slice <k>}, one {@code click <x> <y> <+|->} per click
 * in order, one {@code other-square <i>} per click whose other square's mask the user chose
 * (key S; older journals have none), and the strokes' effect as {@code painted}/{@code erased}
 * bit sets (Base64).
 */
public final class SliceJournal {

    private static final String HEADER = "pointlearn-journal 1";

    private final Path file;

    /** @param file where the journal lives */
    public SliceJournal(Path file) {
        this.file = file;
    }

    /** Writes the entry over the one before, atomically. */
    public void write(SliceDraft e) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("series ").append(e.series()).append('\n');
        b.append("title ").append(e.title().replace('\n', ' ')).append('\n');
        b.append("slice ").append(e.slice()).append('\n');
        for (Click c : e.clicks()) {
            b.append("click ").append(c.x()).append(' ').append(c.y()).append(' ').append(c.positive() ? '+' : '-')
                    .append('\n');
        }
        // one line per press of S (a journal of before the third square has at most one per click)
        for (Map.Entry<Integer, Integer> p : new TreeMap<>(e.otherSquares()).entrySet()) {
            for (int n = 0; n < p.getValue(); n++) {
                b.append("other-square ").append(p.getKey()).append('\n');
            }
        }
        if (e.strokes() != null) {
            b.append("painted ").append(bits(e.strokes().in())).append('\n');
            b.append("erased ").append(bits(e.strokes().out())).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, b.toString());
    }

    /**
     * The entry on disk, if any.
     *
     * @throws IOException when the file exists but cannot be read or is not a journal (it is
     *     then left where it is, for the user to look at)
     */
    public Optional<SliceDraft> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file + " is not a journal of this version");
        }
        String uid = null;
        String title = "";
        int slice = -1;
        List<Click> clicks = new ArrayList<>();
        Map<Integer, Integer> otherSquares = new TreeMap<>();
        BitSet painted = null;
        BitSet erased = null;
        try {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(" ", 2);
                String rest = f.length > 1 ? f[1] : "";
                switch (f[0]) {
                    case "series" -> uid = rest;
                    case "title" -> title = rest;
                    case "slice" -> slice = Integer.parseInt(rest);
                    case "click" -> {
                        String[] p = rest.split(" ");
                        clicks.add(new Click(Integer.parseInt(p[0]), Integer.parseInt(p[1]), p[2].equals("+")));
                    }
                    case "other-square" -> otherSquares.merge(Integer.parseInt(rest), 1, Integer::sum);
                    case "painted" -> painted = BitSet.valueOf(Base64.getDecoder().decode(rest));
                    case "erased" -> erased = BitSet.valueOf(Base64.getDecoder().decode(rest));
                    default -> { }
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
        if (uid == null || slice < 0) {
            throw new IOException(file + " names no series or slice");
        }
        Strokes strokes = painted == null || erased == null ? null : new Strokes(painted, erased);
        return Optional.of(new SliceDraft(uid, title, slice, clicks, strokes, otherSquares));
    }

    /** Removes the journal (the slice was accepted or given up). */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    private static String bits(BitSet b) {
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }
}
