package org.bitext.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitext.Corpus;
import org.bitext.catalog.CatalogException;
import org.bitext.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index follows the catalog: after a run in which one input changed, one was added and one was removed, an update
 * indexes exactly the changed and the added article, removes the removed one and leaves the unchanged one alone; an
 * update with nothing changed does nothing.
 */
class SearchIndexUpdateTest {
    static final String SUZHOU = "1960-06-14_suzhou_ganbu_reference_example.txt";
    static final String TYPHOON = "1960-06-05_taifeng_jingbao_dash_ranges.txt";
    static final String TRACTOR = "1960-06-06_tuqiche_column_line_in_en_header.txt";
    static final String CAPTION = "1950-10-01_tupian_caption_blank_header_lines.txt";

    @TempDir
    Path tmp;

    static long hits(Path out, String q) throws IOException {
        try (Searcher s = Searcher.open(out)) {
            return s.search(Searcher.Query.of(q)).total();
        }
    }

    @Test
    void changedAddedAndDeletedArticlesAndNothingElse() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        Files.createDirectories(in);
        for (String f : new String[] {SUZHOU, TYPHOON, TRACTOR}) {
            Files.copy(Corpus.DIR.resolve(f), in.resolve(f));
        }
        Pipeline.Options o = Pipeline.Options.defaults().withJobs(2, false, null).withSearchIndex(false);
        Pipeline.run(in, out, o);
        assertEquals(new SearchIndex.Counts(3, 0, 0, 0, 0, counts(out).sentences()), counts(out));
        assertEquals(0, hits(out, "zanzibarite"));
        long typhoon = hits(out, "台风");
        assertTrue(typhoon > 0);
        assertEquals(0, hits(out, "新中国"));

        // one changed (a word added to an English paragraph), one added, one removed
        String text = Files.readString(in.resolve(SUZHOU), StandardCharsets.UTF_8);
        Files.writeString(in.resolve(SUZHOU), text.replaceFirst("With the exception of essential cadres",
                "With the exception of essential zanzibarite cadres"), StandardCharsets.UTF_8);
        Files.copy(Corpus.DIR.resolve(CAPTION), in.resolve(CAPTION));
        Files.delete(in.resolve(TYPHOON));
        Pipeline.run(in, out, o);
        long before = hits(out, "干部");
        SearchIndex.Counts c = SearchIndex.updateFrom(out);
        assertEquals(1, c.added(), c.toString());
        assertEquals(1, c.changed(), c.toString());
        assertEquals(1, c.deleted(), c.toString());
        assertEquals(1, c.unchanged(), c.toString());
        assertEquals(0, c.failed(), c.toString());
        assertEquals(1, hits(out, "zanzibarite"));
        assertEquals(0, hits(out, "台风"), "the removed article's sentences are gone");
        assertTrue(hits(out, "新中国") > 0, "the added article is found");
        assertEquals(before, hits(out, "干部"), "the unchanged and the changed article are found as before");

