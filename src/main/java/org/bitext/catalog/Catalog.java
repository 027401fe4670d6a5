package org.bitext.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;

/**
 * The catalog of an output folder: {@code OUT/catalog.sqlite}, an SQLite database (WAL journal) with one row per
 * article ({@code articles}) and one per output file ({@code outputs}). {@code run} and {@code convert} write it as
 * articles complete, one transaction each, so a run killed at any moment leaves a consistent catalog that the next
 * run completes; {@code serve} reads it, record by record, to answer OAI-PMH requests.
 *
 * <p>A record's {@code datestamp} is when its content last changed: a re-run that makes the same outputs keeps it, a
 * changed input, a new one (whatever its publication date) or a removed one ({@code deleted = 1}) gets the time of
 * the run, to the second. That is what incremental harvesting ({@code from} = the last harvest) needs.
 *
 * <p>Thread-safe: writes are serialised; each reading thread has its own connection (SQLite's WAL lets readers run
 * beside a writer).
 */
public final class Catalog implements AutoCloseable {
    /** The file name inside the output folder. */
    public static final String FILE = "catalog.sqlite";
    /** The schema version this bitext writes and reads ({@code PRAGMA user_version}). */
    public static final int SCHEMA_VERSION = 2;

    private static final String[] SCHEMA_V1 = {
        """
        CREATE TABLE articles (
          id             TEXT PRIMARY KEY,  -- the TEI xml:id
          input          TEXT NOT NULL,     -- the input file, as the run named it
          root           TEXT NOT NULL,     -- the input folder the run was given
          input_sha256   TEXT NOT NULL,
          date           TEXT NOT NULL,     -- publication date YYYY-MM-DD
          page           TEXT NOT NULL,
          section        TEXT NOT NULL,
          title_zh       TEXT NOT NULL,
          title_en       TEXT NOT NULL,
          status         TEXT NOT NULL,     -- converted | failed | deleted
          content_sha256 TEXT NOT NULL,     -- of the input, the metadata and the outputs: what the datestamp follows
          datestamp      TEXT NOT NULL,     -- YYYY-MM-DDThh:mm:ssZ, when the content last changed
          deleted        INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE UNIQUE INDEX articles_input ON articles(input)",
        "CREATE INDEX articles_datestamp ON articles(datestamp, id)",
        "CREATE INDEX articles_root ON articles(root, deleted)",
        """
        CREATE TABLE outputs (
          id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
          kind   TEXT NOT NULL,  -- tei | html | text | source
          path   TEXT NOT NULL,  -- relative to the output folder, with /
          sha256 TEXT NOT NULL,
          size   INTEGER NOT NULL,
          PRIMARY KEY (id, path)
        )"""
    };

    /**
     * Version 2: what the next run needs to decide that an article is up to date without a report in memory (the
     * settings its outputs were made with, the reader's warnings, the neighbours its reading view links to), and the
     * site's order (date, then input).
     */
    private static final String[] SCHEMA_V2 = {
        "ALTER TABLE articles ADD COLUMN settings TEXT NOT NULL DEFAULT ''", // what else shaped the outputs
        "ALTER TABLE articles ADD COLUMN warnings TEXT NOT NULL DEFAULT ''", // the reader's warnings, one per line
        "ALTER TABLE articles ADD COLUMN nav TEXT NOT NULL DEFAULT ''",      // the reading view's neighbours
        "CREATE INDEX articles_order ON articles(date, input)",
    };

    private final Path file;
    private final String url;
    private final Connection writer;
    private final List<Connection> readers = new ArrayList<>();
    private final ThreadLocal<Connection> reader = new ThreadLocal<>();

    private Catalog(Path file, Connection writer) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = writer;
    }

    /** The catalog file of an output folder. */
    public static Path fileOf(Path outputFolder) {
        return outputFolder.resolve(FILE);
    }

    /**
     * Opens the catalog of an output folder, creating it (and the folder) when it does not exist and bringing an older
     * schema up to date.
     *
     * @throws CatalogException when the file is damaged or was written by a newer bitext
     */
    public static Catalog open(Path outputFolder) throws CatalogException {
        Path file = fileOf(outputFolder);
        try {
            Files.createDirectories(outputFolder);
        } catch (java.io.IOException e) {
            throw new CatalogException(outputFolder + ": cannot create the output folder: " + e.getMessage(), e);
        }
        try {
            Connection c = connect(file);
            Catalog catalog = new Catalog(file, c);
            catalog.migrate();
            return catalog;
        } catch (SQLException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Opens an existing catalog to read it.
     *
     * @throws CatalogException when there is none, or it is damaged or newer than this bitext
     */
    public static Catalog openExisting(Path outputFolder) throws CatalogException {
        Path file = fileOf(outputFolder);
        if (!Files.isRegularFile(file)) {
            throw new CatalogException(file + ": no catalog in this folder. Run `bitext run IN -o " + outputFolder
                    + "` first: it writes the catalog as it converts (and rebuilds it for outputs made before).");
        }
        return open(outputFolder);
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 30000");
            walMode(s);
            s.execute("PRAGMA synchronous = NORMAL"); // WAL: a crash loses at most the last commits, never consistency
            s.execute("PRAGMA foreign_keys = ON");
        }
        return c;
    }

    /**
     * Puts the file in WAL mode (kept in the file: a no-op once done). Switching a new file to WAL needs a lock that
     * SQLite does not wait for with busy_timeout when another connection is opening the same new file at that moment,
     * so a busy answer is tried again for as long as busy_timeout would have waited.
     */
    private static void walMode(Statement s) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        for (int attempt = 1; ; attempt++) {
            try {
                s.execute("PRAGMA journal_mode = WAL");
                return;
            } catch (SQLException e) {
                int primary = e instanceof org.sqlite.SQLiteException l ? l.getResultCode().code & 0xff : -1;
                boolean busy = primary == org.sqlite.SQLiteErrorCode.SQLITE_BUSY.code
                        || primary == org.sqlite.SQLiteErrorCode.SQLITE_LOCKED.code;
                if (!busy || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(100, 5L * attempt));
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static CatalogException damaged(Path file, SQLException e) {
        return new CatalogException(file + ": the catalog cannot be read (" + e.getMessage().replaceAll("\\s+", " ")
                + "). Remove the file: the next `bitext run` over the same inputs rebuilds it from the outputs.", e);
    }

    private synchronized void migrate() throws SQLException, CatalogException {
        if (userVersion() == SCHEMA_VERSION) {
            return; // the common case, without taking the write lock
        }
        // Another process (a run starting, serve, a harvest) may be opening the same new file at this moment: the
        // version is read again, the tables counted and the schema written under one write lock (BEGIN IMMEDIATE;
        // busy_timeout makes the other wait), so one of them creates the schema and the other finds it done.
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean committed = false;
        try (Statement s = writer.createStatement()) {
            int version = userVersion();
            if (version > SCHEMA_VERSION) {
                throw new CatalogException(file + ": this catalog was written by a newer bitext (catalog schema "
                        + version + "; this bitext reads up to " + SCHEMA_VERSION + "). Use that bitext, or remove the "
                        + "file: the next `bitext run` rebuilds it from the outputs.");
            }
            if (version < SCHEMA_VERSION) {
                // version 0: a new database (or one that is not a bitext catalog: it must have no tables)
                if (version == 0) {
                    try (ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
                        if (r.next() && r.getInt(1) > 0) {
                            throw new CatalogException(file + ": this SQLite file is not a bitext catalog. Move it "
                                    + "away: the next `bitext run` writes a new catalog.");
                        }
                    }
                }
                if (version < 1) {
                    for (String sql : SCHEMA_V1) {
                        s.execute(sql);
                    }
                }
                for (String sql : SCHEMA_V2) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            s.execute("COMMIT");
            committed = true;
        } finally {
            if (!committed) {
                try (Statement s = writer.createStatement()) {
                    s.execute("ROLLBACK");
                }
            }
        }
    }

    private int userVersion() throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    /** What a transaction does. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction of the writing connection: all of it or nothing. */
    private void transaction(Work work) throws SQLException {
        writer.setAutoCommit(false);
        try {
            work.run();
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /** The current time to the second, as a datestamp. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Records written but not yet committed; they are committed together (group commit). */
    private volatile int pending; // read without the lock by readers (see pendingFirst)
    private long pendingSince;
    /** At most this many records, or this many milliseconds, between two commits. */
    private static final int GROUP = 256;
    private static final long GROUP_MILLIS = 500;
    private PreparedStatement findOld;
    private PreparedStatement deleteOld;
    private PreparedStatement insertArticle;
    private PreparedStatement insertOutput;

    /**
     * Records a converted article. Its datestamp is kept when nothing of it changed since the last record, and set to
     * {@code now} otherwise. Records are committed in groups (every {@value #GROUP} records or half a second, and by
     * {@link #flush} and {@link #close}): each record is all or nothing, and a run killed between two commits loses
     * only records the next run makes again (their inputs are not in the report it compares with).
     *
     * @return whether the record changed (a new datestamp)
     */
    public synchronized boolean record(Record r, Instant now) throws CatalogException {
        return record(r, now, Made.NONE);
    }

    /**
     * How a record's outputs were made, kept so that the next run can tell they are up to date.
     *
     * @param settings everything besides the input that shaped the outputs (tool version, options)
     * @param warnings the reader's warnings (layout variations), shown again in the report of a run that skips it
     * @param nav      the neighbours the reading view links to (previous and next article), empty when none
     */
    public record Made(String settings, List<String> warnings, String nav) {
        public static final Made NONE = new Made("", List.of(), "");

        public Made {
            warnings = List.copyOf(warnings);
        }
    }

    /** A record with how its outputs were made. */
    public record Current(Record record, Made made) {
    }

    /** {@link #record(Record, Instant)}, keeping how the outputs were made. */
    public synchronized boolean record(Record r, Instant now, Made made) throws CatalogException {
        String content = contentHash(r);
        try {
            if (pending == 0) {
                writer.setAutoCommit(false);
                pendingSince = System.nanoTime();
                prepare();
            }
            try (Statement sp = writer.createStatement()) {
                sp.execute("SAVEPOINT one_record");
            }
            try {
                boolean changed = write(r, content, now, made);
                try (Statement sp = writer.createStatement()) {
                    sp.execute("RELEASE one_record");
                }
                pending++;
                if (pending >= GROUP || System.nanoTime() - pendingSince > GROUP_MILLIS * 1_000_000) {
                    commit();
                }
                return changed;
            } catch (SQLException e) {
                try (Statement sp = writer.createStatement()) {
                    sp.execute("ROLLBACK TO one_record");
                    sp.execute("RELEASE one_record");
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new CatalogException(file + ": cannot record " + r.input() + ": " + e.getMessage(), e);
        }
    }

    private void prepare() throws SQLException {
        if (findOld == null) {
            findOld = writer.prepareStatement(
                    "SELECT id, content_sha256, datestamp, deleted FROM articles WHERE input = ? OR id = ?");
            deleteOld = writer.prepareStatement("DELETE FROM articles WHERE input = ? OR id = ?");
            insertArticle = writer.prepareStatement("INSERT INTO articles (id, input, root, input_sha256, date, page, "
                    + "section, title_zh, title_en, status, content_sha256, datestamp, deleted, settings, warnings, "
                    + "nav) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
            insertOutput = writer.prepareStatement("INSERT INTO outputs (id, kind, path, sha256, size) "
                    + "VALUES (?, ?, ?, ?, ?)");
        }
    }

    private boolean write(Record r, String content, Instant now, Made made) throws SQLException {
        String oldDatestamp = null;
        String oldContent = null;
        boolean oldDeleted = false;
        String oldId = null;
        findOld.setString(1, r.input());
        findOld.setString(2, r.id());
        try (ResultSet rs = findOld.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(1).equals(r.id())) {
                    oldId = rs.getString(1);
                    oldContent = rs.getString(2);
                    oldDatestamp = rs.getString(3);
                    oldDeleted = rs.getInt(4) != 0;
                }
            }
        }
        boolean same = content.equals(oldContent) && !oldDeleted && oldId != null;
        String datestamp = same ? oldDatestamp : now.toString();
        deleteOld.setString(1, r.input());
        deleteOld.setString(2, r.id());
        deleteOld.executeUpdate();
        int k = 1;
        insertArticle.setString(k++, r.id());
        insertArticle.setString(k++, r.input());
        insertArticle.setString(k++, r.root());
        insertArticle.setString(k++, r.inputSha256());
        insertArticle.setString(k++, r.date());
        insertArticle.setString(k++, r.page());
        insertArticle.setString(k++, r.section());
        insertArticle.setString(k++, r.titleZh());
        insertArticle.setString(k++, r.titleEn());
        insertArticle.setString(k++, r.status());
        insertArticle.setString(k++, content);
        insertArticle.setString(k++, datestamp);
        insertArticle.setString(k++, made.settings());
        insertArticle.setString(k++, String.join("\n", made.warnings()));
        insertArticle.setString(k, made.nav());
        insertArticle.executeUpdate();
        for (Output out : r.outputs()) {
            insertOutput.setString(1, r.id());
            insertOutput.setString(2, kind(out.path()));
            insertOutput.setString(3, out.path());
            insertOutput.setString(4, out.sha256());
            insertOutput.setLong(5, out.bytes());
            insertOutput.addBatch();
        }
        insertOutput.executeBatch();
        return !same;
    }

    private void commit() throws SQLException {
        if (pending > 0 || !writer.getAutoCommit()) {
            writer.commit();
            writer.setAutoCommit(true);
        }
        pending = 0;
    }

    /**
     * Before a read: commits the records this process has written but not committed, so that it reads its own
     * records. Without any (as in {@code serve}, which writes none) it takes no lock: concurrent readers never wait.
     */
    private void pendingFirst() throws CatalogException {
        if (pending > 0) {
            flush();
        }
    }

    /** Commits the records written so far (every other writing method does so first). */
    public synchronized void flush() throws CatalogException {
        try {
            commit();
        } catch (SQLException e) {
            throw new CatalogException(file + ": cannot commit: " + e.getMessage(), e);
        }
    }

    /** Marks the record of an input that failed in this run (its earlier outputs, if any, are kept). */
    public synchronized void failed(String input) throws CatalogException {
        flush();
        try (PreparedStatement u = writer.prepareStatement(
                "UPDATE articles SET status = 'failed' WHERE input = ? AND deleted = 0")) {
            u.setString(1, input);
            u.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Marks deleted every record of a run's input folder whose input is no longer there, as {@code stillThere} tells
     * (asked of each live record in turn: nothing of the run's inputs is held in memory), with the datestamp
     * {@code now}, in one transaction.
     *
     * @return the records marked, as they were (with their outputs)
     */
    public synchronized List<Record> markDeleted(String root, java.util.function.Predicate<String> stillThere,
                                                 Instant now) throws CatalogException {
        flush();
        List<Record> gone = new ArrayList<>();
        try {
            try (PreparedStatement q = writer.prepareStatement(
                    "SELECT id, input FROM articles WHERE root = ? AND deleted = 0")) {
                q.setString(1, root);
                try (ResultSet rs = q.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    while (rs.next()) {
                        if (!stillThere.test(rs.getString(2))) {
                            ids.add(rs.getString(1));
                        }
                    }
                    for (String id : ids) {
                        get(writer, id).ifPresent(gone::add);
                    }
                }
            }
            writer.setAutoCommit(false);
            try (PreparedStatement u = writer.prepareStatement(
                    "UPDATE articles SET deleted = 1, status = 'deleted', datestamp = ? WHERE id = ?")) {
                for (Record r : gone) {
                    u.setString(1, now.toString());
                    u.setString(2, r.id());
                    u.addBatch();
                }
                u.executeBatch();
            }
            writer.commit();
            return gone;
        } catch (SQLException e) {
            try {
                writer.rollback();
            } catch (SQLException ignored) {
                // the original error says more
            }
            throw new CatalogException(file + ": cannot mark deletions: " + e.getMessage(), e);
        } finally {
            try {
                writer.setAutoCommit(true);
            } catch (SQLException ignored) {
                // reported by the next call
            }
        }
    }

    /** The deleted records of an input folder whose output files are still listed (not yet removed). */
    public synchronized List<Record> deletedWithOutputs(String root) throws CatalogException {
        flush();
        List<Record> out = new ArrayList<>();
        try (PreparedStatement q = writer.prepareStatement("SELECT a.id FROM articles a WHERE a.root = ? AND "
                + "a.deleted = 1 AND EXISTS (SELECT 1 FROM outputs o WHERE o.id = a.id)")) {
            q.setString(1, root);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                get(writer, id).ifPresent(out::add);
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /** Removes the output rows of a deleted record whose files were removed ({@code --delete}). */
    public synchronized void forgetOutputs(String id) throws CatalogException {
        flush();
        try (PreparedStatement d = writer.prepareStatement("DELETE FROM outputs WHERE id = ?")) {
            d.setString(1, id);
            d.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The record of an input as the last run left it, when that run converted it (not failed, not deleted), with how
     * its outputs were made: what tells the next run whether the input is up to date.
     */
    public synchronized Optional<Current> current(String input) throws CatalogException {
        try (PreparedStatement q = writer.prepareStatement("SELECT " + COLUMNS + ", settings, warnings, nav FROM "
                + "articles WHERE input = ? AND deleted = 0 AND status = 'converted'")) {
            q.setString(1, input);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Record r = withOutputs(writer, List.of(row(rs))).get(0);
                String w = rs.getString(14);
                return Optional.of(new Current(r, new Made(rs.getString(13),
                        w.isEmpty() ? List.of() : List.of(w.split("\n")), rs.getString(15))));
            }
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * One article of the site: converted, not deleted, with a reading view.
     *
     * @param html the reading view's path, relative to the output folder
     * @param tei  the TEI's path, relative to the output folder (empty when none)
     * @param nav  the neighbours its reading view links to
     */
    public record SiteRow(String id, String input, String date, String page, String section, String titleZh,
                          String titleEn, String html, String tei, String nav) {
    }

    /** The articles of the site (with a reading view besides): converted by the last run, not deleted. */
    private static final String ON_SITE = "a.deleted = 0 AND a.status = 'converted'";

    /** What is done with each row of a streamed selection. */
    @FunctionalInterface
    public interface RowHandler<T> {
        void accept(T row) throws java.io.IOException, CatalogException;
    }

    /**
     * Every article of the site in its order (publication date, then input), streamed from the database: memory does
     * not grow with the archive.
     */
    public void site(RowHandler<SiteRow> handler) throws CatalogException, java.io.IOException {
        flush();
        try (PreparedStatement q = read().prepareStatement("SELECT a.id, a.input, a.date, a.page, a.section, "
                + "a.title_zh, a.title_en, h.path, coalesce(t.path, ''), a.nav FROM articles a "
                + "JOIN outputs h ON h.id = a.id AND h.kind = 'html' "
                + "LEFT JOIN outputs t ON t.id = a.id AND t.kind = 'tei' "
                + "WHERE " + ON_SITE + " ORDER BY a.date, a.input")) {
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    handler.accept(new SiteRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /** The site's articles per month ({@code YYYY-MM}), in month order. */
    public java.util.SortedMap<String, Integer> siteMonths() throws CatalogException {
        flush();
        java.util.SortedMap<String, Integer> out = new java.util.TreeMap<>();
        try (Statement s = read().createStatement(); ResultSet rs = s.executeQuery("SELECT substr(a.date, 1, 7), "
                + "count(*) FROM articles a WHERE " + ON_SITE + " AND EXISTS (SELECT 1 FROM outputs h "
                + "WHERE h.id = a.id AND h.kind = 'html') GROUP BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A reading view rendered again for new neighbours: its output's hash and size, the neighbours, and (its content
     * having changed) the datestamp.
     */
    public synchronized void renavigated(String id, Output html, String nav, Instant now) throws CatalogException {
        flush();
        try {
            Optional<Record> old = get(writer, id);
            if (old.isEmpty()) {
                return;
            }
            Record r = old.get();
            List<Output> outputs = r.outputs().stream().map(o -> o.path().equals(html.path()) ? html : o).toList();
            Record changed = new Record(r.id(), r.input(), r.root(), r.inputSha256(), r.date(), r.page(), r.section(),
                    r.titleZh(), r.titleEn(), r.status(), r.datestamp(), r.deleted(), outputs);
            transaction(() -> {
                try (PreparedStatement o = writer.prepareStatement("UPDATE outputs SET sha256 = ?, size = ? "
                        + "WHERE id = ? AND path = ?");
                     PreparedStatement a = writer.prepareStatement("UPDATE articles SET nav = ?, content_sha256 = ?, "
                             + "datestamp = ? WHERE id = ?")) {
                    o.setString(1, html.sha256());
                    o.setLong(2, html.bytes());
                    o.setString(3, id);
                    o.setString(4, html.path());
                    o.executeUpdate();
                    a.setString(1, nav);
                    a.setString(2, contentHash(changed));
                    a.setString(3, now.toString());
                    a.setString(4, id);
                    a.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new CatalogException(file + ": cannot record the new reading view of " + id + ": " + e.getMessage(),
                    e);
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The record of an id, deleted or not. */
    public Optional<Record> get(String id) throws CatalogException {
        pendingFirst();
        try {
            return get(read(), id);
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Record> get(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM articles WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<Record> one = withOutputs(c, List.of(row(rs)));
                return Optional.of(one.get(0));
            }
        }
    }

    /**
     * A selection of records for a list request, in the order of datestamp, then id.
     *
     * @param from       the earliest datestamp, inclusive, or null
     * @param until      the latest datestamp, inclusive, or null
     * @param setColumn  {@code year}, {@code page} or {@code section} to select by a set, or null
     * @param setValue   the set's value, or null for every record that has one
     * @param afterStamp with {@code afterId}: the last record of the previous page (exclusive), or null
     * @param afterId    the id of that record
     */
    public record Query(Instant from, Instant until, String setColumn, String setValue, Instant afterStamp,
                        String afterId) {
    }

    /** At most {@code limit} records of a query, with their outputs. */
    public List<Record> list(Query q, int limit) throws CatalogException {
        return list(q, limit, true);
    }

    /** At most {@code limit} records of a query, with their outputs or without (an empty list: headers only). */
    public List<Record> list(Query q, int limit, boolean outputs) throws CatalogException {
        pendingFirst();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM articles WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND datestamp >= ?");
            args.add(q.from().toString());
        }
        if (q.until() != null) {
            sql.append(" AND datestamp <= ?");
            args.add(q.until().toString());
        }
        if (q.setColumn() != null) {
            String expr = switch (q.setColumn()) {
                case "year" -> "substr(date, 1, 4)";
                case "page" -> "page";
                case "section" -> "section";
                default -> throw new IllegalArgumentException("no such set column: " + q.setColumn());
            };
            if (q.setValue() == null) {
                sql.append(" AND ").append(expr).append(" <> ''"); // the parent set: every record that has a value
            } else {
                sql.append(" AND ").append(expr).append(" = ?");
                args.add(q.setValue());
            }
        }
        if (q.afterStamp() != null) {
            // a row value: SQLite seeks the (datestamp, id) index to it instead of scanning up to it
            sql.append(" AND (datestamp, id) > (?, ?)");
            args.add(q.afterStamp().toString());
            args.add(q.afterId());
        }
        sql.append(" ORDER BY datestamp, id LIMIT ").append(Math.max(0, limit));
        try {
            Connection c = read();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int k = 0; k < args.size(); k++) {
                    ps.setString(k + 1, args.get(k));
                }
                List<Record> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return outputs ? withOutputs(c, out) : out;
            }
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    /** The newest publication date of the articles whose TEI file the output folder holds. */
    public Optional<String> newestTeiDate() throws CatalogException {
        return single("SELECT max(a.date) FROM articles a WHERE a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
                + "AND EXISTS (SELECT 1 FROM outputs o WHERE o.id = a.id AND o.kind = 'tei')");
    }

    /** The earliest datestamp, if the catalog has any record. */
    public Optional<Instant> earliest() throws CatalogException {
        return single("SELECT min(datestamp) FROM articles").map(Instant::parse);
    }

    /** The number of records (deleted ones included). */
    public long size() throws CatalogException {
        return single("SELECT count(*) FROM articles").map(Long::parseLong).orElse(0L);
    }

    /** The distinct values of a set column among records that are not deleted, in their natural order. */
    public List<String> values(String setColumn) throws CatalogException {
        pendingFirst();
        String expr = switch (setColumn) {
            case "year" -> "substr(date, 1, 4)";
            case "page" -> "page";
            case "section" -> "section";
            default -> throw new IllegalArgumentException("no such set column: " + setColumn);
        };
        String order = setColumn.equals("page") ? "length(v), v" : "v";
        List<String> out = new ArrayList<>();
        try (Statement s = read().createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT " + expr
                + " AS v FROM articles WHERE " + expr + " <> '' ORDER BY " + order)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> single(String sql) throws CatalogException {
        pendingFirst();
        try (Statement s = read().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new CatalogException(file + ": " + e.getMessage(), e);
        }
    }

    private static final String COLUMNS = "id, input, root, input_sha256, date, page, section, title_zh, title_en, "
            + "status, datestamp, deleted";

    private static Record row(ResultSet rs) throws SQLException {
        return new Record(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                Instant.parse(rs.getString(11)), rs.getInt(12) != 0, List.of());
    }

    private static List<Record> withOutputs(Connection c, List<Record> records) throws SQLException {
        if (records.isEmpty()) {
            return records;
        }
        List<Record> out = new ArrayList<>(records.size());
        try (PreparedStatement q = c.prepareStatement("SELECT path, sha256, size FROM outputs WHERE id = ? ORDER BY path")) {
            for (Record r : records) {
                q.setString(1, r.id());
                List<Output> outputs = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        outputs.add(new Output(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
                out.add(new Record(r.id(), r.input(), r.root(), r.inputSha256(), r.date(), r.page(), r.section(),
                        r.titleZh(), r.titleEn(), r.status(), r.datestamp(), r.deleted(), outputs));
            }
        }
        return out;
    }

    /** This thread's reading connection. */
    private Connection read() throws SQLException {
        Connection c = reader.get();
        if (c == null || c.isClosed()) {
            c = connect(file);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA cache_size = -1024"); // 1 MB of pages per reading thread: memory stays flat
                s.execute("PRAGMA query_only = ON");
            }
            reader.set(c);
            synchronized (readers) {
                readers.add(c);
            }
        }
        return c;
    }

    private static String kind(String path) {
        int slash = path.indexOf('/');
        if (slash > 0) {
            return path.substring(0, slash);
        }
        return path.endsWith(".xml") ? "tei" : "other";
    }

    /** What a record's datestamp follows: the input, the metadata and the outputs. */
    private static String contentHash(Record r) {
        StringBuilder b = new StringBuilder();
        b.append(r.id()).append('\n').append(r.inputSha256()).append('\n').append(r.date()).append('\n')
                .append(r.page()).append('\n').append(r.section()).append('\n').append(r.titleZh()).append('\n')
                .append(r.titleEn()).append('\n');
        r.outputs().stream().sorted(java.util.Comparator.comparing(Output::path))
                .forEach(o -> b.append(o.path()).append(' ').append(o.sha256()).append('\n'));
        return Hashes.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                commit();
                for (PreparedStatement ps : new PreparedStatement[] {findOld, deleteOld, insertArticle, insertOutput}) {
                    if (ps != null) {
                        ps.close();
                    }
                }
            } catch (SQLException e) {
                // closing: the records since the last commit are made again by the next run
            }
        }
        synchronized (readers) {
            for (Connection c : readers) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing
                }
            }
            readers.clear();
        }
        try {
            writer.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
