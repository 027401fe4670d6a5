package org.bitext.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.okapi.common.Event;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.RawDocument;
import net.sf.okapi.filters.tmx.TmxFilter;
import org.bitext.cli.CliTest;
import org.bitext.inspect.Link;
import org.bitext.inspect.SentenceAlignment;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export tmx} read back by a real TMX client (the Okapi Framework's TMX filter, as CAT tool pipelines read
 * translation memories) and {@code export pairs} read line by line, both checked against the sentence links of the
 * TEI, read here with bitext's own reader of links ({@link SentenceAlignment}), not with the exporter's code.
 */
public class ParallelExportTest {
    private static final LocaleId ZH = LocaleId.fromString("zh-Hans");
    private static final LocaleId EN = LocaleId.ENGLISH;

    @TempDir
    Path tmp;

    /** The expected units of a run's TEI: [zh, en, cert] per two-sided sentence link, in file then link order. */
    public static List<String[]> expected(Path out, double minCert) throws Exception {
        List<String[]> units = new ArrayList<>();
        for (String rel : teiPaths(out)) {
            SentenceAlignment a = SentenceAlignment.of(Xml.parse(out.resolve(rel)));
            for (Link l : a.links()) {
                if (l.unaligned() || l.cert() < minCert) {
                    continue;
                }
                String zh = String.join("", l.zh().stream().map(id -> norm(a.sentences().get(id))).toList());
                String en = String.join(" ", l.en().stream().map(id -> norm(a.sentences().get(id))).toList());
                units.add(new String[] {zh, en, String.format(java.util.Locale.ROOT, "%.2f", l.cert())});
            }
        }
        return units;
    }

    private static String norm(String s) {
        return s.replaceAll("[\\s\u00A0]+", " ").strip();
    }

    static List<String> teiPaths(Path out) throws Exception {
        try (var s = Files.walk(out.resolve("tei"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted()
                    .map(p -> out.relativize(p).toString().replace('\\', '/')).toList();
        }
    }

    /** Every unit of a TMX file as the Okapi TMX filter reads it: [tuid, zh, en]. */
    public static List<String[]> okapi(Path tmx) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (TmxFilter filter = new TmxFilter();
             RawDocument doc = new RawDocument(tmx.toUri(), "UTF-8", ZH, EN)) {
            filter.open(doc);
            while (filter.hasNext()) {
                Event e = filter.next();
                if (e.isTextUnit()) {
                    ITextUnit tu = e.getTextUnit();
                    assertTrue(tu.hasTarget(EN), "an English side: " + tu.getName());
                    out.add(new String[] {tu.getName(), tu.getSource().toString(), tu.getTarget(EN).toString()});
                }
            }
        }
        return out;
    }

    public static void assertTmxMatches(Path out, Path tmx, double minCert) throws Exception {
        List<String[]> want = expected(out, minCert);
        List<String[]> got = okapi(tmx);
        assertEquals(want.size(), got.size(), "one unit per two-sided sentence link");
        for (int k = 0; k < want.size(); k++) {
            assertEquals(want.get(k)[0], got.get(k)[1], "zh of unit " + k + " " + got.get(k)[0]);
            assertEquals(want.get(k)[1], got.get(k)[2], "en of unit " + k + " " + got.get(k)[0]);
            assertTrue(got.get(k)[0] != null && got.get(k)[0].startsWith("rmrb-"), "a tuid: " + got.get(k)[0]);
        }
        assertEquals(got.size(), got.stream().map(u -> u[0]).distinct().count(), "tuids are unique");
    }

    @Test
    void tmxOfTheCorpusIsReadByOkapiUnitForUnitAndIsDeterministic() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        Path tmx = tmp.resolve("corpus.tmx");
        CliTest.Result r = CliTest.bitext("export", "tmx", out.toString(), "-o", tmx.toString());
        assertEquals(0, r.code(), r.err());
        assertTmxMatches(out, tmx, 0);
        String text = Files.readString(tmx);
        assertTrue(text.contains("<header creationtool=\"bitext\" creationtoolversion=\""), text.substring(0, 300));
        assertTrue(text.contains("segtype=\"sentence\" o-tmf=\"bitext TEI P5\" adminlang=\"en\" srclang=\"zh-Hans\" "
                + "datatype=\"plaintext\""));
        assertFalse(text.contains("creationdate"), "no date from the clock");
        for (String prop : List.of("x-cert", "x-article", "x-date", "x-page", "x-beads")) {
            assertTrue(text.contains("<prop type=\"" + prop + "\">"), prop);
        }
        assertTrue(text.contains("<prop type=\"x-beads\">1-2</prop>"), "n:m links say so");
        Path again = tmp.resolve("again.tmx");
        assertEquals(0, CliTest.bitext("export", "tmx", out.toString(), "-o", again.toString(), "-q").code());
        assertArrayEquals(Files.readAllBytes(tmx), Files.readAllBytes(again));
    }

