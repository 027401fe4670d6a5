package org.bitext.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bitext.Corpus;
import org.bitext.batch.Hashes;
import org.bitext.catalog.Catalog;
import org.bitext.render.Renderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site {@code run} writes from its catalog: year and month pages, the reading views' previous and next links
 * kept right as articles are added, fail and disappear, month pages split into pages, and report.json naming the
 * bytes on disk throughout.
 */
class SiteTest {
    private static final String TAIFENG = "1960-06-05_taifeng_jingbao_dash_ranges";
    private static final String ZHUOZHUANG = "1960-06-01_zhuozhuang_youmiao_picture";
    private static final String TUQICHE = "1960-06-06_tuqiche_column_line_in_en_header";

    @TempDir
    Path tmp;

    private Path corpusCopy() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (Path a : Corpus.articles()) {
            Files.copy(a, in.resolve(a.getFileName()));
        }
        return in;
    }

    @Test
    void yearAndMonthPagesCountTheArticles() throws Exception {
        Path in = corpusCopy();
        Path out = tmp.resolve("out");
        Pipeline.run(in, out, Pipeline.Options.defaults());
        Document archive = page(out, "html/index.html");
        assertEquals(List.of("1946", "1950", "1960", "1967"), archive.select("ul.counts a").eachText());
        assertEquals(List.of("years/1946/index.html", "years/1950/index.html", "years/1960/index.html",
                "years/1967/index.html"), archive.select("ul.counts a").eachAttr("href"));
        Document year = page(out, "html/years/1950/index.html");
        assertEquals(List.of("October 1950"), year.select("ul.counts a").eachText());
        assertEquals(List.of("3 articles"), year.select("ul.counts .n").eachText());
        Document month = page(out, "html/years/1950/10.html");
        assertEquals(3, month.select("table.index tbody tr").size());
        for (String href : month.select("table.index a").eachAttr("href")) {
            assertTrue(Files.isRegularFile(out.resolve("html/years/1950").resolve(href).normalize()), href);
        }
    }

    /**
     * Inputs whose reading views would land on the site's own pages (IN/index.txt, anything under IN/years/) fail with
     * a clear error; the site's pages stay the site's, nothing else under html/years/ is removed, and the other
     * articles are converted.
     */
    @Test
    void anInputWhoseReadingViewWouldBeASitePageIsRefusedClearly() throws Exception {
        Path in = corpusCopy();
        Path sub = Files.createDirectories(in.resolve("years/1950"));
        Files.move(in.resolve(TAIFENG + ".txt"), sub.resolve("10.txt"));
        Files.move(in.resolve(ZHUOZHUANG + ".txt"), in.resolve("index.txt"));
        Path out = tmp.resolve("out");
        Path kept = Files.createDirectories(out.resolve("html/years/notes")).resolve("readme.html");
        Files.writeString(kept, "<p>a page of the archivist's</p>");
        Pipeline.Summary s = Pipeline.run(in, out, Pipeline.Options.defaults());
        assertEquals(10, s.converted(), s.toString());
        assertEquals(2, s.failed(), s.toString());
        String messages = s.firstFailures().stream().flatMap(r -> r.messages().stream())
                .collect(java.util.stream.Collectors.joining("\n"));
        assertTrue(messages.contains("years/1950/10.txt:0:0: error: its reading view would be html/years/1950/10.html, "
                + "where the site's own pages are"), messages);
        assertTrue(messages.contains("index.txt:0:0: error: its reading view would be html/index.html"), messages);
        assertTrue(messages.contains("Rename the input file or folder"), messages);
        // the site's pages are the site's: the archive, and the month of October 1950 (its three articles)
        assertTrue(page(out, "html/index.html").select("ul.counts a").eachText().contains("1950"));
        assertEquals(3, page(out, "html/years/1950/10.html").select("table.index tbody tr").size());
        assertTrue(Files.isRegularFile(kept), "a file the site did not make is never removed");
    }

    @Test
    void neighboursFollowArticlesAddedFailedAndGone() throws Exception {
        Path in = corpusCopy();
        Path out = tmp.resolve("out");
        Pipeline.run(in, out, Pipeline.Options.defaults());
        assertEquals(List.of(ZHUOZHUANG, TUQICHE), neighbours(out, TAIFENG));

        // a new article whose file name says 06-03 but whose header says 06-05: the reader takes the header, so
        // the site's order (date, then input) puts it before taifeng, with 06-05 beside its links
        Files.copy(in.resolve(TAIFENG + ".txt"), in.resolve("1960-06-03_copy.txt"));
        Pipeline.Summary s = Pipeline.run(in, out, Pipeline.Options.defaults());
        assertEquals(1, s.converted());
        assertEquals(12, s.unchanged());
        assertEquals(List.of("1960-06-03_copy", TUQICHE), neighbours(out, TAIFENG));
        assertEquals(List.of(ZHUOZHUANG, TAIFENG), neighbours(out, "1960-06-03_copy"));
        assertTrue(page(out, "html/" + ZHUOZHUANG + ".html").selectFirst("a.next").text().contains("1960-06-05"));
        reportMatchesDisk(out);

        // a third run changes nothing: the pages are stable
        Map<String, String> before = hashes(out.resolve("html"));
        s = Pipeline.run(in, out, Pipeline.Options.defaults());
        assertEquals(13, s.unchanged());
        assertEquals(before, hashes(out.resolve("html")));

        // an article that fails is left out of the chain
        Files.writeString(in.resolve("1960-06-02_broken.txt"), "not an article\n");
        s = Pipeline.run(in, out, Pipeline.Options.defaults());
        assertEquals(1, s.failed());
        assertEquals(List.of(ZHUOZHUANG, TAIFENG), neighbours(out, "1960-06-03_copy"));
        assertFalse(page(out, "html/years/1960/06.html").text().contains("broken"));
        reportMatchesDisk(out);

        // an article gone from the input folder leaves the chain and the month page
        Files.delete(in.resolve("1960-06-03_copy.txt"));
        Files.delete(in.resolve("1960-06-02_broken.txt"));
        s = Pipeline.run(in, out, Pipeline.Options.defaults().withDelete(true));
        assertEquals(1, s.deleted().size());
        assertEquals(List.of(ZHUOZHUANG, TUQICHE), neighbours(out, TAIFENG));
        assertEquals(5, page(out, "html/years/1960/06.html").select("table.index tbody tr").size());
        reportMatchesDisk(out);
    }

    @Test
    void aLongMonthIsSplitIntoPagesThatLinkToEachOther() throws Exception {
        Path in = corpusCopy();
        Path out = tmp.resolve("out");
        Pipeline.run(in, out, Pipeline.Options.defaults());
        try (Catalog catalog = Catalog.open(out)) {
            Site.write(out, catalog, Renderer.load(null, Pipeline.RUN_FORMATS, true), 2);
        }
        Path june = out.resolve("html/years/1960");
        assertEquals(List.of("06-2.html", "06-3.html", "06.html", "index.html"), list(june));
        Document first = page(out, "html/years/1960/06.html");
        Document third = page(out, "html/years/1960/06-3.html");
        assertEquals(2, first.select("table.index tbody tr").size());
        assertEquals(1, third.select("table.index tbody tr").size());
        assertEquals(List.of("06-2.html", "06-3.html"), first.select("nav.pager a").eachAttr("href").subList(0, 2));
        assertEquals("3", third.selectFirst("nav.pager [aria-current]").text());
        assertTrue(third.selectFirst("#bt-total").text().contains("this page: 5–5"), third.selectFirst("#bt-total").text());
        // written again with full pages, the extra pages go
        try (Catalog catalog = Catalog.open(out)) {
            Site.write(out, catalog, Renderer.load(null, Pipeline.RUN_FORMATS, true));
        }
        assertEquals(List.of("06.html", "index.html"), list(june));
    }

    @Test
    void longTitlesAreCutInTheMonthTableSoThatNoPageReachesAMegabyte() {
        assertEquals("短标题", Site.cut("短标题"));
        String longZh = "长".repeat(300);
        String cut = Site.cut(longZh);
        assertEquals(Site.TITLE_CHARS, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("…"));
        String astral = "\uD840\uDC00".repeat(250); // outside the BMP: cut between code points, never inside one
        String c = Site.cut(astral);
        assertEquals(Site.TITLE_CHARS, c.codePointCount(0, c.length()));
        assertTrue(Character.isHighSurrogate(c.charAt(c.length() - 3)));
        // a row with both titles cut (Chinese: 3 bytes a character in UTF-8), a 100-byte path in its two links and
        // the row's markup: a full page stays under a megabyte
        int worstRow = 2 * Site.TITLE_CHARS * 3 + 2 * 100 + 400;
        assertTrue(worstRow * Site.PAGE_ROWS < 1024 * 1024, "worst page " + worstRow * Site.PAGE_ROWS);
    }

    /** The previous and next article a reading view links to, by name. */
    private static List<String> neighbours(Path out, String name) throws Exception {
        Document d = page(out, "html/" + name + ".html");
        List<String> n = new ArrayList<>();
        for (String cls : List.of("a.prev", "a.next")) {
            var a = d.selectFirst("nav.prevnext " + cls);
            n.add(a == null ? "" : a.attr("href").replace(".html", ""));
        }
        return n;
    }

    private static Document page(Path out, String path) throws Exception {
        return Jsoup.parse(Files.readString(out.resolve(path), StandardCharsets.UTF_8));
    }

    /** Every output report.json lists has the SHA-256 and size it says. */
    private static void reportMatchesDisk(Path out) throws Exception {
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        for (JsonNode in : report.get("inputs")) {
            if (in.has("outputs")) {
                for (JsonNode o : in.get("outputs")) {
                    Path f = out.resolve(o.get("path").asText());
                    assertEquals(o.get("sha256").asText(), Hashes.sha256(f), f.toString());
                }
            }
        }
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> h = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                h.put(dir.relativize(f).toString(), Hashes.sha256(f));
            }
        }
        return h;
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
