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

    public static List<Input> collect(List<Path> paths, String extension) throws IOException {
        return collect(paths, List.of(extension));
    }

    /** Files named directly, and the files of the named folders' trees whose name ends in one of the extensions. */
    public static List<Input> collect(List<Path> paths, List<String> extensions) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile)
                            .filter(f -> extensions.stream().anyMatch(e -> f.getFileName().toString().endsWith("." + e)))
                            .filter(f -> !f.getFileName().toString().startsWith("."))
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