    @Test
    void minCertLeavesOutWhatAlignReportCountsBelowIt() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        CliTest.Result report = CliTest.bitext("align-report", "--below", "0.95", out.resolve("tei").toString());
        Matcher m = Pattern.compile("all \\d+ articles: (.*); \\d+ unaligned sentences, (\\d+) links below 0\\.95")
                .matcher(report.out());
        assertTrue(m.find(), report.out());
        int links = 0;
        for (String part : m.group(1).split(",\\s*")) {
            String[] w = part.strip().split("\\s+"); // "1-1 154": the type and its count
            if (!w[0].startsWith("0-") && !w[0].endsWith("-0")) { // 1-0, 0-1: unaligned sentences, no units
                links += Integer.parseInt(w[w.length - 1]);
            }
        }
        int below = Integer.parseInt(m.group(2));
        Path tmx = tmp.resolve("sure.tmx");
        assertEquals(0, CliTest.bitext("export", "tmx", out.toString(), "-o", tmx.toString(), "--min-cert", "0.95",
                "-q").code());
        assertEquals(links - below, okapi(tmx).size(), report.out());
        assertTmxMatches(out, tmx, 0.95);
        Path all = tmp.resolve("all.tmx");
        assertEquals(0, CliTest.bitext("export", "tmx", out.toString(), "-o", all.toString(), "-q").code());
        assertEquals(links, okapi(all).size());
    }

    @Test
    void pairsAreTheLinksLineByLineInTsvAndMoses() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        Path dir = tmp.resolve("pairs");
        assertEquals(0, CliTest.bitext("export", "pairs", out.toString(), "-o", dir.toString(), "-q").code());
        List<String[]> want = expected(out, 0);
        List<String> tsv = Files.readAllLines(dir.resolve("pairs.tsv"), StandardCharsets.UTF_8);
        List<String> zh = Files.readAllLines(dir.resolve("corpus.zh-Hans"), StandardCharsets.UTF_8);
        List<String> en = Files.readAllLines(dir.resolve("corpus.en"), StandardCharsets.UTF_8);
        assertEquals("zh\ten\tcert\tarticle\tdate\tlink", tsv.get(0));
        assertEquals(want.size() + 1, tsv.size());
        assertEquals(want.size(), zh.size());
        assertEquals(want.size(), en.size());
        for (int k = 0; k < want.size(); k++) {
            String[] cols = tsv.get(k + 1).split("\t", -1);
            assertEquals(6, cols.length, tsv.get(k + 1));
            assertEquals(want.get(k)[0], cols[0]);
            assertEquals(want.get(k)[1], cols[1]);
            assertEquals(want.get(k)[2], cols[2]);
            assertTrue(cols[3].startsWith("rmrb-") && cols[4].matches("\\d{4}-\\d\\d-\\d\\d"), tsv.get(k + 1));
            assertTrue(cols[5].matches("zh-\\S+( zh-\\S+)*( en-\\S+)+"), cols[5]);
            assertEquals(cols[0], zh.get(k));
            assertEquals(cols[1], en.get(k));
        }
        Path again = tmp.resolve("again");
        assertEquals(0, CliTest.bitext("export", "pairs", out.toString(), "-o", again.toString(), "-q").code());
        for (String f : List.of("pairs.tsv", "corpus.zh-Hans", "corpus.en")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
    }

    @Test
    void teiWithoutSentenceAlignmentIsALocatedErrorAndTheParagraphLevelStillExports() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        Path mixed = tmp.resolve("mixed");
        Files.createDirectories(mixed);
        Path good = out.resolve("tei/1960-06-14_suzhou_ganbu_reference_example.xml");
        Files.copy(good, mixed.resolve("a-good.xml"));
        String tei = Files.readString(good);
        String older = tei.replaceAll("(?s)<linkGrp type=\"translation\" subtype=\"sentence\".*?</linkGrp>", "");
        assertFalse(older.equals(tei));
        Files.writeString(mixed.resolve("b-older.xml"), older);
        Path tmx = tmp.resolve("mixed.tmx");
        CliTest.Result r = CliTest.bitext("export", "tmx", mixed.toString(), "-o", tmx.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(mixed.resolve("b-older.xml") + ":1:1: error: no sentence-level alignment"), r.err());
        assertTrue(r.err().contains("--paragraphs"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(okapi(tmx).size() > 5, "the good one is exported");
        Path para = tmp.resolve("para.tmx");
        CliTest.Result p = CliTest.bitext("export", "tmx", mixed.toString(), "-o", para.toString(), "--paragraphs");
        assertEquals(0, p.code(), p.err());
        assertTrue(Files.readString(para).contains("segtype=\"paragraph\""));
        assertEquals(2 * 6, okapi(para).size(), "six paragraph links in each");
    }

    @Test
    void anUnwritableTargetIsExitTwoWithNothingHalfWritten() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        Path file = tmp.resolve("a-file");
        Files.writeString(file, "x");
        CliTest.Result r = CliTest.bitext("export", "tmx", out.toString(), "-o", file.resolve("x.tmx").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bitext: error:"), r.err());
        CliTest.Result p = CliTest.bitext("export", "pairs", out.toString(), "-o", file.resolve("d").toString());
        assertEquals(2, p.code());
        assertEquals("x", Files.readString(file));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
        assertEquals(2, CliTest.bitext("export", "tmx", out.toString(), "-o", tmp.resolve("t.tmx").toString(),
                "--min-cert", "2").code());
    }
}
