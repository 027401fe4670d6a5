package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, end to end, as a user runs it. */
public class CliTest {
    @TempDir
    Path tmp;

    /** Exit code, standard output and standard error of one command. */
    public record Result(int code, String out, String err) {
    }

    /** Runs a bitext command in this JVM, capturing its output. */
    public static Result bitext(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    /** Runs bitext in a fresh JVM, as from a terminal; returns its exit code and all it printed (both streams). */
    private Result freshJvm(String... args) throws Exception {
        return freshJvm(List.of(), args);
    }

    /** As {@link #freshJvm(String...)}, with options for the JVM. */
    private Result freshJvm(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(tmp, "terminal-", ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(log), "");
    }

    /**
     * What a user sees on the terminal, from a real JVM: a quiet run over the corpus prints nothing at all (no warning
     * of Saxon's about the generated Schematron stylesheet, no logging of a library).
     */
    @Test
    void aQuietRunPrintsNothingFromAFreshJvm() throws Exception {
        Result r = freshJvm("run", Corpus.DIR.toString(), "-o", tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code());
        assertEquals("", r.out());
    }

    /**
     * A short batch with a worker on every core runs on C1 alone: the process bitext's main owns adds HotSpot's
     * directive, and HotSpot then refuses C2 every method (its own log says so). The same run told to keep C2, or
     * with fewer workers than cores, compiles with C2 as usual.
     */
    @Test
    void aShortBatchOnEveryCoreRunsOnC1Alone() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> log = List.of("-XX:+PrintCompilation");
        Result c1 = freshJvm(log, "run", Corpus.DIR.toString(), "-o", tmp.resolve("c1").toString(), "--quiet",
                "--timings", "--jobs", String.valueOf(cores));
        assertEquals(0, c1.code(), c1.out());
        assertTrue(c1.out().contains("JIT: C1 alone (12 inputs, " + cores + " worker" + (cores == 1 ? "" : "s")
                + " on " + cores + " core"), c1.out().lines().filter(l -> l.startsWith("JIT")).toList().toString());
        assertTrue(c1.out().contains("made not compilable on level 4"), "HotSpot refused no method C2");
        // PrintCompilation's lines: time, compile id, flags, tier (4: C2), method
        java.util.regex.Pattern byC2 = java.util.regex.Pattern.compile("^\\s*\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+org\\.bitext\\.");
        assertFalse(c1.out().lines().anyMatch(l -> byC2.matcher(l).find()), "a method of bitext compiled by C2");

        Result c2 = freshJvm(List.of("-Dbitext.jit=c2"), "run", Corpus.DIR.toString(), "-o",
                tmp.resolve("c2").toString(), "--quiet", "--timings", "--jobs", String.valueOf(cores));
        assertEquals(0, c2.code(), c2.out());
        assertTrue(c2.out().contains("JIT: C1 and C2 (-Dbitext.jit=c2)"), c2.out());
        if (cores > 1) {
            Result fewer = freshJvm(log, "run", Corpus.DIR.toString(), "-o", tmp.resolve("fewer").toString(),
                    "--quiet", "--timings", "--jobs", "1");
            assertTrue(fewer.out().contains("JIT: C1 and C2 (12 inputs, 1 worker on " + cores + " cores)"),
                    fewer.out());
            assertFalse(fewer.out().contains("made not compilable on level 4"));
        }
    }

