package org.bitext.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Corpus;
import org.bitext.pipeline.Pipeline;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search API on the 12 corpus articles run into a temporary folder and indexed: hit counts, phrases, facet counts
 * and date ranges checked against the TEI itself (every sentence read from the TEI files with XPath, its text matched
 * by substring or by regular expression, not by Lucene), counterparts against the TEI's sentence links.
 */
class SearchApiTest {
    @TempDir
    static Path tmp;
    static Path out;
    static Searcher searcher;
    /** Every sentence of the TEI: article id, date, lang, id, text, counterparts. */
    record S(String article, String date, String lang, String id, String text, List<String> counterparts) {
    }

    static final List<S> sentences = new ArrayList<>();

    @BeforeAll
    static void build() throws Exception {
        out = tmp.resolve("out");
        Pipeline.run(Corpus.DIR, out, Pipeline.Options.defaults().withJobs(2, false, null).withSearchIndex(false));
        SearchIndex.Counts c = SearchIndex.updateFrom(out);
        assertEquals(12, c.added());
        searcher = Searcher.open(out);
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        var ss = xp.compile("/TEI/text/body/div[@type = ('original', 'translation')]//s");
        var links = xp.compile("/TEI/standOff/linkGrp[@subtype = 'sentence']/link/@target/string()");
        var head = xp.compile("string(/TEI/@xml:id), string((//sourceDesc/bibl/date/@when)[1])");
        try (Stream<Path> files = Files.list(out.resolve("tei"))) {
            for (Path f : files.sorted().toList()) {
                XdmNode doc = Xml.parse(f);
                List<String> h = eval(head, doc).stream().map(XdmItem::getStringValue).toList();
                Map<String, List<String>> cps = new HashMap<>();
                for (XdmItem t : eval(links, doc)) {
                    String[] ids = t.getStringValue().replace("#", "").split(" ");
                    for (String a : ids) {
                        for (String b : ids) {
                            if (a.charAt(0) != b.charAt(0)) {
                                cps.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                            }
                        }
                    }
                }
                for (XdmItem i : eval(ss, doc)) {
                    XdmNode s = (XdmNode) i;
                    String id = s.getAttributeValue(new net.sf.saxon.s9api.QName(
                            "http://www.w3.org/XML/1998/namespace", "id"));
                    sentences.add(new S(h.get(0), h.get(1), id.substring(0, 2), id,
                            s.getStringValue().replaceAll("\\s+", " ").strip(), cps.getOrDefault(id, List.of())));
                }
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (searcher != null) {
            searcher.close();
        }
    }

    private static net.sf.saxon.s9api.XdmValue eval(net.sf.saxon.s9api.XPathExecutable x, XdmNode doc)
            throws Exception {
        XPathSelector s = x.load();
        s.setContextItem(doc);
        return s.evaluate();
    }

    static long count(String lang, Predicate<String> matches) {
        return sentences.stream().filter(s -> s.lang().equals(lang) && matches.test(s.text())).count();
    }

    static Predicate<String> re(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return t -> p.matcher(t).find();
    }

    static Searcher.Results all(String q) throws Exception {
        return searcher.search(Searcher.Query.of(q).withResults(1, Searcher.MAX_SIZE));
    }

    @Test
    void aChineseWordFindsEverySentenceThatHoldsIt() throws Exception {
        for (String w : List.of("干部", "苏州", "台风", "人民", "领导干部")) {
            long expected = count("zh", t -> t.contains(w));
            assertTrue(expected > 0, w);
            Searcher.Results r = all(w);
            assertEquals(expected, r.total(), w);
            for (Searcher.Hit h : r.hits()) {
                assertEquals("zh", h.lang());
                assertTrue(h.text().contains(w), h.text());
                assertTrue(h.highlighted().contains("<mark>"), h.highlighted());
            }
        }
    }

    @Test
    void anEnglishWordIsStemmed() throws Exception {
        long expected = count("en", re("\\bcadres?\\b"));
        assertTrue(expected >= 5, "cadre: " + expected);
        Searcher.Results r = all("cadre");
        assertEquals(expected, r.total());
        assertEquals(expected, all("Cadres").total());
        assertTrue(r.hits().stream().allMatch(h -> h.lang().equals("en")));
        assertEquals(count("en", re("\\btyphoons?\\b")), all("typhoon").total());
    }

    @Test
    void quotedPhrasesAreWordsInARow() throws Exception {
        long phrase = count("en", re("\\bleading\\s+cadres?\\b"));
        long both = count("en", re("\\bleading\\b").and(re("\\bcadres?\\b")));
        assertTrue(phrase > 0 && phrase <= both, phrase + " " + both);
        assertEquals(phrase, all("\"leading cadres\"").total());
        assertEquals(both, all("leading cadres").total());
        assertEquals(count("en", re("\\btyphoon\\s+alert")), all("\"typhoon alert\"").total());
        assertEquals(count("zh", t -> t.contains("领导干部")), all("\"领导干部\"").total());
        // words that are in the same sentences but never in this order
        long apart = count("en", re("\\bcadres?\\b").and(re("\\bsuzhou\\b")));
        assertTrue(apart > 0);
        assertEquals(apart, all("cadres suzhou").total());
        assertEquals(count("en", re("\\bcadres?\\s+suzhou\\b")), all("\"cadres suzhou\"").total());
        assertEquals(0, all("\"cadres suzhou\"").total());
    }

    /** The Chinese sentences holding every Chinese word whose English counterparts hold every English word. */
    static long pairs(List<String> chinese, Predicate<String> english) {
        Map<String, S> byKey = new HashMap<>();
        for (S s : sentences) {
            byKey.put(s.article() + "#" + s.id(), s);
        }
        return sentences.stream().filter(s -> s.lang().equals("zh") && chinese.stream().allMatch(s.text()::contains))
                .filter(s -> english.test(String.join(" ", s.counterparts().stream()
                        .map(c -> byKey.get(s.article() + "#" + c).text()).toList()))).count();
    }

    /** A translator's query: a Chinese word and an English one find the pairs that translate one by the other. */
    @Test
    void wordsOfBothLanguagesFindTheSentencePairsThatHoldThem() throws Exception {
        long expected = pairs(List.of("干部"), re("\\bcadres?\\b"));
        assertTrue(expected > 0, "干部 / cadre: " + expected);
        long fewer = pairs(List.of("干部"), re("\\bleading\\b"));
        assertTrue(fewer > 0 && fewer < expected, "干部 / leading: " + fewer);
        assertEquals(fewer, all("干部 leading").total());
        for (String q : List.of("干部 cadre", "cadres 干部", "zh:干部 AND en:cadre", "干部 en:Cadres")) {
            Searcher.Results r = all(q);
            assertEquals(expected, r.total(), q);
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("Words of both languages")), q);
            for (Searcher.Hit h : r.hits()) {
                assertEquals("zh", h.lang());
                assertTrue(h.text().contains("干部"), h.text());
                assertTrue(h.highlighted().contains("<mark>"), h.highlighted());
                assertTrue(h.counterparts().stream().anyMatch(c -> re("\\bcadres?\\b").test(c.text())), q);
                // the translation's English words marked too, and only those (stemmed: cadre, cadres)
                assertTrue(h.counterparts().stream().anyMatch(c -> c.highlighted().contains("<mark>")), q);
                for (Searcher.Counterpart c : h.counterparts()) {
                    java.util.regex.Matcher m = Pattern.compile("<mark>(.*?)</mark>").matcher(c.highlighted());
                    while (m.find()) {
                        assertTrue(m.group(1).matches("(?i)cadres?"), c.highlighted());
                    }
                    assertEquals(c.text(), c.highlighted().replaceAll("</?mark>", "").replace("&#39;", "'")
                            .replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
                }
            }
        }
        assertEquals(pairs(List.of("领导干部"), re("\\bleading\\s+cadres?\\b")), all("领导干部 \"leading cadres\"").total());
        assertEquals(pairs(List.of("苏州", "干部"), re("\\bsuzhou\\b")), all("苏州 干部 Suzhou").total());
        assertEquals(0, all("干部 typhoon").total());
        // one language: as before, no note, both sides' sentences, nothing marked in the counterparts
        assertTrue(all("干部").notes().isEmpty());
        assertTrue(all("干部").hits().stream().flatMap(h -> h.counterparts().stream())
                .noneMatch(c -> c.highlighted().contains("<mark>")));
        assertEquals(count("en", re("\\bcadres?\\b")), all("cadre").total());
    }

    @Test
    void hitsCarryTheirCounterpartsAndTheReadingView() throws Exception {
        Searcher.Results r = all("干部");
        Map<String, S> byKey = new HashMap<>();
        for (S s : sentences) {
            byKey.put(s.article() + "#" + s.id(), s);
        }
        for (Searcher.Hit h : r.hits()) {
            S s = byKey.get(h.article() + "#" + h.sentence());
            assertEquals(s.text(), h.text());
            assertEquals(s.date(), h.date());
            assertEquals(s.counterparts(), h.counterparts().stream().map(Searcher.Counterpart::id).toList());
            for (Searcher.Counterpart c : h.counterparts()) {
                assertEquals(byKey.get(h.article() + "#" + c.id()).text(), c.text());
            }
            assertTrue(h.url().endsWith(".html#" + h.sentence()), h.url());
            assertTrue(Files.isRegularFile(out.resolve("html").resolve(h.url().substring(0, h.url().indexOf('#')))));
            assertFalse(h.titleZh().isEmpty());
            assertFalse(h.titleEn().isEmpty());
        }
        assertTrue(r.hits().stream().anyMatch(h -> !h.counterparts().isEmpty()));
    }

    @Test
    void facetsCountTheHitsByYearAndPage() throws Exception {
        Searcher.Results r = all("人民");
        Map<String, Long> years = new TreeMap<>();
        sentences.stream().filter(s -> s.lang().equals("zh") && s.text().contains("人民"))
                .forEach(s -> years.merge(s.date().substring(0, 4), 1L, Long::sum));
        Map<String, Long> got = new TreeMap<>();
        r.facets().get("year").forEach(c -> got.put(c.value(), c.hits()));
        assertEquals(years, got);
        assertEquals(r.total(), r.facets().get("page").stream().mapToLong(Searcher.Count::hits).sum());
        String year = years.keySet().iterator().next();
        Searcher.Results one = searcher.search(Searcher.Query.of("人民").withYear(year).withResults(1, 100));
        assertEquals(years.get(year), one.total());
        assertTrue(one.hits().stream().allMatch(h -> h.date().startsWith(year)));
    }

    @Test
    void dateRangesAreInclusive() throws Exception {
        LocalDate from = LocalDate.parse("1960-06-06");
        LocalDate to = LocalDate.parse("1960-06-13");
        long expected = sentences.stream().filter(s -> s.lang().equals("zh") && s.text().contains("干部")
                && s.date().compareTo(from.toString()) >= 0 && s.date().compareTo(to.toString()) <= 0).count();
        assertTrue(expected > 0 && expected < count("zh", t -> t.contains("干部")));
        Searcher.Results r = searcher.search(Searcher.Query.of("干部").withDates(from, to).withResults(1, 100));
        assertEquals(expected, r.total());
        assertEquals(count("zh", t -> t.contains("干部")) - expected, searcher.search(Searcher.Query.of("干部")
                .withDates(to.plusDays(1), null).withResults(1, 100)).total());
        assertEquals(LocalDate.parse("1960-01-01"), Searcher.date("1960", true));
        assertEquals(LocalDate.parse("1960-02-29"), Searcher.date("1960-02", false));
        assertThrows(IllegalArgumentException.class, () -> Searcher.date("June 1960", true));
    }

    @Test
    void pagesOfResultsDoNotOverlap() throws Exception {
        Searcher.Results first = searcher.search(Searcher.Query.of("人民").withResults(1, 5));
        Searcher.Results second = searcher.search(Searcher.Query.of("人民").withResults(2, 5));
        assertEquals(5, first.hits().size());
        assertEquals(first.total(), second.total());
        List<String> a = first.hits().stream().map(h -> h.article() + h.sentence()).toList();
        assertTrue(second.hits().stream().noneMatch(h -> a.contains(h.article() + h.sentence())));
        assertEquals((first.total() + 4) / 5, first.pages());
    }

    @Test
    void aMalformedQueryIsSearchedAsWordsWithANote() throws Exception {
        Searcher.Results r = all("\"干部");
        assertEquals(count("zh", t -> t.contains("干部")), r.total());
        assertEquals(1, r.notes().size());
        assertTrue(all("cadres AND").notes().size() == 1);
        Searcher.Results x = all("<script>alert(1)</script>");
        assertEquals(1, x.notes().size());
        assertTrue(all("/.*/").notes().size() == 1, "regular expressions are not run");
        assertTrue(all("干部").notes().isEmpty());
        assertEquals(0, all("type:article").total(), "only the text fields are searched");
        Searcher.Results stop = all("the of");
        assertEquals(0, stop.total());
        assertEquals(1, stop.notes().size(), "a query of stop words says so");
    }

    @Test
    void boundsAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> Searcher.Query.of("x".repeat(Searcher.MAX_QUERY + 1)));
        assertThrows(IllegalArgumentException.class, () -> Searcher.Query.of("x").withResults(1, 101));
        assertThrows(IllegalArgumentException.class, () -> Searcher.Query.of("x").withResults(0, 10));
        assertThrows(IllegalArgumentException.class, () -> Searcher.Query.of("x").withResults(1001, 10));
    }

    @Test
    void highlightingEscapesTheText() throws Exception {
        // the highlighter's output is the sentence HTML-escaped with <mark> added: nothing else is markup
        for (Searcher.Hit h : all("人民").hits()) {
            String unmarked = h.highlighted().replace("<mark>", "").replace("</mark>", "");
            assertFalse(unmarked.contains("<"), unmarked);
            assertEquals(Searcher.escape(h.text()), unmarked);
        }
    }

    @Test
    void aFolderWithoutIndexSaysHowToBuildOne() {
        Searcher.NoIndex e = assertThrows(Searcher.NoIndex.class, () -> Searcher.open(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("bitext index"), e.getMessage());
    }
}