        // nothing changed: nothing done
        assertEquals(new SearchIndex.Counts(0, 0, 0, 3, 0, 0), SearchIndex.updateFrom(out));
    }

    private SearchIndex.Counts counts(Path out) throws Exception {
        Path marker = tmp.resolve("first-counts");
        if (!Files.exists(marker)) {
            SearchIndex.Counts c = SearchIndex.updateFrom(out);
            Files.writeString(marker, c.added() + " " + c.sentences());
            return c;
        }
        String[] v = Files.readString(marker).split(" ");
        return new SearchIndex.Counts(Integer.parseInt(v[0]), 0, 0, 0, 0, Long.parseLong(v[1]));
    }

    /** run brings the index up to date after its batch: what it converted is found, what has gone is not. */
    @Test
    void runKeepsTheIndexUpToDate() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        Files.createDirectories(in);
        for (String f : new String[] {SUZHOU, TYPHOON}) {
            Files.copy(Corpus.DIR.resolve(f), in.resolve(f));
        }
        Pipeline.run(in, out, Pipeline.Options.defaults().withJobs(1, false, null));
        assertTrue(hits(out, "台风") > 0);
        assertTrue(hits(out, "干部") > 0);
        Files.delete(in.resolve(TYPHOON));
        Pipeline.run(in, out, Pipeline.Options.defaults().withJobs(1, false, null));
        assertEquals(0, hits(out, "台风"), "the removed article is gone from the index");
        assertEquals(new SearchIndex.Counts(0, 0, 0, 1, 0, 0), SearchIndex.updateFrom(out), "nothing left to do");
    }

    /**
     * run indexes each article from the tree its worker has; the index is the one that bitext index makes from the
     * TEI files: the same hits, texts, marks and counterparts for every query, and nothing left to do after it.
     */
    @Test
    void runIndexesFromItsTreesWhatIndexMakesFromTheTeiFiles() throws Exception {
        Path out = tmp.resolve("out");
        Pipeline.run(Corpus.DIR, out, Pipeline.Options.defaults().withJobs(2, false, null));
        Path rebuilt = tmp.resolve("rebuilt");
        Files.createDirectories(rebuilt);
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path rel = out.relativize(f);
                if (!rel.startsWith(SearchIndex.FOLDER)) {
                    Files.createDirectories(rebuilt.resolve(rel).getParent());
                    Files.copy(f, rebuilt.resolve(rel));
                }
            }
        }
        assertEquals(12, SearchIndex.updateFrom(rebuilt).added());
        assertEquals(new SearchIndex.Counts(0, 0, 0, 12, 0, 0), SearchIndex.updateFrom(out), "nothing left to do");
        try (Searcher a = Searcher.open(out); Searcher b = Searcher.open(rebuilt)) {
            for (String q : new String[] {"干部", "cadre", "人民", "台风", "\"leading cadres\"", "干部 cadres", "the"}) {
                Searcher.Results x = a.search(Searcher.Query.of(q).withResults(1, Searcher.MAX_SIZE));
                Searcher.Results y = b.search(Searcher.Query.of(q).withResults(1, Searcher.MAX_SIZE));
                assertEquals(y.total(), x.total(), q);
                assertEquals(y.facets(), x.facets(), q);
                // hits of equal score may come in another order from two indexes built in another order
                java.util.Comparator<Searcher.Hit> order = java.util.Comparator.comparing(Searcher.Hit::article)
                        .thenComparing(Searcher.Hit::sentence);
                assertEquals(y.hits().stream().sorted(order).toList(), x.hits().stream().sorted(order).toList(), q);
            }
        }
    }

    @Test
    void anUnreadableTeiIsReportedAndTheOthersAreIndexed() throws Exception {
        Path in = tmp.resolve("in");
        Path out = tmp.resolve("out");
        Files.createDirectories(in);
        for (String f : new String[] {SUZHOU, TYPHOON}) {
            Files.copy(Corpus.DIR.resolve(f), in.resolve(f));
        }
        Pipeline.run(in, out, Pipeline.Options.defaults().withJobs(1, false, null).withSearchIndex(false));
        Path broken = out.resolve("tei").resolve(TYPHOON.replace(".txt", ".xml"));
        Files.writeString(broken, "<TEI");
        java.util.List<String> problems = new java.util.ArrayList<>();
        SearchIndex.Counts c = SearchIndex.updateFrom(out, 1, problems::add);
        assertEquals(1, c.added(), c.toString());
        assertEquals(1, c.failed(), c.toString());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("tei/" + broken.getFileName() + ": error: cannot index"), problems.get(0));
        assertTrue(hits(out, "干部") > 0);
        // repaired by the next run: indexed by the next update
        Pipeline.run(in, out, Pipeline.Options.defaults().withJobs(1, false, null).withSearchIndex(false));
        SearchIndex.Counts again = SearchIndex.updateFrom(out);
        assertEquals(0, again.failed(), again.toString());
        assertTrue(hits(out, "台风") > 0);
    }

    @Test
    void aFolderWithoutCatalogIsAPlainError() {
        CatalogException e = assertThrows(CatalogException.class, () -> SearchIndex.updateFrom(tmp));
        assertTrue(e.getMessage().contains("no catalog"), e.getMessage());
    }

    @Test
    void oneWriterAtATime() throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(tmp.resolve("in"));
        Files.copy(Corpus.DIR.resolve(TYPHOON), tmp.resolve("in").resolve(TYPHOON));
        Pipeline.run(tmp.resolve("in"), out, Pipeline.Options.defaults().withJobs(1, false, null).withSearchIndex(false));
        try (SearchIndex held = SearchIndex.open(out)) {
            IOException e = assertThrows(IOException.class, () -> SearchIndex.updateFrom(out));
            assertTrue(e.getMessage().contains("another bitext"), e.getMessage());
        }
        assertEquals(1, SearchIndex.updateFrom(out).added());
    }
}
