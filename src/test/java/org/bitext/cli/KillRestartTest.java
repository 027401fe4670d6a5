package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bitext.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL at varied moments and restarted ends with exactly the outputs of an uninterrupted run:
 * the same files, byte for byte, and no temporary file left over. (report.json is compared for its outputs only:
 * a restarted run rightly reports the inputs it found up to date as unchanged.)
 */
class KillRestartTest {
    private static final int COPIES = 5;

    @TempDir
    Path tmp;

    private Process start(Path in, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", in.toString(), "-o", out.toString(), "--quiet");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("log-" + System.nanoTime() + ".txt").toFile());
        return pb.start();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void killedAndRestartedRunsEndLikeAnUninterruptedOne() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        for (int i = 1; i <= COPIES; i++) {
            for (Path a : Corpus.articles()) {
                Files.copy(a, in.resolve(Corpus.name(a) + "-" + i + ".txt"));
            }
        }
        Path reference = tmp.resolve("reference");
        long t0 = System.nanoTime();
        Process ref = start(in, reference);
        assertTrue(ref.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, ref.exitValue());
        long full = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        Path out = tmp.resolve("out");
        List<Long> killedAt = new ArrayList<>();
        for (int k = 1; k <= 6; k++) {
            long delay = full * k / 7; // spread over start-up, conversion and the final index and report
            Process p = start(in, out);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly(); // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);
                killedAt.add(delay);
            }
        }
        Process last = start(in, out);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue());
        assertTrue(killedAt.size() >= 3, "the runs were killed at " + killedAt + " ms of " + full);

        // the search index is compared by what it holds, below: Lucene's segment files differ from run to run
        List<Path> expected = files(reference).stream().filter(f -> !f.startsWith("search")).toList();
        assertEquals(expected, files(out).stream().filter(f -> !f.startsWith("search")).toList(),
                "same files, and no temporary file left over");
        for (Path f : expected) {
            if (!f.toString().equals("report.json") && !f.toString().equals("catalog.sqlite")) {
                assertArrayEquals(Files.readAllBytes(reference.resolve(f)), Files.readAllBytes(out.resolve(f)),
                        f + " differs after kills at " + killedAt);
            }
        }
        // the catalogs hold the same records with the same outputs (their datestamps are the times of the runs)
        try (org.bitext.catalog.Catalog a = org.bitext.catalog.Catalog.openExisting(reference);
             org.bitext.catalog.Catalog b = org.bitext.catalog.Catalog.openExisting(out)) {
            var q = new org.bitext.catalog.Catalog.Query(null, null, null, null, null, null);
            java.util.function.Function<org.bitext.catalog.Record, String> key = r -> r.id() + " " + r.input() + " "
                    + r.inputSha256() + " " + r.status() + " " + r.deleted() + " " + r.outputs();
            List<String> ra = a.list(q, 100_000).stream().map(key).sorted().toList();
            List<String> rb = b.list(q, 100_000).stream().map(key).sorted().toList();
            assertEquals(12 * COPIES, ra.size());
            assertEquals(ra, rb, "the same catalog records after kills at " + killedAt);
        }
        // the search index holds every article, as the catalog has it: nothing left to add, change or remove
        assertEquals(new org.bitext.search.SearchIndex.Counts(0, 0, 0, 12 * COPIES, 0, 0),
                org.bitext.search.SearchIndex.updateFrom(out));
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("\"failed\" : 0"), report.substring(0, Math.min(400, report.length())));
    }
}
