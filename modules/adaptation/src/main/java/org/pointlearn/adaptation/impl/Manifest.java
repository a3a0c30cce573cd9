package org.pointlearn.adaptation.impl;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pointlearn.adaptation.api.ModelVersion;

/**
 * The store's table of contents ({@code manifest.json}): the versions in order and the
 * active one. Also the JSON form of an exported lineage.
 */
public final class Manifest {

    /** Format of this manifest. */
    public static final int FORMAT = 1;

    /** Gson able to write versions (times as ISO-8601 text). */
    public static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Instant.class, new InstantAdapter()).create();

    /** Manifest format. */
    public int format = FORMAT;
    /** The model the lineage starts from (its card's version). */
    public String baseModel;
    /** Id of the active version. */
    public String active;
    /** Every version, oldest first. */
    public List<ModelVersion> versions = new ArrayList<>();

    /** This manifest as JSON. */
    public String toJson() {
        return GSON.toJson(this);
    }

    /**
     * Parses a manifest.
     *
     * @throws IOException when the text is not a usable manifest, saying why
     */
    public static Manifest parse(String json) throws IOException {
        Manifest m;
        try {
            m = GSON.fromJson(json, Manifest.class);
        } catch (JsonParseException e) {
            throw new IOException("not valid JSON: " + e.getMessage(), e);
        }
        if (m == null || m.versions == null || m.versions.isEmpty()) {
            throw new IOException("it lists no versions");
        }
        if (m.format != FORMAT) {
            throw new IOException("format " + m.format + " (this version reads format " + FORMAT + ")");
        }
        if (m.versions.stream().noneMatch(v -> v.id().equals(m.active))) {
            throw new IOException("its active version '" + m.active + "' is not among its versions");
        }
        return m;
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Instant.parse(in.nextString());
        }
    }
}
