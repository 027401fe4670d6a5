package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bitext.Corpus;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog as {@code run} keeps it: re-runs, changes, deletions, {@code --delete}, and a run killed midway. */
class CatalogRunTest {
    @TempDir
    Path tmp;

    private Path copyCorpus(Path in, int copies) throws Exception {
        Files.createDirectories(in);
        List<Path> articles = Corpus.articles();
        for (int c = 0; c < copies; c++) {
            for (Path a : articles) {
                String name = a.getFileName().toString().replace(".txt", "");
                Files.copy(a, in.resolve(copies == 1 ? name + ".txt" : name + "-" + c + ".txt"));
            }
        }
        return in;
    }

    /**
     * Starts {@code bitext run} in another JVM (one worker) and returns it, still running, once its catalog holds at
     * least {@code records} records.
     */
    private Process runUntilRecorded(Path in, Path out, int records) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.bitext.cli.Main", "run", in.toString(), "-o",
                out.toString(), "-q", "--jobs", "1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(200);
            if (Files.exists(out.resolve("catalog.sqlite"))) {
                try (Catalog c = Catalog.openExisting(out)) {
                    if (c.size() >= records) {
                        break;
                    }
                } catch (Exception e) {
                    // being created
                }
            }
        }
        assertTrue(p.isAlive(), "the run ended before it could be interrupted: " + Files.readString(tmp.resolve("log")));
        return p;
    }

    private static List<Record> all(Path out) throws Exception {
        try (Catalog c = Catalog.openExisting(out)) {
            return c.list(new Catalog.Query(null, null, null, null, null, null), 100_000);
        }
    }

    @Test
    void reRunsKeepDatestampsChangesAndDeletionsGetNewOnes() throws Exception {
        Path in = copyCorpus(tmp.resolve("in"), 1);
        Path out = tmp.resolve("out");
        assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q").code());
        List<Record> first = all(out);
        assertEquals(12, first.size());
        assertTrue(first.stream().allMatch(r -> r.outputs().size() == 4 && !r.deleted()));
        Thread.sleep(1100); // datestamps have seconds
        // unchanged re-run: every datestamp kept
        assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q").code());
        assertEquals(first, all(out));
        // one changed, one added (an old publication date), one removed
        Path changed = in.resolve("1960-06-14_suzhou_ganbu_reference_example.txt");
        Files.writeString(changed, Files.readString(changed).replace("苏州", "苏州市"));
        Files.copy(in.resolve("1946-05-15_xinhua_shudian_named_entities.txt"), in.resolve("1946-05-15_added.txt"));
        Files.delete(in.resolve("1967-08-02_mao_yulu_quotation.txt"));
        Instant before = Catalog.now();
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 input has disappeared from " + in + ": marked deleted in the catalog (outputs "
                + "kept; --delete removes them)"), r.out());
        List<String> newer = all(out).stream().filter(x -> !x.datestamp().isBefore(before))
                .map(x -> x.id() + (x.deleted() ? " deleted" : "")).sorted().toList();
        // and the neighbours by date whose reading views now link elsewhere (a file of the record changed): the
        // article after the added one, the one before the removed one
        assertEquals(List.of("rmrb-1946-05-15-added", "rmrb-1946-05-15-xinhua-shudian-named-entities",
                "rmrb-1960-06-14-suzhou-ganbu-reference-example", "rmrb-1967-08-01-jianming-xinwen-column",
                "rmrb-1967-08-02-mao-yulu-quotation deleted"), newer);
        assertTrue(Files.exists(out.resolve("tei/1967-08-02_mao_yulu_quotation.xml")), "kept without --delete");
        // --delete removes the files of the deleted record, whichever run marked it
        assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q", "--delete").code());
        for (String dir : List.of("tei", "html", "text", "source")) {
            try (var s = Files.list(out.resolve(dir))) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("1967-08-02_mao")), dir);
            }
        }
        Record gone = all(out).stream().filter(Record::deleted).findFirst().orElseThrow();
        assertEquals(List.of(), gone.outputs());
    }

    @Test
    void aDamagedCatalogIsAClearErrorAndRemovingItRebuildsIt() throws Exception {
        Path in = copyCorpus(tmp.resolve("in"), 1);
        Path out = tmp.resolve("out");
        assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q").code());
        Files.writeString(out.resolve("catalog.sqlite"), "garbage ".repeat(1000));
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("catalog.sqlite: the catalog cannot be read"), r.err());
        assertTrue(r.err().contains("Remove the file"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Files.delete(out.resolve("catalog.sqlite"));
        assertEquals(0, CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q").code());
        assertEquals(12, all(out).size());
    }

    /** kill -9 in the middle of a run: the catalog is readable, and the next run completes it. */
    @Test
    void aRunKilledMidwayLeavesAConsistentCatalogThatTheNextRunCompletes() throws Exception {
        Path in = copyCorpus(tmp.resolve("in"), 25);
        Path out = tmp.resolve("out");
        Process p = runUntilRecorded(in, out, 20);
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        int atKill = all(out).size();
        assertTrue(atKill >= 20 && atKill < 300, "records at the kill: " + atKill);
        // serve reads the catalog as the kill left it
        try (org.bitext.export.oai.OaiServer s = org.bitext.export.oai.OaiServer.start(out,
                org.bitext.export.oai.OaiServer.Config.defaults().withPageSize(1000), line -> { })) {
            String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(s.baseUrl() + "?verb=ListIdentifiers&metadataPrefix=oai_dc")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(atKill, body.split("<header>", -1).length - 1, body.substring(0, Math.min(500, body.length())));
        }
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        List<Record> done = all(out);
        assertEquals(300, done.size());
        assertTrue(done.stream().allMatch(x -> !x.deleted() && x.outputs().size() == 4));
    }

    /** SIGTERM (as Ctrl-C): the articles under way finish, the report lists those not run, the next run does them. */
    @Test
    void aStoppedRunEndsCleanlyAndTheNextRunResumes() throws Exception {
        Path in = copyCorpus(tmp.resolve("in"), 25);
        Path out = tmp.resolve("out");
        Process p = runUntilRecorded(in, out, 20);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String report = Files.readString(out.resolve("report.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"not-run\" : (\\d+)").matcher(report);
        assertTrue(m.find(), report.substring(0, Math.min(600, report.length())));
        int notRun = Integer.parseInt(m.group(1));
        assertTrue(notRun > 0 && notRun < 300, report.substring(0, 600));
        try (var s = Files.walk(out)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("converted, validated and rendered " + notRun + " of 300 inputs"), r.out());
        assertEquals(300, all(out).size());
    }
}
