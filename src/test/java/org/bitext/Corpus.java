package org.bitext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.tei.TeiEncoder;

/** The bundled corpus, for tests. */
public final class Corpus {
    public static final Path DIR = Path.of("corpus");
    public static final Path EXPECTED = DIR.resolve("expected");

    private Corpus() {
    }

    /** Every article text file of the corpus, sorted. */
    public static List<Path> articles() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's base name. */
    public static String name(Path article) {
        String n = article.getFileName().toString();
        return n.substring(0, n.length() - ".txt".length());
    }

    public static Article read(Path article) throws IOException, InputError {
        return new ArticleReader().read(article);
    }

    /** The TEI bitext makes of the article. */
    public static byte[] tei(Path article) throws IOException, InputError {
        return new TeiEncoder().encode(read(article), article.getFileName().toString());
    }
}
