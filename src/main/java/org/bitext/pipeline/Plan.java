package org.bitext.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The inputs of a batch, in the order it runs them, kept on disk rather than in memory: the named files and folder
 * trees are walked once and every input goes into a temporary SQLite database, which sorts them (by a key, then by
 * path) and hands them back one at a time. A batch of a million inputs holds none of them in memory; the file is
 * removed on {@link #close}.
 */
public final class Plan implements AutoCloseable {
    private static final Pattern NAME_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern HEADER_DATE = Pattern.compile("(?m)^Date:\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$");
    /** How much of a file is read for its date when its name has none: the English header is at the top. */
    private static final int HEAD_BYTES = 4096;

    private final Path file;
    private final Connection db;
    private final long size;

    /** An input with the key it is ordered by. */
    public record Entry(Inputs.Input input, String key) {
    }

    /** An input with the inputs before and after it in the plan's order (null at either end). */
    public record Window(Entry previous, Entry current, Entry next) {
        public Inputs.Input input() {
            return current.input();
        }
    }

    private Plan(Path file, Connection db, long size) {
        this.file = file;
        this.db = db;
        this.size = size;
    }

    /** Whether {@link #warmUp} has started. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Starts loading SQLite's native library in the background (the driver unpacks it and runs a platform check,
     * about 0.2 s), so that it is ready when the first plan is made: a command calls this before its other start-up
     * work (loading the schema, compiling the stylesheets). Optional; calling it again does nothing.
     */
    public static void warmUp() {
        if (WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    org.sqlite.SQLiteJDBCLoader.initialize();
                } catch (Exception | LinkageError e) {
                    // the first plan will load it, and report what goes wrong
                }
            }, "bitext-sqlite-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    /** The inputs in path order. */
    public static Plan byPath(List<Path> paths, List<String> extensions) throws IOException {
        return of(paths, extensions, in -> "");
    }

    /** The inputs in the order of their publication date (as {@link #dateHint} finds it), then of their path. */
    public static Plan byDate(List<Path> paths, List<String> extensions) throws IOException {
        return of(paths, extensions, Plan::dateHint);
    }

    /**
     * Files named directly, and the files of the named folders' trees whose name ends in one of the extensions (not
     * hidden ones), ordered by {@code key}, then by path.
     */
    public static Plan of(List<Path> paths, List<String> extensions, Function<Inputs.Input, String> key)
            throws IOException {
        return of(paths, (root, f) -> Inputs.wanted(f, extensions), key);
    }

    /**
     * The files of a folder tree whose path relative to it {@code wanted} accepts, in path order: what an export
     * walks, however many files the folder holds.
     */
    public static Plan tree(Path root, java.util.function.Predicate<Path> wanted) throws IOException {
        return of(List.of(root), (r, f) -> wanted.test(r.relativize(f)), in -> "");
    }

    private static Plan of(List<Path> paths, java.util.function.BiPredicate<Path, Path> wanted,
                           Function<Inputs.Input, String> key) throws IOException {
        Path file = Files.createTempFile("bitext-inputs-", ".sqlite");
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -4096"); // 4 MB of pages: memory stays flat, the sort spills to disk
                s.execute("CREATE TABLE inputs (n INTEGER PRIMARY KEY, key TEXT NOT NULL, file TEXT NOT NULL, "
                        + "relative TEXT NOT NULL)");
            }
            db.setAutoCommit(false);
            long n = 0;
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO inputs (n, key, file, relative) VALUES (?, ?, ?, ?)")) {
                for (Path p : paths) {
                    if (Files.isDirectory(p)) {
                        try (Stream<Path> s = Files.walk(p)) {
                            Iterator<Path> it = s.iterator();
                            while (it.hasNext()) {
                                Path f = it.next();
                                if (wanted.test(p, f) && Files.isRegularFile(f)) {
                                    n = add(insert, n, new Inputs.Input(f, p.relativize(f)), key);
                                }
                            }
                        }
                    } else if (Files.isRegularFile(p)) {
                        n = add(insert, n, new Inputs.Input(p, p.getFileName()), key);
                    } else {
                        throw new NoSuchFileException(p.toString(), null, "no such file or folder");
                    }
                }
                insert.executeBatch();
            }
            try (Statement s = db.createStatement()) {
                s.execute("CREATE INDEX inputs_order ON inputs(key, file)");
            }
            db.commit();
            db.setAutoCommit(true);
            return new Plan(file, db, n);
        } catch (SQLException e) {
            close(db, file);
            throw new IOException("cannot keep the list of inputs in a temporary file: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            close(db, file);
            throw e;
        }
    }

    private static long add(PreparedStatement insert, long n, Inputs.Input in, Function<Inputs.Input, String> key)
            throws SQLException {
        insert.setLong(1, n);
        insert.setString(2, key.apply(in));
        insert.setString(3, in.file().toString());
        insert.setString(4, in.relative().toString());
        insert.addBatch();
        if (n % 4096 == 4095) {
            insert.executeBatch();
        }
        return n + 1;
    }

    /**
     * An article's publication date as far as can be told without reading it: the date its file name starts with,
     * else the English header's {@code Date:} line, else empty. The reader decides the date; when it decides
     * otherwise, the site's order is put right after the batch.
     */
    public static String dateHint(Inputs.Input in) {
        Matcher m = NAME_DATE.matcher(in.file().getFileName().toString());
        if (m.find()) {
            return m.group(1);
        }
        try (InputStream s = Files.newInputStream(in.file())) {
            Matcher h = HEADER_DATE.matcher(new String(s.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8));
            return h.find() ? h.group(1) : "";
        } catch (IOException e) {
            return ""; // the batch says what is wrong with the file
        }
    }

    /** The number of inputs. */
    public long size() {
        return size;
    }

    /** The inputs in order, read from the database as they are asked for (one pass at a time, one thread). */
    public Iterator<Entry> entries() {
        try {
            PreparedStatement q = db.prepareStatement("SELECT file, relative, key FROM inputs ORDER BY key, file");
            ResultSet rs = q.executeQuery();
            return new Iterator<>() {
                private Entry next = fetch();

                private Entry fetch() {
                    try {
                        if (rs.next()) {
                            return new Entry(new Inputs.Input(Path.of(rs.getString(1)), Path.of(rs.getString(2))),
                                    rs.getString(3));
                        }
                        rs.close();
                        q.close();
                        return null;
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read the list of inputs: " + e.getMessage(), e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Entry next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    Entry e = next;
                    next = fetch();
                    return e;
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the list of inputs: " + e.getMessage(), e);
        }
    }

    /** The inputs in order. */
    public Iterator<Inputs.Input> inputs() {
        return map(entries(), Entry::input);
    }

    /** The input files in order. */
    public Iterator<Path> files() {
        return map(entries(), e -> e.input().file());
    }

    private static <A, B> Iterator<B> map(Iterator<A> it, Function<A, B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public B next() {
                return f.apply(it.next());
            }
        };
    }

    /** Each input with its neighbours in order. */
    public Iterator<Window> windows() {
        Iterator<Entry> e = entries();
        return new Iterator<>() {
            private Entry previous;
            private Entry current = e.hasNext() ? e.next() : null;

            @Override
            public boolean hasNext() {
                return current != null;
            }

            @Override
            public Window next() {
                if (current == null) {
                    throw new NoSuchElementException();
                }
                Entry following = e.hasNext() ? e.next() : null;
                Window w = new Window(previous, current, following);
                previous = current;
                current = following;
                return w;
            }
        };
    }

    @Override
    public void close() {
        close(db, file);
    }

    private static void close(Connection db, Path file) {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // the file goes all the same
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
