package org.bitext.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the files and folder trees named on the command line into input files, in a stable order. */
public final class Inputs {
    /**
     * One input file and its name relative to the folder it was found in (the file name when given directly).
     *
     * @param file     the file
     * @param relative its relative path, used to name the outputs
     */
    public record Input(Path file, Path relative) {
        /** The relative path with its extension replaced. */
        public Path output(Path dir, String extension) {
            String name = relative.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            Path parent = relative.getParent();
            Path rel = parent == null ? Path.of(stem + "." + extension) : parent.resolve(stem + "." + extension);
            return dir.resolve(rel);
        }

        /** The name shown in messages. */
        public String display() {
            return file.toString();
        }
    }

    private Inputs() {
    }

    /** Whether a file found in a folder is an input: its name ends in one of the extensions and is not hidden. */
    public static boolean wanted(Path f, List<String> extensions) {
        String name = f.getFileName().toString();
        return !name.startsWith(".") && extensions.stream().anyMatch(e -> name.endsWith("." + e));
    }

    /** Whether a file met walking a named folder is an input: {@link #wanted}, and a regular file. */
    private static boolean found(Path f, List<String> extensions) {
        return wanted(f, extensions) && Files.isRegularFile(f);
    }

    /** Whether a relative path has a hidden part (a name starting with a dot), as a killed run's temporary files do. */
    public static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** A file of a folder tree, by its path relative to the tree: one of the extensions, nothing hidden on the way. */
    public static boolean inTree(Path rel, List<String> extensions) {
        return wanted(rel, extensions) && !hidden(rel);
    }

    public static List<Input> collect(List<Path> paths, String extension) throws IOException {
        return collect(paths, List.of(extension));
    }

    /**
     * How many inputs {@link #collect(List, List)} would find, counted up to {@code limit} only (a path that is neither
     * file nor folder counts for nothing here: the batch reports it). For a choice made before the batch, without
     * listing an archive of a million files.
     */
    public static long count(List<Path> paths, List<String> extensions, long limit) {
        long n = 0;
        for (Path p : paths) {
            if (n >= limit) {
                break;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    n += s.filter(f -> found(f, extensions)).limit(limit - n).count();
                } catch (IOException | java.io.UncheckedIOException e) {
                    // the batch lists the folder again and reports what cannot be read
                }
            } else if (Files.isRegularFile(p)) {
                n++;
            }
        }
        return Math.min(n, limit);
    }

    /** Files named directly, and the files of the named folders' trees whose name ends in one of the extensions. */
    public static List<Input> collect(List<Path> paths, List<String> extensions) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> found(f, extensions))
                            .sorted()
                            .forEach(f -> out.add(new Input(f, p.relativize(f))));
                }
            } else if (Files.isRegularFile(p)) {
                out.add(new Input(p, p.getFileName()));
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return out;
    }
}
