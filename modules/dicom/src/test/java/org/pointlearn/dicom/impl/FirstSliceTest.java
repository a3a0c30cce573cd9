package org.pointlearn.dicom.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pointlearn.dicom.api.SeriesRef;
import org.pointlearn.imaging.api.Volume;
import org.pointlearn.imaging.api.WindowLevel;
import org.pointlearn.dicom.SharedData;

class FirstSliceTest {

    private static final Path EPI = SharedData.path("dicom/mr-epi-series-63");

    @Test
    void theFirstSliceIsTheFirstOfTheStackAndIsReadAlone(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir, Colin27.TEMPLATE);
        index.importFolder(EPI);
        SeriesRef series = LocalStudyIndexTest.onlySeries(index);

        long start = System.nanoTime();
        Volume first = index.loadFirstSlice(series);
        double seconds = (System.nanoTime() - start) / 1e9;
        Volume all = index.loadSeries(series);

        assertEquals(1, first.geometry().depth());
        assertArrayEquals(all.slice(0), first.slice(0), "instance 63 is the first along the slice normal");
        assertArrayEquals(all.geometry().origin(), first.geometry().origin(), 1e-9);
        assertEquals(true, seconds < 0.5, "first slice took " + seconds + " s");
    }

    @Test
    void theWindowTheFilesSuggestIsOffered(@TempDir Path dir) throws Exception {
        LocalStudyIndex index = new LocalStudyIndex(dir, Colin27.TEMPLATE);
        index.importFolder(EPI);
        LocalStudyIndex syntaxes = new LocalStudyIndex(dir.resolve("syntaxes"), Colin27.TEMPLATE);
        syntaxes.importFolder(SharedData.path("dicom/transfer-syntaxes"));

        assertEquals(List.of(new WindowLevel(905, 2787)), index.windowPresets(LocalStudyIndexTest.onlySeries(index)));
        assertEquals(new WindowLevel(763, 1639), syntaxes.windowPresets(syntaxes.studies().get(0).series().get(0))
                .get(0));
    }
}
