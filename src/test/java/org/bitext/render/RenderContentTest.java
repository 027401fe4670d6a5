package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Converted;
import org.bitext.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTML and text renderings carry every title and paragraph, with languages marked. */
class RenderContentTest {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static Renderer renderer;

    @BeforeAll
    static void load() throws Exception {
        renderer = Renderer.load(null, List.of(Format.HTML, Format.TEXT), true);
    }

    static Stream<String> names() {
        return Converted.tei().keySet().stream();
    }

    /** The corpus as converted, and the hand-made fixtures of both TEI shapes (sentence-aligned and older). */
    static Stream<Path> documents() throws Exception {
        List<Path> all = new java.util.ArrayList<>(Converted.tei().values());
        for (Path dir : List.of(TextBySentenceTest.FIXTURES, TextBySentenceTest.FIXTURES.resolve("paragraph-level"))) {
            try (var s = Files.list(dir)) {
                all.addAll(s.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
            }
        }
        return all.stream();
    }

    private static XPathCompiler xpath() {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", TEI);
        xp.declareNamespace("h", "http://www.w3.org/1999/xhtml");
        return xp;
    }

    /** Text of every unit (head, byline, p) and glossary item of the TEI, and its titles. */
    private static List<String> texts(XdmNode tei, String lang) throws Exception {
        String filter = lang == null ? "" : "[ancestor-or-self::*[@xml:lang][1]/@xml:lang = '" + lang + "']";
        return xpath().evaluate("(//t:body//(t:head|t:byline|t:p)" + filter + "//string(.), "
                        + "//t:titleStmt/t:title" + filter + "/string(.))", tei)
                .stream().map(XdmItem::getStringValue).filter(t -> !t.isBlank()).toList();
    }

    /** As {@link #texts}, but the sentences of the units that have them (a unit is shown sentence by sentence). */
    private static List<String> sentenceTexts(XdmNode tei) throws Exception {
        return xpath().evaluate("(//t:body//(t:head|t:byline|t:p)[not(t:s)]//string(.), //t:body//t:s/string(.), "
                        + "//t:titleStmt/t:title/string(.))", tei)
                .stream().map(XdmItem::getStringValue).filter(t -> !t.isBlank()).toList();
    }

    private static String html(XdmNode tei) throws Exception {
        return new String(renderer.render(tei, Format.HTML, Map.of()), StandardCharsets.UTF_8);
    }

    private static Document page(XdmNode tei) throws Exception {
        return Jsoup.parse(html(tei));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void htmlHasAllTextWithLanguages(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        String name = file.getFileName().toString();
        String html = html(tei);
        Document page = Jsoup.parse(html);
        String text = squeeze(page.body().wholeText());
        for (String s : sentenceTexts(tei)) {
            assertTrue(text.contains(squeeze(s)), () -> name + ": missing in the HTML: " + s);
        }
        assertFalse(page.select("html[lang]").isEmpty(), "html has a lang attribute");
        for (String lang : List.of("zh-Hans", "en")) {
            assertFalse(page.select("[lang=" + lang + "]").isEmpty(), name + ": no element with lang=" + lang);
        }
        // every unit of the TEI is in an element whose language is the unit's
        for (XdmItem unit : xpath().evaluate("//t:body//(t:head|t:byline|t:p)[@xml:id]", tei)) {
            XdmNode u = (XdmNode) unit;
            String id = xpath().evaluate("string(@xml:id)", u).itemAt(0).getStringValue();
            Element e = page.getElementById(id);
            assertTrue(e != null, name + ": unit not rendered with its id");
            String lang = xpath().evaluate("string(ancestor-or-self::*[@xml:lang][1]/@xml:lang)", u).itemAt(0)
                    .getStringValue();
            assertEquals(lang, e.closest("[lang]").attr("lang"), name + ": lang of " + e.id());
        }
        assertTrue(page.select("link[href], script[src], img[src^=http], iframe").isEmpty(), "no external resources");
        assertFalse(page.select("meta[name=viewport]").isEmpty(), "readable on a phone");
    }

    /** One row per link of the finest alignment the document has: sentence-level if any, else paragraph-level. */
    @ParameterizedTest
    @MethodSource("documents")
    void htmlRowsFollowTheAlignmentLinks(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        String name = file.getFileName().toString();
        Document page = page(tei);
        boolean bySentence = TextBySentenceTest.hasSentences(tei);
        String group = bySentence ? "//t:linkGrp[@type='translation'][@subtype='sentence']"
                : "//t:linkGrp[@type='translation'][not(@subtype) or @subtype='paragraph']";
        int rows = 0;
        for (XdmItem link : xpath().evaluate(group + "/(t:link|t:ptr)", tei)) {
            String[] targets = ((XdmNode) link).attribute("target").split(" ");
            Element row = null;
            for (String t : targets) {
                Element unit = page.getElementById(t.substring(1));
                assertTrue(unit != null, name + ": " + t + " not rendered");
                Element tr = unit.closest("tr");
                assertTrue(tr != null, name + ": " + t + " not in a row");
                if (row != null) {
                    assertEquals(row, tr, name + ": " + String.join(" ", targets) + " not in one row");
                }
                row = tr;
            }
            rows++;
        }
        assertEquals(rows, page.select("table.parallel > tbody > tr").size(), name + ": one row per link or unaligned unit");
    }

    /** Without wrapping (width 0) the text holds every unit, or every sentence, as one run of text. */
    @ParameterizedTest
    @MethodSource("documents")
    void bilingualTextHasEveryUnitAndNeverSpacesChinese(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        String name = file.getFileName().toString();
        String text = new String(renderer.render(tei, Format.TEXT, Map.of("width", "0")), StandardCharsets.UTF_8);
        String squeezed = squeeze(text);
        for (String s : sentenceTexts(tei)) {
            // runs of spaces are one in English text; a space added to Chinese would still be seen
            assertTrue(squeezed.contains(squeeze(s)), () -> name + ": missing in the text: " + s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh", "en"})
    void oneLanguageText(String lang) throws Exception {
        for (Path file : List.of(Converted.tei().get("1960-06-14_suzhou_ganbu_reference_example"),
                TextBySentenceTest.FIXTURES.resolve("1967-08-01_jianming_xinwen_column.xml"),
                TextBySentenceTest.FIXTURES.resolve("paragraph-level/1967-08-01_jianming_xinwen_column.xml"))) {
            oneLanguageText(Xml.parse(file), lang);
        }
    }

    private void oneLanguageText(XdmNode tei, String lang) throws Exception {
        String text = new String(renderer.render(tei, Format.TEXT, Map.of("lang", lang, "width", "0")),
                StandardCharsets.UTF_8);
        String other = lang.equals("zh") ? "en" : "zh-Hans";
        for (String s : texts(tei, lang.equals("zh") ? "zh-Hans" : "en")) {
            assertTrue(text.contains(s), () -> "missing: " + s);
        }
        for (String s : texts(tei, other)) {
            assertFalse(text.contains(s), () -> "other language present: " + s);
        }
    }

    static Stream<Path> foreign() throws Exception {
        Path dir = Path.of("..", "shared", "foreign-tei");
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("foreign")
    void teiWrittenElsewhereRendersAllItsText(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        String text = new String(renderer.render(tei, Format.TEXT, Map.of("width", "0")), StandardCharsets.UTF_8);
        String htmlText = squeeze(page(tei).body().wholeText());
        String plain = squeeze(text);
        for (XdmItem t : xpath().evaluate("//t:text//text()[normalize-space()]", tei)) {
            String s = squeeze(t.getStringValue());
            assertTrue(htmlText.contains(s), () -> file.getFileName() + ": missing in the HTML: " + s);
            assertTrue(plain.contains(s), () -> file.getFileName() + ": missing in the text: " + s);
        }
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    @Test
    void monthPageListsEveryArticleGiven() throws Exception {
        List<String> names = Converted.tei().keySet().stream().sorted().toList();
        List<XdmNode> docs = new java.util.ArrayList<>();
        for (String n : names) {
            docs.add(Xml.parse(Converted.tei().get(n)));
        }
        String index = new String(monthPage(renderer, docs, names.stream().map(n -> n + ".html").toList()),
                StandardCharsets.UTF_8);
        for (String n : names) {
            assertTrue(index.contains("href=\"" + n + ".html\""), n);
        }
        assertTrue(index.contains("深入车间抓生产"));
        assertTrue(index.contains("1960-06-14"));
        Document page = Jsoup.parse(index);
        assertEquals(names, page.select("table a[href]").stream().map(a -> a.attr("href")).distinct().sorted().toList()
                .stream().map(h -> h.replace(".html", "")).toList());
        // breadcrumbs back to the year and the archive
        assertEquals(List.of("../../index.html", "index.html"),
                page.select("nav.crumbs a").stream().map(a -> a.attr("href")).toList());
        assertEquals("June 1960", page.selectFirst("h1").text());
    }

    /**
     * A month page of the site over the given TEI documents, as {@code run} writes it from its catalog (the rows made
     * from the same fields the catalog keeps).
     */
    static byte[] monthPage(Renderer renderer, List<XdmNode> docs, List<String> hrefs) throws Exception {
        StringBuilder xml = new StringBuilder("<rows>");
        for (int k = 0; k < docs.size(); k++) {
            org.bitext.catalog.Record r = org.bitext.catalog.Records.of(docs.get(k), "x", "x", "x", List.of());
            xml.append("<article");
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("date", r.date());
            attributes.put("page", r.page());
            attributes.put("section", r.section());
            attributes.put("title-zh", r.titleZh());
            attributes.put("title-en", r.titleEn());
            attributes.put("href", hrefs.get(k));
            attributes.forEach((name, value) -> xml.append(' ').append(name).append("=\"")
                    .append(value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")).append('"'));
            xml.append("/>");
        }
        xml.append("</rows>");
        XdmNode rows = Xml.parse(new java.io.ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)),
                "rows.xml");
        return renderer.sitePage("month", Map.of("site-year", "1960", "site-month", "1960-06", "site-count",
                Integer.toString(docs.size())), rows);
    }
}
