package org.bitext.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bitext.read.InputError;
import org.bitext.render.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bitext used from Java, as a repository's ingest task would: no class of the command line is touched here. */
class PipelineApiTest {
    @TempDir
    Path tmp;

    private static final Path CORPUS = Path.of("corpus");
    private static final Path ARTICLE = CORPUS.resolve("1960-06-14_suzhou_ganbu_reference_example.txt");

    @Test
    void runAFolderThenRunItAgain() throws Exception {
        Path out = tmp.resolve("out");
        Pipeline.Summary s = Pipeline.run(CORPUS, out, Pipeline.Options.defaults());
        assertEquals(12, s.converted());
        assertEquals(0, s.failed());
        assertTrue(Files.isRegularFile(out.resolve("html/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("catalog.sqlite")));
        assertTrue(Files.isRegularFile(out.resolve("tei/1960-06-14_suzhou_ganbu_reference_example.xml")));
        Pipeline.Summary again = Pipeline.run(CORPUS, out, Pipeline.Options.defaults());
        assertEquals(12, again.unchanged());
        assertEquals(List.of(), again.deleted());
    }

    @Test
    void oneArticleToItsTeiAndRenderingsAsBytes() throws Exception {
        byte[] tei = Pipeline.tei(ARTICLE);
        String text = new String(tei, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml") && text.contains("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\""), text);
        Map<Format, byte[]> r = Pipeline.renderings(ARTICLE);
        assertEquals(List.of(Format.HTML, Format.TEXT, Format.SOURCE), List.copyOf(r.keySet()));
        // the same bytes a run writes
        Path out = tmp.resolve("one");
        Files.createDirectories(tmp.resolve("in"));
        Files.copy(ARTICLE, tmp.resolve("in").resolve(ARTICLE.getFileName()));
        Pipeline.run(tmp.resolve("in"), out, Pipeline.Options.defaults());
        assertArrayEquals(Files.readAllBytes(out.resolve("tei/1960-06-14_suzhou_ganbu_reference_example.xml")), tei);
        assertArrayEquals(Files.readAllBytes(out.resolve("text/1960-06-14_suzhou_ganbu_reference_example.txt")),
                r.get(Format.TEXT));
        assertArrayEquals(Files.readAllBytes(out.resolve("source/1960-06-14_suzhou_ganbu_reference_example.txt")),
                r.get(Format.SOURCE));
    }

    @Test
    void aBadArticleIsAnInputErrorWithItsPlace() throws Exception {
        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "");
        InputError e = assertThrows(InputError.class, () -> Pipeline.tei(bad));
        assertEquals(1, e.line());
        Path folder = tmp.resolve("batch");
        Files.createDirectories(folder);
        Files.copy(ARTICLE, folder.resolve("good.txt"));
        Files.copy(bad, folder.resolve("bad.txt"));
        Pipeline.Summary s = Pipeline.run(folder, tmp.resolve("out"), Pipeline.Options.defaults());
        assertEquals(1, s.converted());
        assertEquals(1, s.failed());
    }
}
