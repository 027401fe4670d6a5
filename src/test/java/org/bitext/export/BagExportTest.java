package org.bitext.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.loc.repository.bagit.conformance.BagLinter;
import gov.loc.repository.bagit.conformance.BagitWarning;
import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bitext.batch.Hashes;
import org.bitext.cli.ExportCommand;
import org.bitext.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bitext export bagit} on the output of the bundled corpus. */
class BagExportTest {
    private static Path corpusOutput;
    static Path out;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void runCorpus() throws Exception {
        out = corpusOutput();
    }

    /**
     * The run output of the bundled corpus, made once per test JVM and shared by the export tests (which only read
     * it); deleted when the JVM ends.
     */
    static synchronized Path corpusOutput() throws Exception {
        if (corpusOutput == null) {
            Path dir = Files.createTempDirectory("bitext-export-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    org.bitext.export.bag.Staging.deleteTree(dir);
                } catch (java.io.IOException e) {
                    // a temporary folder left behind
                }
            }));
            Path run = dir.resolve("out");
            assertEquals(0, Main.execute("run", "corpus", "-o", run.toString(), "--quiet"));
            corpusOutput = run;
        }
        return corpusOutput;
    }

    static Result export(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new ExportCommand());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new Result(code, o.toString(), e.toString());
    }

    static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void bagIsBagIt10WithEveryRunOutputAndVerifies() throws Exception {
        Path bag = tmp.resolve("bag");
        Result r = export("bagit", out.toString(), "-o", bag.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("verified with bagit-java: complete and valid"), r.out());

        String nl = System.lineSeparator();
        assertEquals("BagIt-Version: 1.0" + nl + "Tag-File-Character-Encoding: UTF-8" + nl, read(bag.resolve("bagit.txt")));
        assertEquals(List.of("bag-info.txt", "bagit.txt", "manifest-sha512.txt", "tagmanifest-sha512.txt"),
                files(bag).stream().filter(f -> !f.startsWith("data/")).toList());

        // the payload is the run output, byte for byte: 12 articles × 4 renderings, the site's index pages (the
        // archive, 4 years, 4 months), report.json; not the catalog (an operational index with the times of the runs)
        List<String> payload = new java.util.ArrayList<>(files(out));
        assertTrue(payload.remove("catalog.sqlite"), payload.toString());
        assertTrue(payload.removeIf(f -> f.startsWith("search/")), "nor the search index: " + payload);
        assertEquals(58, payload.size());
        assertEquals(payload.stream().map(f -> "data/" + f).toList(),
                files(bag).stream().filter(f -> f.startsWith("data/")).toList());
        long bytes = 0;
        for (String f : payload) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(bag.resolve("data").resolve(f)), f);
            bytes += Files.size(out.resolve(f));
        }

        // manifest: SHA-512 of every payload file, two spaces, sorted by path
        List<String> manifest = Files.readAllLines(bag.resolve("manifest-sha512.txt"));
        assertEquals(payload.size(), manifest.size());
        for (int i = 0; i < payload.size(); i++) {
            String[] parts = manifest.get(i).split("  ", 2);
            assertEquals("data/" + payload.get(i), parts[1]);
            assertEquals(128, parts[0].length());
        }
        List<String> tags = Files.readAllLines(bag.resolve("tagmanifest-sha512.txt")).stream()
                .map(l -> l.split("  ", 2)[1]).toList();
        assertEquals(List.of("bag-info.txt", "bagit.txt", "manifest-sha512.txt"), tags);

        List<String> info = Files.readAllLines(bag.resolve("bag-info.txt"));
        assertEquals(List.of(
                "Source-Organization: bitext",
                "Bagging-Date: 1967-08-02", // the newest article of the corpus
                "External-Description: TEI P5 with HTML, text and source renderings, by bitext",
                "External-Identifier: bitext:" + Hashes.sha256(bag.resolve("manifest-sha512.txt")),
                "Payload-Oxum: " + bytes + "." + payload.size(),
                "Bag-Software-Agent: bitext " + org.bitext.Bitext.version()), info);

        Bag read = new BagReader().read(bag);
        assertEquals("1.0", read.getVersion().toString());
        try (BagVerifier verifier = new BagVerifier()) {
            verifier.isValid(read, false);
        }
        BagVerifier.quicklyVerify(read);
        // bagit-java 5.2.0's linter always reports these two, wrongly: DIFFERENT_CASE (it records a path before
        // looking it up) and NON_STANDARD_ALGORITHM for sha512 (it compares "SHA512" with "SHA-512")
        Set<BagitWarning> knownFalse = Set.of(BagitWarning.DIFFERENT_CASE, BagitWarning.NON_STANDARD_ALGORITHM);
        assertTrue(knownFalse.containsAll(BagLinter.lintBag(bag)), BagLinter.lintBag(bag).toString());
        assertEquals(Set.of(), BagLinter.lintBag(bag, knownFalse));
        assertNoStaging(tmp);
    }

    /**
     * The check used instead of bagit-java's verifier for bags too large for its in-memory manifests: it accepts the
     * bag bagit-java accepts, and finds an altered file, an extra file and a missing one.
     */
    @Test
    void theStreamingCheckOfLargeBagsAgreesWithBagitJava() throws Exception {
        Path bag = tmp.resolve("bag");
        org.bitext.export.bag.BagExporter.Summary s = org.bitext.export.bag.BagExporter.export(out, bag,
                org.bitext.export.bag.BagExporter.Options.defaults());
        Path manifest = bag.resolve("manifest-sha512.txt");
        org.bitext.export.bag.BagExporter.verifyWithBagit(bag, 2);
        org.bitext.export.bag.BagExporter.verifyStreaming(bag, manifest, s.files(), s.bytes());

        Path extra = bag.resolve("data/tei/extra.xml");
        Files.writeString(extra, "<x/>");
        assertThrows(IOException.class,
                () -> org.bitext.export.bag.BagExporter.verifyStreaming(bag, manifest, s.files(), s.bytes()));
        Files.delete(extra);

        Path report = bag.resolve("data/report.json");
        byte[] original = Files.readAllBytes(report);
        Files.writeString(report, "{}");
        IOException altered = assertThrows(IOException.class,
                () -> org.bitext.export.bag.BagExporter.verifyStreaming(bag, manifest, s.files(), s.bytes()));
        assertTrue(altered.getMessage().contains("data/report.json is missing or altered"), altered.getMessage());
        Files.delete(report);
        assertThrows(IOException.class,
                () -> org.bitext.export.bag.BagExporter.verifyStreaming(bag, manifest, s.files(), s.bytes()));
        Files.write(report, original);
        org.bitext.export.bag.BagExporter.verifyStreaming(bag, manifest, s.files(), s.bytes());
    }

    @Test
    void twoExportsOfTheSameOutputAreByteIdentical() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("elsewhere/b");
        assertEquals(0, export("bagit", out.toString(), "-o", a.toString(), "--quiet").code());
        assertEquals(0, export("bagit", out.toString(), "-o", b.toString(), "--quiet", "--jobs", "1").code());
        assertEquals(files(a), files(b));
        for (String f : files(a)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    @Test
    void bagInfoOptions() throws Exception {
        Path bag = tmp.resolve("bag");
        Result r = export("bagit", out.toString(), "-o", bag.toString(), "--quiet",
                "--source-organization", "Example Library", "--external-identifier", "rmrb-batch-7",
                "--bagging-date", "2024-05-31", "--fsync");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        String info = read(bag.resolve("bag-info.txt"));
        assertTrue(info.contains("Source-Organization: Example Library"), info);
        assertTrue(info.contains("External-Identifier: rmrb-batch-7"), info);
        assertTrue(info.contains("Bagging-Date: 2024-05-31"), info);

        Result bad = export("bagit", out.toString(), "-o", tmp.resolve("x").toString(), "--bagging-date", "31.5.2024");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--bagging-date must be a date YYYY-MM-DD"), bad.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void refusesToOverwriteUnlessForcedAndNeverReplacesWhatIsNotABag() throws Exception {
        Path bag = tmp.resolve("bag");
        Files.createDirectories(bag);
        Files.writeString(bag.resolve("notes.txt"), "mine");
        Result r = export("bagit", out.toString(), "-o", bag.toString());
        assertEquals(2, r.code());
        assertEquals("bitext: error: " + bag + " exists and is not empty; use --force to replace it\n",
                r.err().replace("\r\n", "\n"));
        Result forced = export("bagit", out.toString(), "-o", bag.toString(), "--force");
        assertEquals(2, forced.code());
        assertTrue(forced.err().contains("refusing to replace " + bag + " with --force: it is not a BagIt bag"),
                forced.err());
        assertEquals("mine", read(bag.resolve("notes.txt")));

        Path real = tmp.resolve("real");
        assertEquals(0, export("bagit", out.toString(), "-o", real.toString(), "-q").code());
        Files.writeString(real.resolve("data/stray.txt"), "stray");
        assertEquals(2, export("bagit", out.toString(), "-o", real.toString(), "-q").code());
        assertEquals(0, export("bagit", out.toString(), "-o", real.toString(), "-q", "--force").code());
        assertFalse(Files.exists(real.resolve("data/stray.txt")));

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        assertEquals(0, export("bagit", out.toString(), "-o", empty.toString(), "-q").code());
        assertNoStaging(tmp);
    }

    @Test
    void refusesWhatIsNotARunOutputAndABagInsideItsOwnPayload() throws Exception {
        Result inside = export("bagit", out.toString(), "-o", out.resolve("bag").toString());
        assertEquals(2, inside.code());
        assertTrue(inside.err().contains("would be inside the folder it bags"), inside.err());
        assertFalse(Files.exists(out.resolve("bag")));

        Result corpus = export("bagit", "corpus", "-o", tmp.resolve("b").toString());
        assertEquals(2, corpus.code());
        assertTrue(corpus.err().contains("corpus is not a bitext run output: it has no tei/ folder"), corpus.err());

        Result none = export("bagit", tmp.resolve("nothing").toString(), "-o", tmp.resolve("b").toString());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("bitext: error: cannot read the folder"), none.err());
        assertFalse(none.err().contains("\tat "), none.err()); // no stack trace
        assertFalse(Files.exists(tmp.resolve("b")));
    }

    @Test
    void hiddenFilesOfTheOutputStayOutOfTheBag() throws Exception {
        Path copy = tmp.resolve("out");
        for (String f : files(out)) {
            Files.createDirectories(copy.resolve(f).getParent());
            Files.copy(out.resolve(f), copy.resolve(f));
        }
        Files.writeString(copy.resolve("tei/.bitext-x.xml-123.tmp"), "half-written");
        Path bag = tmp.resolve("bag");
        assertEquals(0, export("bagit", copy.toString(), "-o", bag.toString(), "-q").code());
        assertFalse(Files.exists(bag.resolve("data/tei/.bitext-x.xml-123.tmp")));
        assertEquals(58, files(bag.resolve("data")).size());
    }

    @Test
    void theStagingFolderOfAKilledExportIsRemovedByTheNext() throws Exception {
        Path stale = Files.createDirectories(tmp.resolve(".bitext-bag-00000000deadbeef.partial/data"));
        Files.writeString(stale.resolve("half.xml"), "<half");
        Path sibling = Files.createDirectories(tmp.resolve(".bitext-bag-2-00000000deadbeef.partial"));
        assertEquals(0, export("bagit", out.toString(), "-o", tmp.resolve("bag").toString(), "-q").code());
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(sibling)); // another export's, to bag-2
        Files.delete(sibling);
        assertNoStaging(tmp);
    }

    static void assertNoStaging(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> left = s.filter(p -> p.getFileName().toString().startsWith(".bitext-")).toList();
            assertEquals(List.of(), left);
        }
    }
}
