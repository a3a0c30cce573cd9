package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pointlearn.lib.dicom.GdcmRuntime;
import org.pointlearn.dicom.SharedData;

/**
 * Every DICOM file of the shared corpus decodes to the stored values dcmtk decodes; JPEG
 * 2000 (which dcmtk cannot decode) to the values of the same image stored uncompressed.
 */
class CorpusDecodingTest {

    private static final Path CORPUS = SharedData.path("dicom");
    private static final Path SAME_IMAGE_UNCOMPRESSED = CORPUS.resolve("transfer-syntaxes/1.dcm");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            return walk.filter(p -> p.toString().endsWith(".dcm")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void decodesAsDcmtkDoes(Path file, @TempDir Path work) throws Exception {
        assumeTrue(Dcmtk.available(), "dcmtk is not installed");
        AttributeList list = read(file);
        String syntax = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.TransferSyntaxUID).trim();
        if (GdcmFrames.handles(syntax)) {
            assumeTrue(GdcmRuntime.available(), "GDCM (libgdcm-java) is not installed: " + GdcmRuntime.failure());
        }

        int[] ours = StoredPixels.decode(list, file)[0];

        int[] reference = DcmtkReference.decodes(syntax)
                ? storedValues(DcmtkReference.words(file, syntax, work), list)
                : StoredPixels.decode(read(SAME_IMAGE_UNCOMPRESSED), SAME_IMAGE_UNCOMPRESSED)[0];
        assertEquals(reference.length, ours.length, file + ": pixel count");
        assertArrayEquals(reference, ours, file + " (" + syntax + ")");
    }

    /** dcmtk's raw words reduced to BitsStored bits at HighBit, sign-extended when signed. */
    private static int[] storedValues(short[] words, AttributeList list) {
        int bitsStored = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsStored, 16);
        int highBit = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.HighBit, bitsStored - 1);
        boolean signed = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.PixelRepresentation, 0) == 1;
        int pixels = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0)
                * Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
        int[] values = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            int v = ((words[i] & 0xffff) >> (highBit + 1 - bitsStored)) & ((1 << bitsStored) - 1);
            values[i] = signed && v >= 1 << (bitsStored - 1) ? v - (1 << bitsStored) : v;
        }
        return values;
    }

    private static AttributeList read(Path file) throws Exception {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(file.toFile());
        return list;
    }
}
