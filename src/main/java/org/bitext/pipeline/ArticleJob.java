package org.bitext.pipeline;

import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.catalog.Record;
import org.bitext.catalog.Records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;
import org.bitext.batch.Result;
import org.bitext.batch.Status;
import org.bitext.io.AtomicFiles;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.read.InputWarning;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.search.SearchIndex;
import org.bitext.tei.TeiEncoder;
import org.bitext.validate.Problem;
import org.bitext.validate.TeiValidator;

/**
 * One article through the stages a command asks for: read, encode, and for {@code run} also validate and render.
 * Every output is made in memory first; only when the article has gone through every stage are its files written,
 * each atomically, so a refused article leaves nothing behind. Thread-safe: the stages it holds are.
 */
public final class ArticleJob {
    private final ArticleReader reader;
    private final TeiEncoder encoder = new TeiEncoder();
    private final TeiValidator validator; // null: convert only
    private final Renderer renderer;      // null: convert only
    private final Path out;
    private final String settings;        // what besides the input shaped the outputs
    private final Catalog catalog;        // what is up to date; recorded into as articles complete
    private final String root;            // the input folder the command was given (for the catalog)
    private final boolean layout;         // run: OUT/tei, OUT/html…; convert: DIR/NAME.xml
    private final Timings timings = new Timings();
    private SearchIndex index;            // run: each converted article is indexed from its tree; null: not

    /**
     * @param settings what besides the input shapes the outputs (a change makes every output out of date)
     * @param catalog  the output folder's catalog: what is up to date, and recorded into as articles complete
     * @param root     the input folder (or file) as the command was given it
     */
    ArticleJob(ArticleReader reader, TeiValidator validator, Renderer renderer, Path out, String settings,
               Catalog catalog, String root) {
        this.catalog = catalog;
        this.root = root;
        this.reader = reader;
        this.validator = validator;
        this.renderer = renderer;
        this.out = out;
        this.settings = settings;
        this.layout = renderer != null;
    }

    /**
     * Indexes each article this job converts into {@code index}, from the TEI tree it has in memory (null: none). Not
     * committed here: the pass after the batch ({@link SearchIndex#update(Path, int, java.util.function.Consumer)})
     * finds them up to date and commits, and indexes from its TEI file an article whose indexing failed here.
     */
    ArticleJob indexingInto(SearchIndex index) {
        this.index = index;
        return this;
    }

    /** The folders of a run's outputs, by rendering. */
    static final Map<Format, String> FOLDERS = Map.of(Format.HTML, "html", Format.TEXT, "text", Format.SOURCE, "source");

    /** {@code run}: an input with its neighbours by date, which its reading view links to. */
    Result process(Plan.Window w) {
        Nav nav = Nav.of(htmlPath(w.input()), w.previous() == null ? null : htmlPath(w.previous().input()),
                w.previous() == null ? "" : w.previous().key(), w.next() == null ? null : htmlPath(w.next().input()),
                w.next() == null ? "" : w.next().key());
        return process(w.input(), nav);
    }

    /** {@code convert}: an input. */
    Result process(Inputs.Input in) {
        return process(in, null);
    }

