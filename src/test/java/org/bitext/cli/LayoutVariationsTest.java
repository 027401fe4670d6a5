package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.render.SourceRoundTripTest;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Minimal articles for the layout variations real articles showed, each converted by {@code bitext run} with exit
 * code 0: warnings (never errors) where a line is kept in a nearest fitting form, valid TEI, the input given back by
 * the {@code source} rendering, and at least one link between text of both sides.
 */
class LayoutVariationsTest {
    @TempDir
    static Path tmp;
    private static CliTest.Result run;
    private static JsonNode report;
    private static final Map<String, String> INPUTS = new LinkedHashMap<>();

    private static String article(String enHeader, String enBody, String afterEn, String separator, String zhTitle,
                                  String zhBody) {
        return "Title: " + enHeader + "\nAuthor:\nDate: 1950-10-01\nPage: 1\n\n" + enBody + "\n\n" + afterEn
                + separator + "\n\nOriginal: \n\n### " + zhTitle + "\n\n1950-10-01\n第1版()\n专栏：\n\n" + zhBody + "\n";
    }

    @BeforeAll
    static void run() throws Exception {
        String en = "    The workers of the Shijingshan Steel Plant completed the year's plan ahead of time.";
        String zh = "    石景山钢铁厂职工提前完成全年计划。";
        INPUTS.put("glossary-br", article("Steel", en, "**Named Entities**\n\n<br>\n石景山 Shíjǐngshān\n"
                + "国民党 Kuomintang\n长芦盐务管理局 Chánglú Yánwù Guǎnlǐjú (Changlu Salt Affairs Bureau)\n\n",
                "<hr />", "钢铁", zh));
        INPUTS.put("caption-head-p", article("Picture: Young Pioneers", "    Picture: Young Pioneers", "", "<hr />",
                "图片", "    少先队员在天安门前（新华社稿）"));
        INPUTS.put("hr-spaces", article("Steel", en, "", "<hr />   \u00A0 ", "钢铁", zh));
        String verse = "    " + "The river runs east and the mountains stand tall, ".repeat(12);
        INPUTS.put("poem-lengths", article("Song", verse + "\n\n" + verse,
                "", "<hr />", "歌", "    江水东流。"));
        INPUTS.put("moved-dateline", article("Rally", "    [Xinhua News Agency, Beijing, 1st]\n\n    People of all "
                + "circles in the capital held a rally today to celebrate National Day. The rally was chaired by the "
                + "mayor.", "", "<hr />", "大会", "    首都各界人民今天举行大会，庆祝国庆节。大会由市长主持。\n\n    【新华社北京一日电】"));
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (Map.Entry<String, String> e : INPUTS.entrySet()) {
            Files.writeString(in.resolve(e.getKey() + ".txt"), e.getValue());
        }
        run = CliTest.bitext("run", in.toString(), "-o", tmp.resolve("out").toString());
        report = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
    }

    @Test
    void allConvertedWithExitCodeZeroAndTheWarningsShown() {
        assertEquals(0, run.code(), run.err());
        assertEquals(INPUTS.size(), report.get("summary").get("converted").asInt());
        String in = tmp.resolve("in").resolve("glossary-br.txt").toString();
        assertTrue(run.err().contains(in + ":10:1: warning: glossary line `<br>` is not a term and its gloss"), run.err());
        assertEquals(1, report.get("summary").get("warnings").asInt(), run.err());
        assertTrue(run.out().contains("1 warning"), run.out());
        JsonNode entry = null;
        for (JsonNode e : report.get("inputs")) {
            entry = e.get("input").asText().equals(in) ? e : entry;
        }
        assertEquals(1, entry.get("warnings").size());
        assertEquals(in + ":10:1: warning: glossary line `<br>` is not a term and its gloss; kept verbatim as an item "
                + "of the **Named Entities** list [glossary-line]", entry.get("warnings").get(0).asText());
    }

