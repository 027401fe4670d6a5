package org.bitext.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bitext.batch.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path out;

    private static Record rec(String id, String input, String sha, String date) {
        return new Record(id, input, "in", sha, date, "2", "", "标题", "Title", "converted", Instant.EPOCH, false,
                List.of(new Output("tei/" + id + ".xml", "t" + sha, 10), new Output("html/" + id + ".html", "h" + sha, 20)));
    }

    @Test
    void datestampsFollowTheContentNotTheRuns() throws Exception {
        Instant t1 = Instant.parse("2026-01-01T10:00:00Z");
        Instant t2 = Instant.parse("2026-01-02T10:00:00Z");
        try (Catalog c = Catalog.open(out)) {
            assertTrue(c.record(rec("a", "in/a.txt", "1", "1950-10-01"), t1));
            assertTrue(c.record(rec("b", "in/b.txt", "1", "1946-05-15"), t1));
            // the same content again: the datestamp stays
            assertFalse(c.record(rec("a", "in/a.txt", "1", "1950-10-01"), t2));
            assertEquals(t1, c.get("a").orElseThrow().datestamp());
            // changed: a new datestamp
            assertTrue(c.record(rec("b", "in/b.txt", "2", "1946-05-15"), t2));
            assertEquals(t2, c.get("b").orElseThrow().datestamp());
            // a new article with an old publication date still gets a new datestamp
            assertTrue(c.record(rec("c", "in/c.txt", "1", "1901-01-01"), t2));
            List<Record> since = c.list(new Catalog.Query(t2, null, null, null, null, null), 10);
            assertEquals(List.of("b", "c"), since.stream().map(Record::id).toList());
            assertEquals(2, since.get(0).outputs().size());
            assertEquals(Instant.parse("2026-01-01T10:00:00Z"), c.earliest().orElseThrow());
            assertEquals(List.of("1901", "1946", "1950"), c.values("year"));
        }
    }

    @Test
    void listsResumeAfterTheLastDatestampAndId() throws Exception {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        try (Catalog c = Catalog.open(out)) {
            for (String id : List.of("e", "a", "d", "b", "c")) {
                c.record(rec(id, "in/" + id + ".txt", "1", "1950-10-01"), t);
            }
            List<Record> first = c.list(new Catalog.Query(null, null, null, null, null, null), 2);
            assertEquals(List.of("a", "b"), first.stream().map(Record::id).toList());
            // a record changing between two pages moves to the end; nothing is skipped or repeated before it
            c.record(rec("a", "in/a.txt", "2", "1950-10-01"), t.plusSeconds(5));
            List<Record> rest = c.list(new Catalog.Query(null, null, null, null, t, "b"), 10);
            assertEquals(List.of("c", "d", "e", "a"), rest.stream().map(Record::id).toList());
        }
    }

    @Test
    void inputsGoneAreMarkedDeletedWithANewDatestamp() throws Exception {
        Instant t = Instant.parse("2026-01-01T10:00:00Z");
        try (Catalog c = Catalog.open(out)) {
            c.record(rec("a", "in/a.txt", "1", "1950-10-01"), t);
            c.record(rec("b", "in/b.txt", "1", "1950-10-01"), t);
            List<Record> gone = c.markDeleted("in", Set.of("in/a.txt")::contains, t.plusSeconds(60));
            assertEquals(List.of("b"), gone.stream().map(Record::id).toList());
            Record b = c.get("b").orElseThrow();
            assertTrue(b.deleted());
            assertEquals(t.plusSeconds(60), b.datestamp());
            // another input folder's run marks nothing
            assertEquals(List.of(), c.markDeleted("elsewhere", Set.<String>of()::contains, t.plusSeconds(90)));
            // back again: a live record, new datestamp
            assertTrue(c.record(rec("b", "in/b.txt", "1", "1950-10-01"), t.plusSeconds(120)));
            assertFalse(c.get("b").orElseThrow().deleted());
        }
    }

    /**
     * A run starting while serve or a harvest opens the same folder: several connections open a new catalog at once,
     * each of them finds it (one creates the schema, the others wait for it) and none calls it foreign.
     */
    @Test
    void connectionsOpeningANewCatalogAtOnceAllFindIt() throws Exception {
        int openers = 6;
        for (int round = 0; round < 60; round++) {
            Path folder = out.resolve("round-" + round);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(openers);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(openers);
            try {
                List<java.util.concurrent.Future<Long>> sizes = new java.util.ArrayList<>();
                for (int i = 0; i < openers; i++) {
                    sizes.add(pool.submit(() -> {
                        start.await();
                        try (Catalog c = Catalog.open(folder)) {
                            return c.size();
                        }
                    }));
                }
                for (java.util.concurrent.Future<Long> f : sizes) {
                    assertEquals(0L, f.get(60, java.util.concurrent.TimeUnit.SECONDS), "round " + round);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Catalog c = Catalog.open(folder)) {
                assertTrue(c.record(rec("a", "in/a.txt", "1", "1950-10-01"), Instant.EPOCH));
            }
        }
    }

    @Test
    void aCatalogFromANewerBitextIsRefusedWithAdvice() throws Exception {
        try (Catalog c = Catalog.open(out)) {
            c.record(rec("a", "in/a.txt", "1", "1950-10-01"), Instant.EPOCH);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Catalog.fileOf(out));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.open(out));
        assertTrue(e.getMessage().contains("written by a newer bitext (catalog schema 99"), e.getMessage());
        assertTrue(e.getMessage().contains("the next `bitext run` rebuilds it"), e.getMessage());
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithAdvice() throws Exception {
        Files.writeString(Catalog.fileOf(out), "this is not a database, it only has its name ".repeat(200));
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.open(out));
        assertTrue(e.getMessage().contains("Remove the file: the next `bitext run`"), e.getMessage());
        Files.delete(Catalog.fileOf(out));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Catalog.fileOf(out));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE other (x)");
        }
        CatalogException f = assertThrows(CatalogException.class, () -> Catalog.open(out));
        assertTrue(f.getMessage().contains("is not a bitext catalog"), f.getMessage());
        CatalogException g = assertThrows(CatalogException.class, () -> Catalog.openExisting(out.resolve("none")));
        assertTrue(g.getMessage().contains("no catalog in this folder"), g.getMessage());
    }
}