    /** A program that calls bitext's Java API keeps its JVM as it is: nothing is chosen for it. */
    @Test
    void anEmbeddedBatchLeavesTheJitAlone() {
        Result r = bitext("run", Corpus.DIR.toString(), "-o", tmp.resolve("out").toString(), "--quiet", "--timings");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("JIT:"), r.err());
        assertEquals(null, org.bitext.batch.Jit.chosen());
    }

    /**
     * A stylesheet of a --xslt folder that does not compile: one line, from a real JVM, naming the file, line and
     * column of the mistake and what to do; nothing of Saxon's own report on the terminal.
     */
    @Test
    void aStylesheetThatDoesNotCompileIsOneLocatedError() throws Exception {
        Path folder = tmp.resolve("my-xslt");
        try (Stream<Path> s = Files.walk(Path.of("xslt"))) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path to = folder.resolve(Path.of("xslt").relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        Path html = folder.resolve("html.xsl");
        Files.writeString(html, Files.readString(html).replaceFirst("<xsl:template match=\"/\">",
                "<xsl:template match=\"/\"><xsl:value-of select=\"1 +\"/>"));
        Path tei = tmp.resolve("one.xml");
        Files.write(tei, org.bitext.pipeline.Pipeline.tei(Corpus.articles().get(0)));
        Result r = freshJvm("render", "--xslt", folder.toString(), "--format", "html", tei.toString(), "-o",
                tmp.resolve("out").toString());
        assertEquals(2, r.code());
        List<String> lines = r.out().lines().toList();
        assertEquals(1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("bitext: error: the stylesheet html\\.xsl does not compile: "
                + java.util.regex.Pattern.quote(html.toString()) + ":\\d+:\\d+: XPST0003 .*Correct it in "
                + java.util.regex.Pattern.quote(folder.toString())
                + ", or leave out --xslt for the built-in stylesheets\\."), lines.get(0));
    }

    @Test
    void runWritesEveryOutputForTheCorpusAndIsDeterministic() throws Exception {
        Path out1 = tmp.resolve("out1");
        Result r = bitext("run", Corpus.DIR.toString(), "-o", out1.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        int n = Corpus.articles().size();
        List<Path> written = new java.util.ArrayList<>(files(out1));
        // the catalog records when each article last changed: the one output that is not the same from run to run
        assertTrue(written.remove(Path.of("catalog.sqlite")), written.toString());
        // and the search index, an index of the outputs like the catalog (Lucene's files are not the same bytes twice)
        assertTrue(written.removeIf(f -> f.startsWith("search")), written.toString());
        // and the site's index pages (the archive, 4 years, 4 months), report.json
        assertEquals(4 * n + 1 + 4 + 4 + 1, written.size(), written.toString());
        for (Path a : Corpus.articles()) {
            String name = Corpus.name(a);
            for (String f : List.of("tei/" + name + ".xml", "html/" + name + ".html", "text/" + name + ".txt",
                    "source/" + name + ".txt")) {
                assertTrue(Files.size(out1.resolve(f)) > 0, f);
            }
        }
        assertTrue(Files.exists(out1.resolve("html/index.html")));

        Path out2 = tmp.resolve("out2");
        assertEquals(0, bitext("run", Corpus.DIR.toString(), "-o", out2.toString(), "--quiet", "--jobs", "1").code());
        for (Path f : written) {
            assertArrayEquals(Files.readAllBytes(out1.resolve(f)), Files.readAllBytes(out2.resolve(f)), f.toString());
        }
    }

    @Test
    void convertValidateRenderOneByOne() throws Exception {
        Path article = Corpus.DIR.resolve("1960-06-14_suzhou_ganbu_reference_example.txt");
        Path tei = tmp.resolve("tei");
        assertEquals(0, bitext("convert", article.toString(), "-o", tei.toString()).code());
        Path xml = tei.resolve("1960-06-14_suzhou_ganbu_reference_example.xml");
        assertTrue(Files.exists(xml));
        Result v = bitext("validate", xml.toString());
        assertEquals(0, v.code(), v.err());
        for (String format : List.of("html", "text", "source")) {
            Path dir = tmp.resolve(format);
            Result r = bitext("render", "--format", format, xml.toString(), "-o", dir.toString());
            assertEquals(0, r.code(), r.err());
            assertEquals(1, files(dir).size());
        }
        Result zh = bitext("render", "--format", "text", "--lang", "zh", xml.toString(), "-o", tmp.resolve("zh").toString());
        assertEquals(0, zh.code(), zh.err());
    }

    @Test
    void badArticleIsRefusedWithALocatedMessageAndNoOutput() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(Corpus.DIR.resolve("1960-06-05_taifeng_jingbao_dash_ranges.txt"), in.resolve("good.txt"));
        Files.writeString(in.resolve("bad.txt"), Files.readString(in.resolve("good.txt"))
                .replace("Original:", "Originally:"));
        Path out = tmp.resolve("out");
        Result r = bitext("convert", in.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bad.txt:13:1: error: unexpected line `Originally:` — expected the line `Original:` after `<hr />`"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(Files.exists(out.resolve("good.xml")), "one bad article does not stop the batch");
        assertFalse(Files.exists(out.resolve("bad.xml")));
    }

    @Test
    void invalidTeiExitsOneWithLocatedErrors() throws Exception {
        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <text/>\n</TEI>\n");
        Result r = bitext("validate", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().matches("(?s).*bad\\.xml:\\d+:\\d+: error: .*"), r.err());
    }

    @Test
    void theReferenceSchematronGivesTheSameReport() {
        String samples = Path.of("src", "test", "resources", "invalid").toString();
        Result fast = bitext("validate", "--jobs", "1", samples);
        Result reference = bitext("validate", "--jobs", "1", "--schxslt", samples);
        assertEquals(1, fast.code());
        assertEquals(1, reference.code());
        assertTrue(fast.err().contains("[link-order]"), fast.err());
        assertEquals(reference.err(), fast.err());
        assertEquals(reference.out(), fast.out());
        assertEquals(2, bitext("validate", "--schxslt", "--schema", "schemas/bitext.rng", samples).code());
    }

    @Test
    void notWellFormedTeiIsLocated() throws Exception {
        Path bad = tmp.resolve("broken.xml");
        Files.writeString(bad, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <text>\n</TEI>\n");
        Result r = bitext("validate", bad.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("broken.xml:3:"), r.err());
    }

    @Test
    void usageAndMissingFilesExitTwo() {
        assertEquals(2, bitext("convert").code());
        assertEquals(2, bitext("render", "--format", "pdf", "x.xml", "-o", "y").code());
        assertEquals(2, bitext("frobnicate").code());
        Result missing = bitext("validate", tmp.resolve("nope.xml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.xml"), missing.err());
        assertFalse(missing.err().contains("\tat "), missing.err());
    }

    @Test
    void helpOnEveryCommand() {
        for (String c : List.of("convert", "validate", "render", "run")) {
            Result r = bitext(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Usage: bitext " + c), r.out());
        }
    }

    @Test
    void validateAgainstAnotherSchema() throws Exception {
        String teiAll = System.getProperty("tei.all");
        org.junit.jupiter.api.Assumptions.assumeTrue(teiAll != null && !teiAll.isBlank(),
                "tei.all is not set; CorpusValidityTest reports it");
        Path tei = tmp.resolve("tei");
        bitext("convert", Corpus.DIR.toString(), "-o", tei.toString());
        Result r = bitext("validate", "--schema", teiAll, tei.toString());
        assertEquals(0, r.code(), r.err());
    }
}
