package org.pointlearn.evaluation.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderProblemsTest {

    @TempDir
    Path domain;

    private Path images;
    private Path masks;

    @BeforeEach
    void layOutFolders() throws IOException {
        images = Files.createDirectories(domain.resolve("images"));
        masks = Files.createDirectories(domain.resolve("masks"));
        pair("good-1", 20, 16);
        pair("good-2", 30, 20);
    }

    private void pair(String id, int size, int square) {
        Pictures.write(Pictures.grey(size, size, 10, 200, square), "png", images.resolve(id + ".png"));
        Pictures.write(Pictures.grey(size, size, 0, 255, square / 2), "png", masks.resolve(id + ".png"));
    }

    @Test
    void reportsEachBrokenItemByNameAndReadsTheRest() throws Exception {
        Pictures.write(Pictures.grey(8, 8, 10, 200, 4), "png", images.resolve("lonely.png"));
        Pictures.write(Pictures.grey(8, 8, 10, 200, 4), "png", images.resolve("odd-size.png"));
        Pictures.write(Pictures.grey(9, 8, 0, 255, 4), "png", masks.resolve("odd-size.png"));
        Path good = Pictures.write(Pictures.grey(64, 64, 10, 200, 4), "png", images.resolve("truncated.png"));
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, Arrays.copyOf(bytes, bytes.length / 2));
        Pictures.write(Pictures.grey(64, 64, 0, 255, 4), "png", masks.resolve("truncated.png"));
        Files.writeString(images.resolve("garbage.png"), "this is not a picture");
        Pictures.write(Pictures.grey(8, 8, 0, 255, 4), "png", masks.resolve("garbage.png"));
        Pictures.write(Pictures.grey(8, 8, 10, 200, 4), "png", images.resolve("blank.png"));
        Pictures.write(Pictures.grey(8, 8, 0, 0, 0), "png", masks.resolve("blank.png"));
        Pictures.write(Pictures.grey(8, 8, 0, 255, 4), "png", masks.resolve("orphan.png"));

        Dataset dataset = new DatasetReader().read(domain);

        assertEquals(List.of("good-1", "good-2"), dataset.ids());
        Map<String, String> reasons = dataset.problems().stream().collect(Collectors.toMap(
                p -> p.file().getParent().getFileName() + "/" + p.file().getFileName(), DatasetProblem::reason));
        assertEquals(6, reasons.size(), reasons.toString());
        assertTrue(reasons.get("images/lonely.png").contains("image without mask"), reasons.toString());
        assertTrue(reasons.get("masks/odd-size.png").contains("9x8"), reasons.toString());
        assertTrue(reasons.get("masks/odd-size.png").contains("8x8"), reasons.toString());
        assertTrue(reasons.get("images/truncated.png").contains("corrupt"), reasons.toString());
        assertTrue(reasons.get("images/garbage.png").contains("unreadable"), reasons.toString());
        assertTrue(reasons.get("masks/blank.png").contains("mask is empty"), reasons.toString());
        assertTrue(reasons.get("masks/orphan.png").contains("mask without image"), reasons.toString());
    }

    @Test
    void problemsNameTheFileInTheirText() throws Exception {
        Pictures.write(Pictures.grey(8, 8, 10, 200, 4), "png", images.resolve("lonely.png"));
        DatasetProblem problem = new DatasetReader().read(domain).problems().get(0);
        assertTrue(problem.toString().contains("lonely.png"), problem.toString());
    }

    @Test
    void twoImagesWithOneIdAreBothReportedAndSkipped() throws Exception {
        Pictures.write(Pictures.grey(20, 20, 10, 200, 4), "bmp", images.resolve("good-1.bmp"));
        Dataset dataset = new DatasetReader().read(domain);
        assertEquals(List.of("good-2"), dataset.ids());
        assertEquals(2, dataset.problems().size());
        assertTrue(dataset.problems().get(0).reason().contains("good-1.bmp, good-1.png"));
    }

    @Test
    void readsFormatsOtherThanPng() throws Exception {
        Pictures.write(Pictures.grey(24, 24, 10, 200, 12), "bmp", images.resolve("bitmap.bmp"));
        Pictures.write(Pictures.grey(24, 24, 0, 255, 12), "gif", masks.resolve("bitmap.gif"));
        Dataset dataset = new DatasetReader().read(domain);
        assertEquals(List.of("bitmap", "good-1", "good-2"), dataset.ids());
        Sample s = dataset.sample("bitmap").orElseThrow();
        assertEquals(144, s.mask().area());
        assertEquals(200f, s.image().value(0, 0, 0));
    }

    @Test
    void hiddenFilesAreIgnored() throws Exception {
        Files.writeString(images.resolve(".DS_Store"), "finder data");
        assertEquals(List.of(), new DatasetReader().read(domain).problems());
    }

    @Test
    void aFolderWithoutMasksIsRefusedWithTheExpectedLayout() throws Exception {
        Files.delete(masks.resolve("good-1.png"));
        Files.delete(masks.resolve("good-2.png"));
        Files.delete(masks);
        DatasetException e = assertThrows(DatasetException.class, () -> new DatasetReader().read(domain));
        assertTrue(e.getMessage().contains("masks/<id>.<ext>"), e.getMessage());
    }
}
