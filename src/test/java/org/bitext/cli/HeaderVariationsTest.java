package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Header lines that are missing or whose value cannot be read: each minimal article is converted by {@code bitext run}
 * with exit code 0 and one located warning, the line is kept verbatim (or recorded as absent) so that the
 * {@code source} rendering gives the input back, and the TEI is valid against bitext's schema and tei_all.
 */
class HeaderVariationsTest {
    @TempDir
    static Path tmp;
    private static CliTest.Result run;
    private static JsonNode report;
    private static final String ARTICLE = """
            Title: Steel
            Author:
            Date: 1950-10-01
            Page: 1

                The workers of the Shijingshan Steel Plant completed the year's plan ahead of time.

            <hr />

            Original:

            ### 钢铁

            1950-10-01
            第1版()
            专栏：

                石景山钢铁厂职工提前完成全年计划。
            """;
    /** name → [input, expected warning "LINE:COL: … [kind]" fragment, XPath that must be true of the TEI]. */
    private static final Map<String, String[]> CASES = new LinkedHashMap<>();

    private static void variant(String name, String from, String to, String warning, String check) {
        assertTrue(ARTICLE.contains(from), from);
        CASES.put(name, new String[] {ARTICLE.replace(from, to), warning, check});
    }

    @BeforeAll
    static void run() throws Exception {
        variant("1950-10-01_no-title", "Title: Steel\n", "", ":1:1: warning: no `Title:` line in the English header",
                "tokenize(//t:sourceDesc/t:bibl/@rend) = 'no-title-line' and //t:titleStmt/t:title = '钢铁'");
        variant("1950-10-01_no-author", "Author:\n", "", ":2:1: warning: no `Author:` line in the English header",
                "tokenize(//t:sourceDesc/t:bibl/@rend) = 'no-author-line'");
        variant("1950-10-01_bad-date", "Date: 1950-10-01", "Date: 1950-10-1",
                ":3:1: warning: `1950-10-1` in the English header's Date is not a calendar date YYYY-MM-DD",
                "//t:bibl/t:date/@when = '1950-10-01' and //t:bibl/t:note[@type='verbatim'][@subtype='date'] = "
                        + "'Date: 1950-10-1'");
        variant("1950-10-01_bad-page", "Page: 1", "Page: 1A", ":4:1: warning: `1A` is not a page number",
                "//t:bibl/t:biblScope/@n = '1' and not(//t:bibl/t:biblScope[@xml:lang='en']) and "
                        + "//t:bibl/t:note[@subtype='page'] = 'Page: 1A'");
        variant("1950-10-01_dates-disagree", "\n1950-10-01\n", "\n1950-10-02\n",
                ":14:1: warning: the headers disagree on the date (English 1950-10-01, Chinese 1950-10-02); "
                        + "1950-10-01 is taken, as the file name says",
                "//t:bibl/t:date/@when = '1950-10-01' and //t:bibl/t:note[@subtype='zh-date'] = '1950-10-02'");
        variant("1950-10-01_no-dates", "Date: 1950-10-01\n", "", ":3:1: warning: no `Date:` line in the English header",
                "//t:bibl/t:date/@when = '1950-10-01'");
        CASES.get("1950-10-01_no-dates")[0] = CASES.get("1950-10-01_no-dates")[0].replace("\n1950-10-01\n", "\n");
        variant("1950-10-01_zh-page", "第1版()", "第1版", ":15:1: warning: `第1版` is not a page line",
                "//t:bibl/t:biblScope/@n = '1' and //t:bibl/t:note[@subtype='zh-page'] = '第1版'");
        variant("1950-10-01_no-zh-column", "专栏：\n", "",
                ":17:1: warning: no column line `专栏：COLUMN` in the Chinese header",
                "tokenize(//t:sourceDesc/t:bibl/@rend) = 'no-zh-column-line'");
        variant("1950-10-01_no-zh-title", "### 钢铁\n", "",
                ":13:1: warning: no title line `### <title>` in the Chinese header",
                "tokenize(//t:sourceDesc/t:bibl/@rend) = 'no-zh-title-line'");
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (Map.Entry<String, String[]> e : CASES.entrySet()) {
            Files.writeString(in.resolve(e.getKey() + ".txt"), e.getValue()[0]);
        }
        run = CliTest.bitext("run", in.toString(), "-o", tmp.resolve("out").toString());
        report = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
    }

    @Test
    void everyVariantConvertsWithItsWarning() {
        assertEquals(0, run.code(), run.err());
        assertEquals(CASES.size(), report.get("summary").get("converted").asInt(), run.err());
        for (Map.Entry<String, String[]> e : CASES.entrySet()) {
            String file = tmp.resolve("in").resolve(e.getKey() + ".txt").toString();
            assertTrue(run.err().contains(file + e.getValue()[1]), e.getKey() + ":\n" + run.err());
        }
        // the dates-disagree, no-dates and no-title variants aside, one warning per input
        List<String> warnings = new ArrayList<>();
        report.get("inputs").forEach(i -> i.get("warnings").forEach(w -> warnings.add(w.asText())));
        assertTrue(warnings.stream().anyMatch(w -> w.endsWith("[header-missing-line]")));
        assertTrue(warnings.stream().anyMatch(w -> w.endsWith("[header-line]")));
        assertTrue(warnings.stream().anyMatch(w -> w.endsWith("[header-date-mismatch]")));
        assertEquals(report.get("summary").get("warnings").asInt(), warnings.size());
    }

    @Test
    void theTeiKeepsWhatTheHeaderSaysAndIsValid() throws Exception {
        TeiValidator bitext = TeiValidator.builtin();
        String teiAll = System.getProperty("tei.all");
        for (Map.Entry<String, String[]> e : CASES.entrySet()) {
            Path tei = tmp.resolve("out/tei/" + e.getKey() + ".xml");
            assertEquals(List.of(), bitext.validate(tei, e.getKey()));
            if (teiAll != null && !teiAll.isBlank()) {
                assertEquals(List.of(), TeiValidator.relaxNg(Path.of(teiAll)).validate(tei, e.getKey()));
            }
            assertEquals("true", xpath(Xml.parse(tei), e.getValue()[2]), e.getKey());
        }
    }

    @Test
    void theSourceRenderingGivesEachVariantBack() throws Exception {
        for (Map.Entry<String, String[]> e : CASES.entrySet()) {
            String source = Files.readString(tmp.resolve("out/source/" + e.getKey() + ".txt"));
            assertEquals(SourceRoundTripTest.normalise(e.getValue()[0]), SourceRoundTripTest.normalise(source),
                    e.getKey());
        }
    }

    /** An article with no date anywhere (headers and file name) is refused with a located error. */
    @Test
    void noDateAnywhereIsALocatedError() throws Exception {
        Path in = tmp.resolve("undated.txt");
        Files.writeString(in, ARTICLE.replace("Date: 1950-10-01\n", "").replace("\n1950-10-01\n", "\n"));
        CliTest.Result r = CliTest.bitext("convert", in.toString(), "-o", tmp.resolve("undated-out").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains(in + ":3:1: error: no date: neither header has a YYYY-MM-DD date and the file name "
                + "does not start with one"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static String xpath(XdmNode doc, String expr) throws Exception {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        return xp.evaluateSingle("string(" + expr + ")", doc).getStringValue();
    }
}