    private Result process(Inputs.Input in, Nav nav) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(in.file());
        } catch (IOException e) {
            return failed(in, "", in.display() + ":0:0: error: cannot read: " + e.getMessage());
        }
        String sha = Hashes.sha256(bytes);
        try {
            Optional<Catalog.Current> current = catalog.current(in.display());
            if (current.isPresent() && upToDate(current.get(), sha)) {
                return new Result(in.display(), sha, Status.UNCHANGED, List.of(), current.get().record().outputs(),
                        current.get().made().warnings());
            }
        } catch (CatalogException e) {
            return failed(in, sha, in.display() + ":0:0: error: " + e.getMessage());
        }
        Result r = convert(in, bytes, sha, nav);
        if (r.status() == Status.FAILED) {
            try {
                catalog.failed(in.display());
            } catch (CatalogException e) {
                return failed(in, sha, List.of(r.messages().get(0), in.display() + ":0:0: error: " + e.getMessage()));
            }
        }
        return r;
    }

    /**
     * Whether the outputs the catalog lists for an input are up to date: same input content (SHA-256, not the
     * modification time), same settings, and every output still there with the content recorded. New neighbours do
     * not make an article out of date: the site pass after the batch renders its reading view again from its TEI.
     */
    private boolean upToDate(Catalog.Current c, String sha) {
        if (!c.record().inputSha256().equals(sha) || !c.made().settings().equals(settings)
                || c.record().outputs().isEmpty()) {
            return false;
        }
        try {
            for (Output o : c.record().outputs()) {
                Path f = out.resolve(o.path());
                if (!Files.isRegularFile(f) || Files.size(f) != o.bytes() || !Hashes.sha256(f).equals(o.sha256())) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /** An input's reading view, relative to the output folder with {@code /}. */
    String htmlPath(Inputs.Input in) {
        return out.relativize(in.output(out.resolve(FOLDERS.get(Format.HTML)), Format.HTML.extension())).toString()
                .replace('\\', '/');
    }

    private Result convert(Inputs.Input in, byte[] bytes, String sha, Nav nav) {
        String html = layout ? htmlPath(in) : "";
        if (layout && Site.reserved(html)) {
            return failed(in, sha, in.display() + ":0:0: error: its reading view would be " + html
                    + ", where the site's own pages are (html/index.html, html/" + Site.YEARS + "/). Rename the input "
                    + "file or folder (for example " + Site.YEARS + " to " + Site.YEARS + "-1) and run again.");
        }
        List<String> warnings = List.of();
        Article article = null;
        XdmNode tree = null;
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try {
            long t = timings.start();
            article = reader.read(in.display(), stem(in), bytes);
            warnings = article.warnings().stream().map(InputWarning::toString).toList();
            t = timings.add("read", t);
            Path teiFile = layout ? in.output(out.resolve("tei"), "xml") : in.output(out, "xml");
            if (validator == null && renderer == null) {
                files.put(teiFile, encoder.encode(article, in.file().getFileName().toString()));
                timings.add("encode", t);
            } else {
                // one tree per document, built from the encoder's events: validation and every rendering read it,
                // and nothing is parsed
                XdmNode doc = encoder.encodeTree(article, in.file().getFileName().toString(), teiFile.toUri().toString());
                tree = doc;
                t = timings.add("encode", t);
                byte[] tei = encoder.serialize(doc);
                files.put(teiFile, tei);
                t = timings.add("serialize", t);
                if (validator != null) {
                    List<Problem> problems = validator.validate(doc, teiFile.toString());
                    if (!problems.isEmpty()) {
                        // the tree has no line numbers: find the same problems in the bytes, located
                        problems = validator.validate(tei, teiFile.toString());
                    }
                    t = timings.add("validate (RELAX NG + Schematron)", t);
                    if (!problems.isEmpty()) {
                        return failed(in, sha, problems.stream().map(Problem::toString).toList());
                    }
                }
                if (renderer != null) {
                    for (Format f : List.of(Format.HTML, Format.TEXT, Format.SOURCE)) {
                        files.put(in.output(out.resolve(FOLDERS.get(f)), f.extension()), renderer.render(doc, f,
                                f == Format.HTML && nav != null ? nav.params() : Map.of()));
                        t = timings.add("render " + f.id(), t);
                    }
                }
            }
        } catch (InputError e) {
            return failed(in, sha, e.getMessage());
        } catch (RenderException e) {
            return failed(in, sha, in.display() + ":0:0: error: " + e.getMessage());
        }
        List<Output> outputs = new ArrayList<>();
        try {
            long t = timings.start();
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                AtomicFiles.write(f.getKey(), f.getValue());
                outputs.add(new Output(out.relativize(f.getKey()).toString().replace('\\', '/'),
                        Hashes.sha256(f.getValue()), f.getValue().length));
            }
            timings.add("write (atomic) and hash", t);
        } catch (IOException e) {
            return failed(in, sha, in.display() + ":0:0: error: cannot write the outputs: " + e.getMessage());
        }
        {
            try {
                long t = timings.start();
                Record record = Records.of(article, in.display(), root, sha, outputs);
                catalog.record(record, Catalog.now(), new Catalog.Made(settings, warnings, nav == null ? "" : nav.key()));
                t = timings.add("catalog", t);
                if (index != null && tree != null) {
                    try {
                        index.update(SearchIndex.of(record, tree));
                    } catch (IOException | SaxonApiException | RuntimeException e) {
                        // left to the pass after the batch, which indexes it from its TEI file or says why not
                    }
                    timings.add("search index", t);
                }
            } catch (CatalogException e) {
                return failed(in, sha, in.display() + ":0:0: error: " + e.getMessage());
            }
        }
        return new Result(in.display(), sha, Status.CONVERTED, List.of(), outputs, warnings);
    }

    /** Time spent per stage so far, summed over all workers. */
    Timings timings() {
        return timings;
    }

    public static Result notRun(Inputs.Input in) {
        return new Result(in.display(), "", Status.NOT_RUN, List.of(), List.of());
    }

    private static Result failed(Inputs.Input in, String sha, String message) {
        return failed(in, sha, List.of(message));
    }

    private static Result failed(Inputs.Input in, String sha, List<String> messages) {
        return new Result(in.display(), sha, Status.FAILED, messages, List.of());
    }

    private static String stem(Inputs.Input in) {
        String n = in.file().getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
