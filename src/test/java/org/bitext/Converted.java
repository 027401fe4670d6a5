package org.bitext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bitext.read.InputError;

/** The corpus converted once per test run into a temporary folder, shared by the tests that read TEI files. */
public final class Converted {
    private static Map<String, Path> files;

    private Converted() {
    }

    /** Article base name → its TEI file. */
    public static synchronized Map<String, Path> tei() {
        if (files == null) {
            try {
                Path dir = Files.createTempDirectory("bitext-tei");
                Map<String, Path> m = new LinkedHashMap<>();
                for (Path a : Corpus.articles()) {
                    Path out = dir.resolve(Corpus.name(a) + ".xml");
                    Files.write(out, Corpus.tei(a));
                    m.put(Corpus.name(a), out);
                }
                files = m;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InputError e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return files;
    }
}
