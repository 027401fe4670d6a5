package org.bitext.export.bag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder written whole or not at all: an export is built in a hidden temporary folder beside its target and
 * renamed onto the target in one step at the end (its files forced to disk first when durable, as {@code --fsync}
 * asks). A failed or killed export leaves the target as it was; the hidden folder a killed one leaves is removed by
 * the next export to the same target.
 *
 * <p>The target may already exist only when it is empty, or, with {@code force}, when it is a folder of the same
 * kind (the caller's {@code sameKind} test: a BagIt bag, a Simple Archive), which is then replaced. A folder of
 * another kind is never deleted: a mistyped {@code -o ~ --force} must not empty a home folder.
 */
public final class Staging implements AutoCloseable {
    private static final String PREFIX = ".bitext-";
    private static final String SUFFIX = ".partial";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final boolean durable;
    private boolean committed;

    private Staging(Path target, Path temp, boolean durable) {
        this.target = target;
        this.temp = temp;
        this.durable = durable;
    }

    /**
     * Checks that the target may be written and makes the temporary folder beside it.
     *
     * @param target   the folder to write
     * @param force    replace a non-empty target of the same kind
     * @param sameKind whether an existing non-empty target is of the kind this export writes
     * @param kind     what this export writes, for messages ("BagIt bag")
     * @param durable  force every file to disk before the rename, so that the folder survives a power failure
     * @throws IOException with a message for the user when the target may not be written
     */
    public static Staging beside(Path target, boolean force, Predicate<Path> sameKind, String kind, boolean durable)
            throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new IOException("cannot write into the root folder " + target + "; name a folder inside it");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(target + " exists and is not a folder");
            }
            if (!isEmpty(abs)) {
                if (!force) {
                    throw new IOException(target + " exists and is not empty; use --force to replace it");
                }
                if (!sameKind.test(abs)) {
                    throw new IOException("refusing to replace " + target + " with --force: it is not a " + kind
                            + "; remove it yourself or choose another folder");
                }
            }
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        removeStale(parent, abs.getFileName().toString());
        // not Files.createTempDirectory: its folder is private to the owner (0700), and it becomes the target
        for (int attempt = 0; ; attempt++) {
            Path temp = parent.resolve(PREFIX + abs.getFileName() + "-"
                    + String.format("%016x", RANDOM.nextLong()) + SUFFIX);
            try {
                Files.createDirectory(temp);
                return new Staging(abs, temp, durable);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** The temporary folder to write into. */
    public Path dir() {
        return temp;
    }

    /** Puts the temporary folder in the target's place (forcing its files to disk first when durable). */
    public void commit() throws IOException {
        if (durable) {
            forceAll(temp);
        }
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = target.resolveSibling(PREFIX + target.getFileName() + "-old" + SUFFIX);
            deleteTree(old);
            move(target, old);
        }
        move(temp, target);
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Removes the temporary folder unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(temp);
        }
    }

    /** True when the folder has no entries. */
    public static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /** Deletes a folder tree (links are deleted, never followed); nothing when it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The staging folders of this target only (not of a sibling whose name extends it, like bag-2 of bag). */
    private static void removeStale(Path parent, String name) throws IOException {
        Pattern mine = Pattern.compile(Pattern.quote(PREFIX + name)
                + "-([0-9a-f]{16}|old)" + Pattern.quote(SUFFIX));
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (mine.matcher(n).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void forceAll(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ch.force(true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
