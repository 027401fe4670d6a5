package org.bitext.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.cli.CliTest;
import org.bitext.render.SourceRoundTripTest;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The development sample of real articles ({@code corpus/sample/}), through {@code bitext run} as a user runs it:
 * every article converted, valid against bitext's schema and the official tei_all, its {@code source} rendering
 * giving the input back, at least one link between text of both sides, and exactly the reviewed warnings.
 */
class SampleTest {
    static final Path SAMPLE = Path.of("corpus/sample");
    static final Path ARTICLES = SAMPLE.resolve("articles");
    @TempDir
    static Path tmp;
    private static CliTest.Result run;
    private static JsonNode report;

    @BeforeAll
    static void run() throws Exception {
        run = CliTest.bitext("run", ARTICLES.toString(), "--ext", "md", "-o", tmp.resolve("out").toString(), "--quiet");
        report = new ObjectMapper().readTree(tmp.resolve("out/report.json").toFile());
    }

    static List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(ARTICLES)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    @Test
    void everyArticleIsConvertedWithExitCodeZero() throws Exception {
        assertEquals(0, run.code(), run.err());
        assertTrue(names().size() >= 300, "the sample has " + names().size() + " articles");
        assertEquals(names().size(), report.get("summary").get("converted").asInt(), run.err());
    }

    @Test
    void everySourceIsListedWithItsProvenance() throws Exception {
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLE.resolve("SOURCES.tsv"))) {
            String[] f = line.split("\t");
            if (f[0].equals("file")) {
                continue;
            }
            assertEquals("yeoksayeou/baokan-files", f[1], line);
            assertTrue(f[2].matches("rmrb/\\d{4}\\.\\d{2}/.+"), line);
            assertTrue(f[3].matches("[0-9a-f]{40}"), line);
            listed.add(f[0]);
        }
        assertEquals(names().stream().map(n -> n + ".md").toList(), listed.stream().sorted().toList());
    }

    @ParameterizedTest
    @MethodSource("names")
    void validAgainstTeiAll(String name) throws Exception {
        String path = System.getProperty("tei.all");
        assertTrue(path != null && !path.isBlank(), "set -Dtei.all=PATH/TO/tei_all.rng");
        Path tei = tmp.resolve("out/tei/" + name + ".xml");
        assertEquals(List.of(), TeiValidator.builtin().validate(tei, name));
        assertEquals(List.of(), teiAll(Path.of(path)).validate(tei, name));
    }

    private static TeiValidator teiAllValidator;

    private static synchronized TeiValidator teiAll(Path rng) throws Exception {
        if (teiAllValidator == null) {
            teiAllValidator = TeiValidator.relaxNg(rng);
        }
        return teiAllValidator;
    }

    @ParameterizedTest
    @MethodSource("names")
    void sourceGivesTheInputBack(String name) throws Exception {
        String input = Files.readString(ARTICLES.resolve(name + ".md"), StandardCharsets.UTF_8);
        String source = Files.readString(tmp.resolve("out/source/" + name + ".txt"), StandardCharsets.UTF_8);
        assertEquals(SourceRoundTripTest.normalise(input), SourceRoundTripTest.normalise(source), name);
    }

    /** At least one paragraph-level link pairs a Chinese unit with text and an English unit with text. */
    @ParameterizedTest
    @MethodSource("names")
    void atLeastOneLinkBetweenTextOfBothSides(String name) throws Exception {
        XdmNode doc = Xml.parse(tmp.resolve("out/tei/" + name + ".xml"));
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        XdmItem n = xp.evaluateSingle("count(//t:linkGrp[@subtype = 'paragraph']/t:link[ "
                + "let $units := for $t in tokenize(@target, ' ') return id(substring($t, 2), root(.)) return "
                + "exists($units[ancestor::t:div[@type = 'original']][normalize-space(.) != '']) and "
                + "exists($units[ancestor::t:div[@type = 'translation']][normalize-space(.) != ''])])", doc);
        assertTrue(Integer.parseInt(n.getStringValue()) >= 1, name + " has no link between text of both sides");
    }

    /** The warnings are those reviewed and kept in {@code corpus/sample/reviewed-warnings.list}: none new, none lost. */
    @Test
    void warningsAreTheReviewedOnes() throws Exception {
        TreeMap<String, Boolean> got = new TreeMap<>();
        for (JsonNode in : report.get("inputs")) {
            for (JsonNode w : in.path("warnings")) {
                got.put(w.asText().replace(ARTICLES + java.io.File.separator, ""), true);
            }
        }
        List<String> reviewed = Files.readAllLines(SAMPLE.resolve("reviewed-warnings.list")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
        assertEquals(String.join("\n", reviewed), String.join("\n", got.keySet()));
        assertEquals(reviewed.size(), report.get("summary").get("warnings").asInt());
    }

    /** The sample's aligned sentences as TMX (read by the Okapi TMX filter) and as pairs, one line per link. */
    @Test
    void exportsAsTmxAndPairs() throws Exception {
        Path out = tmp.resolve("out");
        Path tmx = tmp.resolve("sample.tmx");
        CliTest.Result r = CliTest.bitext("export", "tmx", out.toString(), "-o", tmx.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        org.bitext.export.ParallelExportTest.assertTmxMatches(out, tmx, 0);
        Path pairs = tmp.resolve("pairs");
        assertEquals(0, CliTest.bitext("export", "pairs", out.toString(), "-o", pairs.toString(), "-q").code());
        int units = org.bitext.export.ParallelExportTest.expected(out, 0).size();
        assertEquals(units, Files.readAllLines(pairs.resolve("corpus.zh-Hans")).size());
        assertEquals(units, Files.readAllLines(pairs.resolve("corpus.en")).size());
        assertEquals(units + 1, Files.readAllLines(pairs.resolve("pairs.tsv")).size());
    }
}
