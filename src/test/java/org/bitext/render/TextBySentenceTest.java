package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Converted;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text rendering: sentence pairs for sentence-aligned documents, and lines wrapped to the {@code width} parameter
 * by East Asian display width, with nothing but line breaks changed (Unicode's East Asian Width property from ICU4J
 * is the measure here, independent of the stylesheet's own table).
 */
class TextBySentenceTest {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    /** Hand-made sentence-aligned documents (low certainties, unaligned sentences, links over two units, items). */
    static final Path FIXTURES = Path.of("src", "test", "resources", "render");
    /** The reference article, as bitext converts it. */
    static final String REFERENCE = "1960-06-14_suzhou_ganbu_reference_example";
    private static Renderer renderer;

    @BeforeAll
    static void load() throws Exception {
        renderer = Renderer.load(null, List.of(Format.TEXT), false);
    }

    /** Documents with sentence-level alignment: the fixtures, and every corpus article once the encoder writes it. */
    static Stream<Path> sentenceDocuments() throws Exception {
        List<Path> all = new ArrayList<>(fixtures());
        for (Path p : Converted.tei().values()) {
            if (hasSentences(Xml.parse(p))) {
                all.add(p);
            }
        }
        return all.stream();
    }

    static List<Path> fixtures() throws Exception {
        try (Stream<Path> s = Files.list(FIXTURES)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** Every document the tests know: corpus, fixtures of both shapes, TEI from elsewhere. */
    static Stream<Path> allDocuments() throws Exception {
        List<Path> all = new ArrayList<>(Converted.tei().values());
        all.addAll(fixtures());
        try (Stream<Path> s = Files.list(FIXTURES.resolve("paragraph-level"))) {
            all.addAll(s.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
        }
        try (Stream<Path> s = Files.list(Path.of("..", "shared", "foreign-tei"))) {
            all.addAll(s.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
        }
        return all.stream();
    }

    static Stream<Arguments> documentsAndWidths() throws Exception {
        return allDocuments().flatMap(p -> Stream.of(80, 30, 12).flatMap(w -> Stream.of(
                Arguments.of(p, w, ""), Arguments.of(p, w, "zh"), Arguments.of(p, w, "en"))));
    }

    static XPathCompiler xpath() {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", TEI);
        return xp;
    }

    static boolean hasSentences(XdmNode tei) throws Exception {
        return !xpath().evaluate("//t:linkGrp[@type='translation'][@subtype='sentence']", tei).isEmpty();
    }

    static String text(XdmNode tei, Map<String, String> params) throws Exception {
        return new String(renderer.render(tei, Format.TEXT, params), StandardCharsets.UTF_8);
    }

    /** Unicode East Asian Width W or F. */
    static boolean wide(int cp) {
        int w = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return w == UCharacter.EastAsianWidth.WIDE || w == UCharacter.EastAsianWidth.FULLWIDTH;
    }

    /** Columns a string takes: wide and fullwidth characters two, combining marks and format characters none. */
    static int columns(String s) {
        return s.codePoints().map(cp -> {
            int t = Character.getType(cp);
            if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.FORMAT) {
                return 0;
            }
            return wide(cp) ? 2 : 1;
        }).sum();
    }

    private static boolean hasWide(String s) {
        return s.codePoints().anyMatch(TextBySentenceTest::wide);
    }

    /** Two wrapped lines joined back: one space between two characters that are not wide, nothing otherwise. */
    static String join(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a + b;
        }
        boolean space = !wide(a.codePointBefore(a.length())) && !wide(b.codePointAt(0));
        return a + (space ? " " : "") + b;
    }

    @ParameterizedTest(name = "{0} width {1} lang ''{2}''")
    @MethodSource("documentsAndWidths")
    void linesFitTheWidthAndJoinBackToTheUnwrappedText(Path file, int width, String lang) throws Exception {
        XdmNode tei = Xml.parse(file);
        String flat = text(tei, Map.of("width", "0", "lang", lang));
        String wrapped = text(tei, Map.of("width", Integer.toString(width), "lang", lang));
        String[] lines = wrapped.split("\n", -1);
        for (String line : lines) {
            // only a piece that cannot be broken (an English word, nothing wide, no space but those before it when
            // it follows Chinese) may be wider
            assertTrue(columns(line) <= width || (!line.stripLeading().contains(" ") && !hasWide(line)),
                    () -> file.getFileName() + ": " + columns(line) + " columns at width " + width + ": " + line);
        }
        // each line of the unwrapped text is a run of wrapped lines, and joins back to exactly that line
        String[] original = flat.split("\n", -1);
        int j = 0;
        for (String line : original) {
            if (j >= lines.length) {
                fail(file.getFileName() + ": the wrapped text ends before: " + line);
            }
            String acc = lines[j++];
            while (!acc.equals(line)) {
                if (j >= lines.length || acc.length() >= line.length()) {
                    fail(file.getFileName() + " width " + width + ": wrapped lines do not join back to\n" + line
                            + "\nbut to\n" + acc);
                }
                acc = join(acc, lines[j++]);
            }
        }
        assertEquals(lines.length, j, file.getFileName() + ": more wrapped lines than the text has");
    }

    @Test
    void wrappingIsByDisplayWidthAndKeepsClosingPunctuationOffTheLineStart() throws Exception {
        XdmNode tei = Xml.parse(Converted.tei().get(REFERENCE));
        String wrapped = text(tei, Map.of("width", "40"));
        String no = "，。、；：！？」』）》〉】〕”’％";
        boolean someChineseLineIsFull = false;
        for (String line : wrapped.split("\n")) {
            assertTrue(columns(line) <= 40, line);
            if (!line.isEmpty()) {
                assertTrue(no.indexOf(line.charAt(0)) < 0, () -> "closing punctuation opens a line: " + line);
            }
            if (line.codePoints().allMatch(TextBySentenceTest::wide) && columns(line) >= 38) {
                someChineseLineIsFull = true;
                // 40 columns hold 20 Chinese characters, not 40
                assertTrue(line.codePointCount(0, line.length()) <= 20, line);
            }
        }
        assertTrue(someChineseLineIsFull, "Chinese lines are filled up to the width");
        // an English line is cut at a space, never inside a word
        assertTrue(wrapped.contains("\nPig iron production in late May\nincreased by 31% compared to the first\n"), wrapped);
    }

    /**
     * The stylesheet's own table of wide and fullwidth characters agrees with ICU4J's East Asian Width (Unicode 16)
     * for every assigned character of the Basic Multilingual Plane and the ideograph planes; the usual characters of
     * no width (combining accents, soft hyphen, zero-width space and joiners, variation selectors, byte-order mark,
     * combining kana marks) take none. (Other combining marks are told by the regular expressions' \p{Mn}, whose
     * Unicode tables are older than ICU's: not compared.)
     */
    @Test
    void theStylesheetsWidthsAreUnicodes() throws Exception {
        String xsl = "<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
                + " xmlns:xs='http://www.w3.org/2001/XMLSchema' xmlns:bt='urn:bitext:functions'>"
                + "<xsl:import href='" + Renderer.class.getResource("/org/bitext/xslt/common/wrap.xsl") + "'/>"
                + "<xsl:param name='cps' as='xs:integer*'/>"
                + "<xsl:template name='xsl:initial-template'><xsl:sequence select='$cps ! bt:cp-cols(.)'/></xsl:template>"
                + "</xsl:stylesheet>";
        net.sf.saxon.s9api.Xslt30Transformer t = Xml.processor().newXsltCompiler()
                .compile(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xsl))).load30();
        List<Integer> cps = new ArrayList<>();
        for (int cp = 0x20; cp <= 0x3FFFD; cp++) {
            int type = UCharacter.getType(cp);
            if (type != UCharacter.UNASSIGNED && type != UCharacter.SURROGATE && type != UCharacter.PRIVATE_USE
                    && type != UCharacter.CONTROL) {
                cps.add(cp);
            }
        }
        t.setStylesheetParameters(Map.of(new net.sf.saxon.s9api.QName("cps"),
                new net.sf.saxon.s9api.XdmValue(cps.stream().map(net.sf.saxon.s9api.XdmAtomicValue::new).toList())));
        net.sf.saxon.s9api.XdmValue widths = t.callTemplate(null);
        assertEquals(cps.size(), widths.size());
        List<String> wrong = new ArrayList<>();
        java.util.function.IntPredicate zero = cp -> (cp >= 0x300 && cp <= 0x36F) || cp == 0xAD
                || (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0x302A && cp <= 0x302D) || cp == 0x3099 || cp == 0x309A;
        for (int i = 0; i < cps.size(); i++) {
            int cp = cps.get(i);
            int actual = Integer.parseInt(widths.itemAt(i).getStringValue());
            boolean ok = zero.test(cp) ? actual == 0 : (actual == 2) == wide(cp);
            if (!ok) {
                wrong.add(String.format("U+%04X %d", cp, actual));
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " characters differ from Unicode: "
                + String.join(", ", wrong.subList(0, Math.min(60, wrong.size()))));
        assertTrue(cps.size() > 100_000, "the ideographs are there: " + cps.size());
    }

    @Test
    void theDefaultWidthIs80AndZeroDoesNotWrap() throws Exception {
        XdmNode tei = Xml.parse(Converted.tei().get(REFERENCE));
        assertEquals(text(tei, Map.of("width", "80")), text(tei, Map.of()));
        String flat = text(tei, Map.of("width", "0"));
        assertTrue(flat.lines().anyMatch(l -> columns(l) > 300), "width 0: a paragraph's sentence is one line");
    }

    /**
     * Bilingual text of a sentence-aligned document: after the header, one part per paragraph-level link, parts
     * separated by two blank lines; in a part, one block per sentence-level link (in link order), blocks separated by
     * one blank line; a block has its Chinese sentences, then its English ones, one line per unit.
     */
    @ParameterizedTest
    @MethodSource("sentenceDocuments")
    void sentencePairsFollowTheSentenceLinks(Path file) throws Exception {
        XdmNode tei = Xml.parse(file);
        String flat = text(tei, Map.of("width", "0"));
        assertFalse(flat.contains("\n\n\n\n"), "never three blank lines");
        List<String> parts = List.of(flat.strip().split("\n\n\n"));
        List<? extends XdmItem> plinks = xpath().evaluate(
                "//t:linkGrp[@type='translation'][@subtype='paragraph']/(t:link|t:ptr)", tei).stream().toList();
        boolean glossary = !xpath().evaluate("//t:back//t:list[@type='glossary']", tei).isEmpty();
        assertEquals(1 + plinks.size() + (glossary ? 1 : 0), parts.size(),
                file.getFileName() + ": header, one part per paragraph-level link" + (glossary ? ", glossary" : ""));
        int total = 0;
        for (int i = 0; i < plinks.size(); i++) {
            XdmNode plink = (XdmNode) plinks.get(i);
            // the sentence links under this paragraph link: those whose sentences lie in its units
            List<? extends XdmItem> slinks = xpath().evaluate(
                    "let $units := for $t in tokenize(@target, ' ') return id(substring($t, 2)) return "
                            + "//t:linkGrp[@subtype='sentence']/(t:link|t:ptr)"
                            + "[exists(id(substring(tokenize(@target, ' ')[1], 2))/.. intersect $units)]",
                    plink).stream().toList();
            String[] blocks = parts.get(1 + i).split("\n\n");
            assertEquals(slinks.size(), blocks.length, file.getFileName() + ": one block per sentence link in "
                    + plink.attribute("target"));
            for (int k = 0; k < blocks.length; k++) {
                assertEquals(expectedBlock(tei, (XdmNode) slinks.get(k)), blocks[k], file.getFileName() + ": "
                        + ((XdmNode) slinks.get(k)).attribute("target"));
            }
            total += blocks.length;
        }
        assertEquals(xpath().evaluate("//t:linkGrp[@subtype='sentence']/(t:link|t:ptr)", tei).size(), total);
    }

    /** What the block of one sentence link must be, computed from the TEI here rather than by the stylesheet. */
    private static String expectedBlock(XdmNode tei, XdmNode link) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String side : List.of("zh", "en")) {
            List<? extends XdmItem> sentences = xpath().evaluate("for $t in tokenize(@target, ' ') return id(substring($t, 2))"
                    + "[ancestor::t:div[@xml:id='" + side + "']]", link).stream().toList();
            StringBuilder line = new StringBuilder();
            XdmNode previous = null;
            for (XdmItem it : sentences) {
                XdmNode s = (XdmNode) it;
                if (previous != null && previous.getParent().equals(s.getParent())) {
                    // what stands between the two sentences in their unit
                    assertEquals(previous, xpath().evaluate("preceding-sibling::t:s[1]", s).itemAt(0),
                            "the fixtures' links name adjacent sentences");
                    line.append(xpath().evaluate("let $p := preceding-sibling::t:s[1] return "
                            + "string-join(preceding-sibling::node()[. >> $p] ! string(.))", s).itemAt(0).getStringValue());
                } else if (previous != null) {
                    lines.add(normalise(line.toString(), side));
                    line.setLength(0);
                }
                if (previous == null || !previous.getParent().equals(s.getParent())) {
                    line.append(marker(s));
                }
                line.append(s.getStringValue());
                previous = s;
            }
            if (previous != null) {
                lines.add(normalise(line.toString(), side));
            }
        }
        return String.join("\n", lines);
    }

    /** An item's marker ("- " or "▲") before its first sentence. */
    private static String marker(XdmNode s) throws Exception {
        return xpath().evaluate("if (parent::t:item and not(preceding-sibling::t:s) and ../preceding-sibling::*[1][self::t:label])"
                + " then (for $l in string(../preceding-sibling::t:label[1]) return $l || (if ($l = '-') then ' ' else ''))"
                + " else ''", s).itemAt(0).getStringValue();
    }

    private static String normalise(String s, String side) {
        return side.equals("en") ? s.replaceAll("\\s+", " ").strip() : s.strip();
    }
}
