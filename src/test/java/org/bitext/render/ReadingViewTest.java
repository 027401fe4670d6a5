package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Converted;
import org.bitext.validate.Problem;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The structure of the HTML reading view of sentence-aligned documents, read with jsoup (no browser). */
class ReadingViewTest {
    private static Renderer renderer;

    @BeforeAll
    static void load() throws Exception {
        renderer = Renderer.load(null, List.of(Format.HTML), true);
    }

    static Stream<Path> sentenceDocuments() throws Exception {
        return TextBySentenceTest.sentenceDocuments();
    }

    private static String html(XdmNode tei) throws Exception {
        return new String(renderer.render(tei, Format.HTML, Map.of()), StandardCharsets.UTF_8);
    }

    private static List<XdmNode> eval(String xpath, XdmNode context) throws Exception {
        List<XdmNode> out = new ArrayList<>();
        for (XdmItem i : TextBySentenceTest.xpath().evaluate(xpath, context)) {
            out.add((XdmNode) i);
        }
        return out;
    }

    private static String str(String xpath, XdmNode context) throws Exception {
        return TextBySentenceTest.xpath().evaluate("string(" + xpath + ")", context).itemAt(0).getStringValue();
    }

    private static List<String> ids(String target) {
        return Arrays.stream(target.trim().split("\\s+")).map(t -> t.substring(1)).toList();
    }

    /** Every sentence once, as a focusable span with its id, holding exactly the sentence's text. */
    @ParameterizedTest
    @MethodSource("sentenceDocuments")
    void everySentenceOnceWithItsIdAndText(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        Document page = Jsoup.parse(html(tei));
        List<XdmNode> sentences = eval("//*:body//*:s", tei);
        assertFalse(sentences.isEmpty());
        StringBuilder teiText = new StringBuilder();
        StringBuilder htmlText = new StringBuilder();
        for (XdmNode s : sentences) {
            String id = str("@xml:id", s);
            List<Element> found = page.select("[id=" + id + "]");
            assertEquals(1, found.size(), file.getFileName() + ": " + id + " once");
            Element e = found.get(0);
            assertTrue(e.is("span.s[tabindex=0]"), file.getFileName() + ": " + id + " is a focusable sentence: " + e);
            assertEquals(s.getStringValue(), e.wholeText(), file.getFileName() + ": text of " + id);
            String lang = str("ancestor::*[@xml:lang][1]/@xml:lang", s);
            assertEquals(lang, e.closest("[lang]").attr("lang"), file.getFileName() + ": language of " + id);
            teiText.append(s.getStringValue());
            htmlText.append(e.wholeText());
        }
        // the sentences, in document order, give back all the text of the units (white space between them aside)
        assertEquals(str("string-join(//*:body//(*:head|*:byline|*:p|*:item)/string(.))", tei).replaceAll("\\s+", ""),
                teiText.toString().replaceAll("\\s+", ""), "the fixture's sentences hold all its text");
        assertEquals(teiText.toString(), htmlText.toString());
        assertEquals(sentences.size(), page.select("span.s").size(), "no other sentence spans");
    }

    /** Rows in the order of the sentence links, each link's sentences in one row, counterparts in data-links. */
    @ParameterizedTest
    @MethodSource("sentenceDocuments")
    void rowsFollowTheSentenceLinksWithTheirCounterparts(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        Document page = Jsoup.parse(html(tei));
        List<Element> rows = page.select("table.parallel.by-sentence > tbody.para > tr.pair");
        List<XdmNode> links = eval("//*:linkGrp[@type='translation'][@subtype='sentence']/(*:link|*:ptr)", tei);
        assertEquals(links.size(), rows.size(), file.getFileName() + ": one row per sentence link or ptr");
        for (int i = 0; i < links.size(); i++) {
            XdmNode link = links.get(i);
            Element row = rows.get(i);
            List<String> targets = ids(link.attribute("target"));
            for (String id : targets) {
                assertEquals(row, page.getElementById(id).closest("tr"), file.getFileName() + ": " + id + " in row " + i);
            }
            Set<String> zh = new TreeSet<>(targets.stream().filter(t -> t.startsWith("zh")).toList());
            Set<String> en = new TreeSet<>(targets.stream().filter(t -> t.startsWith("en")).toList());
            for (String id : targets) {
                Element s = page.getElementById(id);
                Set<String> expected = id.startsWith("zh") ? en : zh;
                Set<String> links2 = new TreeSet<>(Arrays.asList(s.attr("data-links").split(" ")));
                links2.remove("");
                assertEquals(expected, links2, file.getFileName() + ": counterparts of " + id);
            }
            // Chinese in the zh cell, English in the en cell
            for (String id : zh) {
                assertTrue(page.getElementById(id).closest("td").hasClass("zh"), id);
            }
            for (String id : en) {
                assertTrue(page.getElementById(id).closest("td").hasClass("en"), id);
            }
            boolean unaligned = zh.isEmpty() || en.isEmpty();
            assertEquals(unaligned, row.hasClass("unaligned"), file.getFileName() + ": row " + i + " unaligned");
            if (unaligned) {
                Element empty = row.selectFirst("td." + (zh.isEmpty() ? "zh" : "en"));
                assertTrue(empty.hasClass("empty"));
                assertEquals("no counterpart", empty.text(), "the empty cell says so");
            }
            String cert = link.attribute("cert");
            boolean low = cert != null && Double.parseDouble(cert) < 0.5;
            assertEquals(low, row.hasClass("low"), file.getFileName() + ": row " + i + " cert " + cert);
            if (cert != null) {
                assertTrue(row.selectFirst("td.n .cert").text().contains(cert), "certainty shown");
            }
            if (low) {
                assertEquals(" (low certainty)", row.selectFirst(".cert .vh").wholeText());
            }
        }
    }

