package org.bitext.jmh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.tei.TeiEncoder;
import org.bitext.xml.Xml;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The articles a benchmark works on, each prepared up to every stage's input before measuring: the file's bytes,
 * the {@link Article} read from them, its TEI bytes, the TEI parsed into a Saxon tree (with line numbers, as
 * {@code validate} and {@code render} parse a file; the tree the validation and rendering benchmarks use) and the
 * TEI tree built from the encoder's events (as {@code run} builds it; the same document). Each call of
 * {@link #next} gives the next article, in turn.
 *
 * <p>{@code article} is {@code reference} (the reference article of {@code corpus/}), {@code corpus} (the articles
 * of {@code corpus/} in turn, so that a figure is the mean over the same mix as {@code bench/run}'s), or the base
 * name of one file of {@code corpus/}. The project is found by the system property {@code bitext.root}
 * (default {@code ../..}, the root seen from {@code bench/jmh}).
 */
@State(Scope.Thread)
public class Inputs {
    static final String REFERENCE = "1960-06-14_suzhou_ganbu_reference_example";

    @Param({"reference"})
    public String article;

    String[] names;
    String[] fileNames;
    byte[][] bytes;
    Article[] articles;
    byte[][] tei;
    XdmNode[] trees;
    XdmNode[] built;
    private int cursor = -1;

    @Setup(Level.Trial)
    public void prepare() throws IOException, InputError, SaxonApiException {
        Path corpus = root().resolve("corpus");
        List<Path> files = new ArrayList<>();
        if (article.equals("corpus")) {
            try (Stream<Path> s = Files.list(corpus)) {
                s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().forEach(files::add);
            }
        } else {
            files.add(corpus.resolve((article.equals("reference") ? REFERENCE : article) + ".txt"));
        }
        if (files.isEmpty()) {
            throw new IOException("no articles in " + corpus);
        }
        int n = files.size();
        names = new String[n];
        fileNames = new String[n];
        bytes = new byte[n][];
        articles = new Article[n];
        tei = new byte[n][];
        trees = new XdmNode[n];
        built = new XdmNode[n];
        ArticleReader reader = new ArticleReader();
        TeiEncoder encoder = new TeiEncoder();
        for (int i = 0; i < n; i++) {
            fileNames[i] = files.get(i).getFileName().toString();
            names[i] = fileNames[i].substring(0, fileNames[i].length() - ".txt".length());
            bytes[i] = Files.readAllBytes(files.get(i));
            articles[i] = reader.read(fileNames[i], names[i], bytes[i]);
            tei[i] = encoder.encode(articles[i], fileNames[i]);
            trees[i] = Xml.parse(new ByteArrayInputStream(tei[i]), systemId(i));
            built[i] = encoder.encodeTree(articles[i], fileNames[i], systemId(i));
        }
    }

    /** The index of the article of this call: the next one in turn. */
    int next() {
        int i = cursor + 1;
        if (i == names.length) {
            i = 0;
        }
        cursor = i;
        return i;
    }

    /** The TEI file's name as {@code bitext run} would write it, for messages and base URIs. */
    String systemId(int i) {
        return "urn:bitext:bench:" + names[i] + ".xml";
    }

    /** The project's root folder: {@code -Dbitext.root}, by default {@code ../..}. */
    static Path root() throws IOException {
        Path root = Path.of(System.getProperty("bitext.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("corpus")) || !Files.isDirectory(root.resolve("schemas"))) {
            throw new IOException("not bitext's root (no corpus/ and schemas/): " + root + "; set -Dbitext.root");
        }
        return root;
    }
}
