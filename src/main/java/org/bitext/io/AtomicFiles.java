package org.bitext.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Writes files so that a reader never sees a half-written one: the bytes go to a temporary file in the target's
 * folder (forced to disk when {@link #setDurable durable}), and the file is renamed over the target in one step. A crash leaves at worst a
 * {@code .tmp} file beside the old output, never a truncated output.
 */
public final class AtomicFiles {
    private static final String TEMP_PREFIX = ".bitext-";
    private static final String TEMP_SUFFIX = ".tmp";
    private static volatile boolean durable;

    private AtomicFiles() {
    }

    /**
     * Whether each file is also forced to disk before its rename, so that it survives a power failure, not only a
     * crash of the process. Off by default (as in rsync): the rename alone already guarantees that a killed run
     * leaves no half-written output, and forcing costs a disk flush per file.
     */
    public static void setDurable(boolean on) {
        durable = on;
    }

    /**
     * Deletes the temporary files a killed run left in a folder tree, so that a restarted run ends with exactly the
     * files of an uninterrupted one. Only one run may write into a folder at a time.
     */
    public static void removeStale(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(TEMP_PREFIX) && n.endsWith(TEMP_SUFFIX) && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A new temporary file beside the target, open for writing, with the permissions any new file gets. */
    private record Temp(Path path, OutputStream stream) {
    }

    private static Temp temp(Path dir, Path target) throws IOException {
        // not Files.createTempFile: it makes the file readable by its owner only, and the output must get the
        // permissions any new file gets (the umask's), so that a web server or a colleague can read it. The name
        // needs no secret randomness (CREATE_NEW refuses a name taken): a per-thread generator, not SecureRandom,
        // whose source is shared by every worker behind one lock
        while (true) {
            long r = java.util.concurrent.ThreadLocalRandom.current().nextLong();
            Path tmp = dir.resolve(TEMP_PREFIX + target.getFileName() + "-" + Long.toUnsignedString(r, 36) + TEMP_SUFFIX);
            try {
                return new Temp(tmp, Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    /** Forces the written temporary file to disk when durable, and renames it over the target. */
    private static void commit(Path tmp, Path target) throws IOException {
        if (durable) {
            try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What writes a file's content to a stream ({@link #write(Path, Body)}). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically from a stream, without holding its content in memory: the body is written to a
     * temporary file beside the target, which is renamed over it only when the body has finished; a failure leaves
     * the target as it was and no temporary file.
     */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Temp tmp = temp(dir, target);
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(tmp.stream(), 1 << 16)) {
                body.writeTo(out);
            }
            commit(tmp.path(), target);
        } finally {
            Files.deleteIfExists(tmp.path());
        }
    }

    /**
     * Writes {@code bytes} to {@code target} atomically, creating its folders.
     *
     * @return false when the target already held exactly these bytes (it is then left untouched)
     */
    public static boolean write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return false;
        }
        Temp tmp = temp(dir, target);
        try {
            try (OutputStream out = tmp.stream()) {
                out.write(bytes);
            }
            commit(tmp.path(), target);
        } finally {
            Files.deleteIfExists(tmp.path());
        }
        return true;
    }
}
