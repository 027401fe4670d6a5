package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bitext.Converted;
import org.bitext.inspect.Link;
import org.bitext.inspect.SentenceAlignment;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code align-report} and {@code align-eval} on the reference article. */
class AlignCommandsTest {
    private static final String NAME = "1960-06-14_suzhou_ganbu_reference_example";

    @TempDir Path tmp;
    private Path corpus;
    private Path gold;
    private SentenceAlignment system;

    @BeforeEach
    void setUp() throws Exception {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        gold = Files.createDirectories(corpus.resolve("gold"));
        Files.copy(Path.of("corpus", NAME + ".txt"), corpus.resolve(NAME + ".txt"));
        system = SentenceAlignment.of(Xml.parse(Converted.tei().get(NAME)));
    }

    private static String line(Link l) {
        return String.join(" ", l.zh()) + "\t" + String.join(" ", l.en());
    }

    private Path writeGold(List<String> lines) throws Exception {
        Path f = gold.resolve(NAME + ".tsv");
        List<String> all = new ArrayList<>(List.of("# test gold"));
        all.addAll(lines);
        Files.write(f, all);
        return f;
    }

    @Test
    void reportCountsLinksByTypeAndListsUnalignedAndUnsureOnes() {
        CliTest.Result r = CliTest.bitext("align-report", "--below", "0.95", Converted.tei().get(NAME).toString());
        assertEquals(0, r.code(), r.err());
        long links = system.links().stream().filter(l -> !l.unaligned()).count();
        assertTrue(r.out().contains(system.chinese().size() + " Chinese and "
                + (system.sentences().size() - system.chinese().size()) + " English sentences, " + links + " links"), r.out());
        long oneToOne = system.links().stream().filter(l -> l.type().equals("1-1")).count();
        assertTrue(r.out().contains("by type: 1-1 " + oneToOne), r.out());
        for (Link l : system.links()) {
            if (!l.unaligned() && l.cert() < 0.95) {
                assertTrue(r.out().contains(String.join(" ", l.zh()) + " = " + String.join(" ", l.en())), r.out());
            }
        }
    }

    @Test
    void reportRefusesTeiWithoutSentenceAlignment() throws Exception {
        Path old = tmp.resolve("old.xml");
        String tei = Files.readString(Converted.tei().get(NAME));
        Files.writeString(old, tei.replaceAll("(?s)<linkGrp type=\"translation\" subtype=\"sentence\".*?</linkGrp>", ""));
        CliTest.Result r = CliTest.bitext("align-report", old.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("old.xml: error: no sentence alignment"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void evalOfTheAlignerAgainstItsOwnLinksIsPerfect() throws Exception {
        writeGold(system.links().stream().map(AlignCommandsTest::line).toList());
        CliTest.Result r = CliTest.bitext("align-eval", gold.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*" + NAME + "\\s+(\\d+)\\s+\\1\\s+\\1\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"), r.out());
    }

    @Test
    void evalCountsAMergedLinkAsOneMissedAndTwoWrong() throws Exception {
        List<Link> links = system.links();
        int k = 0;
        while (links.get(k).type().equals("1-1") == false || links.get(k + 1).type().equals("1-1") == false) {
            k++;
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            if (i == k) {
                Link a = links.get(k);
                Link b = links.get(k + 1);
                lines.add(a.zh().get(0) + " " + b.zh().get(0) + "\t" + a.en().get(0) + " " + b.en().get(0));
                i++;
            } else {
                lines.add(line(links.get(i)));
            }
        }
        writeGold(lines);
        CliTest.Result r = CliTest.bitext("align-eval", gold.toString());
        assertEquals(0, r.code(), r.err());
        int n = links.size();
        String expected = String.format(java.util.Locale.ROOT, "%s\\s+%d\\s+%d\\s+%d\\s+%.3f\\s+%.3f\\s+", NAME, n - 1, n,
                n - 2, (n - 2) / (double) n, (n - 2) / (double) (n - 1));
        assertTrue(r.out().matches("(?s).*" + expected + ".*"), expected + "\n" + r.out());
        assertTrue(r.out().contains("missed"), r.out());
    }

    @Test
    void goldErrorsAreLocated() throws Exception {
        List<String> lines = new ArrayList<>(system.links().stream().map(AlignCommandsTest::line).toList());
        lines.set(2, "zh-p99-s1\ten-p1-s1");
        Path f = writeGold(lines);
        CliTest.Result r = CliTest.bitext("align-eval", gold.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(f + ":4: error: \"zh-p99-s1\" is no sentence of the article"), r.err());

        lines = new ArrayList<>(system.links().stream().map(AlignCommandsTest::line).toList());
        lines.remove(lines.size() - 1);
        writeGold(lines);
        r = CliTest.bitext("align-eval", gold.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("sentences of the article missing from the gold file"), r.err());

        lines = new ArrayList<>(system.links().stream().map(AlignCommandsTest::line).toList());
        lines.set(0, lines.get(0).replace("\t", " "));
        writeGold(lines);
        r = CliTest.bitext("align-eval", gold.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(":2: error: expected Chinese ids, one TAB, English ids; found no TAB"), r.err());
    }

    @Test
    void theBundledGoldFitsTheCurrentSentencesAndTheAlignerMeetsItsTarget() {
        // every gold file names exactly the sentences the converter makes today, and the link F1 is >= 0.95
        CliTest.Result r = CliTest.bitext("align-eval", "--no-errors", "corpus/gold");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("all \\(micro-average\\)\\s+\\d+\\s+\\d+\\s+\\d+\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(3)) >= 0.95, r.out());
        assertTrue(r.out().split("\n").length >= 14, "a line per gold article: " + r.out());
    }

    /**
     * The development sample's gold (57 articles aligned by hand) fits today's sentences, the aligner with its shipped
     * weights scores at least 0.98 over sentence pairs and unaligned sentences on it, and the cross-validated figure
     * the README gives is at least 0.97.
     */
    @Test
    void theSampleGoldFitsAndTheCrossValidatedScoreMeetsTheTarget() {
        CliTest.Result r = CliTest.bitext("align-eval", "--no-errors", "--cross-validate", "corpus/sample/gold");
        assertEquals(0, r.code(), r.err());
        java.util.regex.Matcher all = java.util.regex.Pattern.compile(
                "pairs and unaligned sentences .*: \\d+ gold, \\d+ found, \\d+ right: P \\S+ R \\S+ F1 (\\S+)").matcher(r.out());
        assertTrue(all.find(), r.out());
        assertTrue(Double.parseDouble(all.group(1)) >= 0.98, r.out());
        java.util.regex.Matcher cv = java.util.regex.Pattern.compile(
                "cross-validated \\(2 halves\\): +pairs and unaligned P \\S+ R \\S+ F1 (\\S+);").matcher(r.out());
        assertTrue(cv.find(), r.out());
        assertTrue(Double.parseDouble(cv.group(1)) >= 0.97, r.out());
        java.util.regex.Matcher cal = java.util.regex.Pattern.compile("cert >= 0.90: (\\d+) links, (\\S+) right")
                .matcher(r.out());
        assertTrue(cal.find(), r.out());
        assertTrue(Double.parseDouble(cal.group(2)) >= 0.98, r.out());
    }
}