    @Test
    void glossaryTermsAreSplitWhereTheScriptChanges() throws Exception {
        XdmNode tei = Xml.parse(tmp.resolve("out/tei/glossary-br.xml"));
        assertEquals("石景山|国民党|长芦盐务管理局", xpath(tei, "string-join(//t:list[@type='glossary']/t:item/t:term, '|')"));
        assertEquals("Chánglú Yánwù Guǎnlǐjú (Changlu Salt Affairs Bureau)", xpath(tei, "string((//t:gloss)[3])"));
        assertEquals("<br>", xpath(tei, "string(//t:list[@type='glossary']/t:item[not(t:term)])"));
    }

    @Test
    void everyVariationIsValidRoundTripsAndHasALink() throws Exception {
        TeiValidator bitext = TeiValidator.builtin();
        String teiAll = System.getProperty("tei.all");
        for (Map.Entry<String, String> e : INPUTS.entrySet()) {
            Path tei = tmp.resolve("out/tei/" + e.getKey() + ".xml");
            assertEquals(List.of(), bitext.validate(tei, e.getKey()));
            if (teiAll != null && !teiAll.isBlank()) {
                assertEquals(List.of(), TeiValidator.relaxNg(Path.of(teiAll)).validate(tei, e.getKey()));
            }
            assertEquals(SourceRoundTripTest.normalise(e.getValue()).replace("<hr />   \u00A0", "<hr />"),
                    SourceRoundTripTest.normalise(Files.readString(tmp.resolve("out/source/" + e.getKey() + ".txt"))),
                    e.getKey());
            String links = xpath(Xml.parse(tei), "count(//t:linkGrp[@subtype='paragraph']/t:link)");
            assertTrue(Integer.parseInt(links) >= 1, e.getKey() + " has no link");
        }
    }

    /** The English picture line repeats the title (a head), the Chinese one does not (a p): they are linked. */
    @Test
    void captionHeadAndParagraphAreLinked() throws Exception {
        XdmNode tei = Xml.parse(tmp.resolve("out/tei/caption-head-p.xml"));
        assertEquals("#zh-p1 #en-h1", xpath(tei, "string(//t:linkGrp[@subtype='paragraph']/t:link/@target)"));
        assertEquals("0", xpath(tei, "count(//t:linkGrp[@subtype='paragraph']/t:ptr)"));
    }

    /** Lengths that pair nothing still leave the whole translation linked to the whole original, with a low cert. */
    @Test
    void lengthsThatPairNothingGiveOneLinkOfBothSides() throws Exception {
        XdmNode tei = Xml.parse(tmp.resolve("out/tei/poem-lengths.xml"));
        String target = xpath(tei, "string(//t:linkGrp[@subtype='paragraph']/t:link/@target)");
        assertTrue(target.startsWith("#zh-") && target.contains(" #en-"), target);
        assertTrue(Double.parseDouble(xpath(tei, "string(//t:linkGrp[@subtype='paragraph']/t:link/@cert)")) < 0.5);
    }

    /** The dateline the translation moved to the front is linked across the other links, found by its text. */
    @Test
    void aMovedDatelineIsLinkedAcross() throws Exception {
        XdmNode tei = Xml.parse(tmp.resolve("out/tei/moved-dateline.xml"));
        assertEquals("#zh-p1-s1 #en-p2-s1|#zh-p1-s2 #en-p2-s2|#zh-p2-s1 #en-p1-s1", xpath(tei,
                "string-join(//t:linkGrp[@subtype='sentence']/t:link/@target, '|')"));
        assertEquals("#zh-p1 #en-p2|#zh-p2 #en-p1", xpath(tei,
                "string-join(//t:linkGrp[@subtype='paragraph']/t:link/@target, '|')"));
    }

    private static String xpath(XdmNode doc, String expr) throws Exception {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        return xp.evaluateSingle(expr, doc).getStringValue();
    }
}