    /** One tbody per paragraph-level link, holding the sentences of its units; each unit's id once. */
    @ParameterizedTest
    @MethodSource("sentenceDocuments")
    void paragraphLinksGroupTheirSentenceRows(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        Document page = Jsoup.parse(html(tei));
        List<XdmNode> plinks = eval("//*:linkGrp[@type='translation'][@subtype='paragraph']/(*:link|*:ptr)", tei);
        List<Element> groups = page.select("table.parallel > tbody.para");
        assertEquals(plinks.size(), groups.size(), file.getFileName() + ": one tbody per paragraph-level link");
        for (int i = 0; i < plinks.size(); i++) {
            for (String unit : ids(plinks.get(i).attribute("target"))) {
                Element u = page.getElementById(unit);
                assertNotNull(u, unit + " has an element with its id");
                assertEquals(groups.get(i), u.closest("tbody"), unit);
                for (XdmNode s : eval("id('" + unit + "')/*:s", tei)) {
                    assertEquals(groups.get(i), page.getElementById(str("@xml:id", s)).closest("tbody"),
                            file.getFileName() + ": sentence of " + unit + " under its paragraph link");
                }
            }
        }
    }

    /** Inline CSS and script only: nothing is fetched from anywhere. */
    @ParameterizedTest
    @MethodSource("sentenceDocuments")
    void noExternalResources(Path file) throws Exception {
        String html = html(Xml.parse(file));
        Document page = Jsoup.parse(html);
        for (Element e : page.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (Set.of("src", "href", "srcset", "action", "data", "poster", "formaction").contains(a.getKey())) {
                    assertFalse(a.getValue().matches("(?i)\\s*(https?:|//|ftp:).*"), "external: " + e);
                }
            }
        }
        assertTrue(page.select("link, script[src], img, iframe, object, embed, video, audio, source").isEmpty());
        for (Element style : page.select("style")) {
            assertFalse(style.data().contains("@import"), "no imported style sheets");
            assertFalse(style.data().contains("url("), "no fonts or images by URL");
            assertTrue(style.data().contains("@media print"), "a print style sheet");
            assertTrue(style.data().contains("\"Noto Serif CJK SC\""), "a CJK font stack");
        }
        assertEquals(1, page.select("script").size(), "one inline script");
        assertFalse(html.contains("http://") || html.contains("https://"), "no address of anything at all");
    }

    /** Three labelled radio buttons, both checked at first, that the style sheet reads without script. */
    @Test
    void languageSwitchIsLabelledAndWorksWithoutScript() throws Exception {
        Document page = Jsoup.parse(html(Xml.parse(Converted.tei().get(TextBySentenceTest.REFERENCE))));
        Element fieldset = page.selectFirst("main fieldset.switch");
        assertEquals("Show", fieldset.selectFirst("legend").text());
        List<Element> radios = fieldset.select("label > input[type=radio][name=bt-show]");
        assertEquals(List.of("both", "zh", "en"), radios.stream().map(r -> r.attr("value")).toList());
        assertEquals(List.of("both", "中文", "English"), radios.stream().map(r -> r.parent().text()).toList());
        assertTrue(radios.get(0).hasAttr("checked"));
        String css = page.selectFirst("style").data();
        assertTrue(css.contains("main:has(#bt-show-zh:checked) .parallel td.en"), "Chinese only hides the English cells");
        assertTrue(css.contains("main:has(#bt-show-en:checked) .parallel td.zh"), "English only hides the Chinese cells");
        // the switch comes before the table, in the same main, so that :has() reaches both
        assertEquals(page.selectFirst("table.parallel").parent(), fieldset.parent());
    }

    @ParameterizedTest
    @MethodSource("sentenceDocuments")
    void deterministic(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        assertArrayEquals(renderer.render(tei, Format.HTML, Map.of()), renderer.render(Xml.parse(file), Format.HTML, Map.of()));
    }

    /** The hand-made fixtures are valid documents of the sentence-aligned shape (RELAX NG and Schematron). */
    @Test
    void sentenceFixturesAreValidBitextTei() throws Exception {
        TeiValidator validator = TeiValidator.builtin();
        for (Path f : TextBySentenceTest.fixtures()) {
            List<Problem> problems = validator.validate(f, f.toString());
            assertTrue(problems.isEmpty(), () -> problems.toString());
        }
        assertEquals(2, TextBySentenceTest.fixtures().size());
    }

    /** A document aligned by paragraph only keeps one row per paragraph-level link, and has no sentence spans. */
    @Test
    void paragraphAlignedDocumentsKeepTheirRows() throws Exception {
        XdmNode tei = Xml.parse(TextBySentenceTest.FIXTURES.resolve("paragraph-level/1967-08-01_jianming_xinwen_column.xml"));
        Document page = Jsoup.parse(html(tei));
        assertTrue(page.select("span.s, table.by-sentence, script").isEmpty());
        List<Element> rows = page.select("table.parallel > tbody > tr");
        assertEquals(eval("//*:linkGrp/(*:link|*:ptr)", tei).size(), rows.size());
        assertEquals(page.getElementById("zh-p8").closest("tr"), page.getElementById("zh-p9").closest("tr"));
        assertEquals("unaligned", rows.get(0).selectFirst("td.en").text());
    }
}
