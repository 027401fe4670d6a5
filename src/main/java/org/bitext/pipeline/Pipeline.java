package org.bitext.pipeline;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Bitext;
import org.bitext.batch.Batch;
import org.bitext.batch.BatchReport;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;
import org.bitext.batch.Result;
import org.bitext.batch.Status;
import org.bitext.batch.UpToDate;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.catalog.Deletions;
import org.bitext.catalog.Record;
import org.bitext.io.AtomicFiles;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.tei.TeiEncoder;
import org.bitext.validate.Problem;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;

/**
 * bitext from Java: the batch jobs of the command line ({@link #run}, {@link #convert}, {@link #validate},
 * {@link #render}) and one-article calls ({@link #tei}, {@link #renderings}) for a repository's ingest task or a
 * notebook. The command line is a thin layer over this class. Thread-safe: each call is independent.
 *
 * <pre>{@code
 * Pipeline.Summary s = Pipeline.run(Path.of("articles"), Path.of("out"), Pipeline.Options.defaults());
 * System.out.println(s.converted() + " converted, " + s.failed() + " failed");
 * byte[] tei = Pipeline.tei(Path.of("articles/1960-06-14_x.txt"));
 * }</pre>
 */
public final class Pipeline {
    /** The formats {@link #run} renders. */
    public static final List<Format> RUN_FORMATS = List.of(Format.HTML, Format.TEXT, Format.SOURCE);

    /**
     * How to run a batch.
     *
     * @param jobs       worker threads
     * @param failFast   stop starting inputs after the first failure
     * @param progress   a progress bar label on a terminal, or null for none
     * @param encoding   the articles' encoding, or null to recognise it
     * @param extensions file name extensions looked for in folders ({@code txt}, {@code md} …)
     * @param xslt       a folder of stylesheets to use instead of the built-in ones, or null
     * @param width      the text rendering's line width, or null for its default
     * @param delete     remove the outputs of inputs that have disappeared from the input folder
     */
    public record Options(int jobs, boolean failFast, String progress, Charset encoding, List<String> extensions,
                          Path xslt, Integer width, boolean delete) {
        public Options {
            extensions = List.copyOf(extensions);
        }

        /** Every core, no progress bar, encodings recognised, {@code .txt} files, the built-in stylesheets. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), false, null, null, List.of("txt"), null,
                    null, false);
        }

        public Options withExtensions(List<String> e) {
            return new Options(jobs, failFast, progress, encoding, e, xslt, width, delete);
        }

        public Options withJobs(int j, boolean stopAtFirstFailure, String progressLabel) {
            return new Options(j, stopAtFirstFailure, progressLabel, encoding, extensions, xslt, width, delete);
        }

        public Options withXslt(Path folder) {
            return new Options(jobs, failFast, progress, encoding, extensions, folder, width, delete);
        }

        public Options withDelete(boolean d) {
            return new Options(jobs, failFast, progress, encoding, extensions, xslt, width, d);
        }

        /** The stylesheet parameters these options set. */
        Map<String, String> params() {
            return width == null ? Map.of() : Map.of("width", width.toString());
        }

        /** What, besides an input's bytes, shapes its outputs; a change makes every output out of date. */
        String settings(String extra) {
            return "bitext " + Bitext.version() + "; encoding " + (encoding == null ? "auto" : encoding.name())
                    + (extra.isEmpty() ? "" : "; " + extra);
        }
    }

    /**
     * What a batch did.
     *
     * @param results one per input, in input order
     * @param deleted the catalog records marked deleted (inputs gone from the input folder)
     * @param timings the time per stage, summed over workers
     */
    public record Summary(List<Result> results, List<Record> deleted, Timings timings) {
        public long converted() {
            return count(Status.CONVERTED);
        }

        public long unchanged() {
            return count(Status.UNCHANGED);
        }

        public long failed() {
            return count(Status.FAILED);
        }

        public long warnings() {
            return results.stream().mapToLong(r -> r.warnings().size()).sum();
        }

        private long count(Status s) {
            return results.stream().filter(r -> r.status() == s).count();
        }
    }

    private Pipeline() {
    }

    /**
     * Converts, validates and renders a file or folder tree into {@code out}: {@code tei/}, {@code html/} (with
     * {@code index.html}), {@code text/}, {@code source/}, {@code report.json} and the catalog; inputs whose outputs
     * are up to date are skipped; an article that fails any stage gets no output at all.
     */
    public static Summary run(Path in, Path out, Options o) throws IOException {
        List<Inputs.Input> files = Inputs.collect(List.of(in), o.extensions());
        AtomicFiles.removeStale(out);
        List<String> extra = new ArrayList<>();
        if (o.xslt() != null) {
            extra.add("xslt " + folderHash(o.xslt()));
        }
        if (o.width() != null) {
            extra.add("width " + o.width());
        }
        String settings = o.settings(String.join("; ", extra));
        Renderer renderer = Renderer.load(o.xslt(), RUN_FORMATS, true, o.params());
        List<Result> results;
        ArticleJob job;
        List<Record> deleted;
        try (Catalog catalog = open(out)) {
            job = new ArticleJob(new ArticleReader(o.encoding()), TeiValidator.builtin(), renderer, out,
                    new UpToDate(out, settings), catalog, in.toString());
            Batch<Inputs.Input> batch = new Batch<>(o.jobs(), o.failFast(), o.progress());
            try (Interruption stop = new Interruption(batch)) {
                results = batch.run(files, job::process, ArticleJob::notRun);
                deleted = stop.requested() ? List.of() : deletions(catalog, out, in.toString(), files, o.delete());
                long t = System.nanoTime();
                index(out, files, results, job, renderer);
                BatchReport.of("bitext " + Bitext.version(), settings, results).write(out);
                job.timings().add("index.html and report.json", t);
            }
        }
        return new Summary(results, deleted, job.timings());
    }

    /** Converts article files and folder trees to TEI, one {@code out/NAME.xml} each, with a report and catalog. */
    public static Summary convert(List<Path> in, Path out, Options o) throws IOException {
        List<Inputs.Input> files = Inputs.collect(in, o.extensions());
        AtomicFiles.removeStale(out);
        String settings = o.settings("");
        String root = String.join(" ", in.stream().map(Path::toString).toList());
        List<Result> results;
        List<Record> deleted;
        ArticleJob job;
        try (Catalog catalog = open(out)) {
            job = new ArticleJob(new ArticleReader(o.encoding()), null, null, out, new UpToDate(out, settings),
                    catalog, root);
            Batch<Inputs.Input> batch = new Batch<>(o.jobs(), o.failFast(), o.progress());
            try (Interruption stop = new Interruption(batch)) {
                results = batch.run(files, job::process, ArticleJob::notRun);
                deleted = stop.requested() ? List.of() : deletions(catalog, out, root, files, o.delete());
                BatchReport.of("bitext " + Bitext.version(), settings, results).write(out);
            }
        }
        return new Summary(results, deleted, job.timings());
    }

    /** Validates TEI files and folder trees of {@code *.xml}; a null schema: bitext's RELAX NG and Schematron. */
    public static Summary validate(List<Path> in, Path relaxNg, Options o) throws IOException {
        List<Inputs.Input> files = Inputs.collect(in, "xml");
        TeiValidator validator = relaxNg == null ? TeiValidator.builtin() : TeiValidator.relaxNg(relaxNg);
        List<Result> results = new Batch<Inputs.Input>(o.jobs(), o.failFast(), o.progress()).run(files, input -> {
            List<Problem> problems = validator.validate(input.file(), input.display());
            return new Result(input.display(), "", problems.isEmpty() ? Status.CONVERTED : Status.FAILED,
                    problems.stream().map(Problem::toString).toList(), List.of());
        }, ArticleJob::notRun);
        return new Summary(results, List.of(), new Timings());
    }

    /** Renders TEI files and folder trees into {@code out} in one format, with extra stylesheet parameters. */
    public static Summary render(List<Path> in, Path out, Format format, Map<String, String> params, Options o)
            throws IOException {
        List<Inputs.Input> files = Inputs.collect(in, "xml");
        Renderer renderer = Renderer.load(o.xslt(), List.of(format), false);
        Map<String, String> all = new LinkedHashMap<>(o.params());
        all.putAll(params);
        List<Result> results = new Batch<Inputs.Input>(o.jobs(), o.failFast(), o.progress()).run(files, input -> {
            String error;
            try {
                byte[] bytes = renderer.render(Xml.parse(input.file()), format, all);
                AtomicFiles.write(input.output(out, format.extension()), bytes);
                return new Result(input.display(), "", Status.CONVERTED, List.of(), List.of());
            } catch (SaxonApiException e) {
                error = Xml.describe(e).at(input.display(), "error");
            } catch (RenderException | IOException e) {
                error = input.display() + ":0:0: error: " + e.getMessage();
            }
            return new Result(input.display(), "", Status.FAILED, List.of(error), List.of());
        }, ArticleJob::notRun);
        return new Summary(results, List.of(), new Timings());
    }

    /** One article file to its TEI document (UTF-8 bytes); a malformed article is an {@link InputError}. */
    public static byte[] tei(Path article) throws InputError, IOException {
        Article a = new ArticleReader().read(article);
        return new TeiEncoder().encode(a, article.getFileName().toString());
    }

    /**
     * One article file to its TEI and its html, text and source renderings (the bytes {@link #run} writes), validated
     * first: an invalid document is a {@link RenderException} listing its problems.
     */
    public static Map<Format, byte[]> renderings(Path article) throws InputError, IOException, RenderException {
        Article a = new ArticleReader().read(article);
        TeiEncoder encoder = new TeiEncoder();
        XdmNode doc = encoder.encodeTree(a, article.getFileName().toString(), article.toUri().toString());
        List<Problem> problems = TeiValidator.builtin().validate(doc, article.toString());
        if (!problems.isEmpty()) {
            throw new RenderException("the TEI of " + article + " is not valid: " + problems, null);
        }
        Renderer renderer = Renderer.load(null, RUN_FORMATS, false);
        Map<Format, byte[]> out = new LinkedHashMap<>();
        for (Format f : RUN_FORMATS) {
            out.put(f, renderer.render(doc, f, Map.of()));
        }
        return out;
    }

    /**
     * Ctrl-C or SIGTERM during a batch: no further input is started, those under way finish, and the batch ends as
     * usual (its report lists the inputs not run, the catalog stays consistent, no temporary file is left), for up to
     * a minute, before the JVM exits. The next run resumes where this one stopped.
     */
    private static final class Interruption implements AutoCloseable {
        private final Thread hook;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.atomic.AtomicBoolean requested = new java.util.concurrent.atomic.AtomicBoolean();

        Interruption(Batch<?> batch) {
            hook = new Thread(() -> {
                requested.set(true);
                batch.stop();
                try {
                    done.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bitext-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        boolean requested() {
            return requested.get();
        }

        @Override
        public void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running
            }
        }
    }

    private static Catalog open(Path out) throws IOException {
        try {
            return Catalog.open(out);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<Record> deletions(Catalog catalog, Path out, String root, List<Inputs.Input> files,
                                          boolean delete) throws IOException {
        Set<String> seen = new HashSet<>();
        files.forEach(f -> seen.add(f.display()));
        try {
            return Deletions.apply(catalog, out, root, seen, delete);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * OUT/html/index.html over every article that has its TEI and HTML, in the order of their HTML paths. Rows of
     * articles converted in this run were made by the workers; those of unchanged articles are made from their TEI
     * here, one at a time.
     */
    private static void index(Path output, List<Inputs.Input> files, List<Result> results, ArticleJob job,
                              Renderer renderer) throws IOException {
        record Page(String href, Inputs.Input input, String tei) {
        }
        List<Page> pages = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            Result r = results.get(k);
            if (!r.ok()) {
                continue;
            }
            String tei = r.outputs().stream().map(Output::path).filter(p -> p.startsWith("tei/")).findFirst().orElse(null);
            boolean html = r.outputs().stream().anyMatch(x -> x.path().startsWith("html/"));
            if (tei != null && html) {
                pages.add(new Page(job.indexHref(files.get(k)), files.get(k), tei));
            }
        }
        if (pages.isEmpty()) {
            return;
        }
        pages.sort(Comparator.comparing(Page::href));
        List<XdmNode> rows = new ArrayList<>();
        try {
            for (Page p : pages) {
                XdmNode row = job.indexRow(p.input().display());
                rows.add(row != null ? row : renderer.indexRow(Xml.parse(output.resolve(p.tei())), p.href()));
            }
            AtomicFiles.write(output.resolve("html").resolve("index.html"), renderer.index(rows));
        } catch (SaxonApiException | RenderException e) {
            throw new IOException("cannot write the index: " + e.getMessage(), e);
        }
    }

    /** A digest of every file in the stylesheet folder, so that a changed stylesheet makes outputs out of date. */
    private static String folderHash(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                all.append(dir.relativize(p)).append('=').append(Hashes.sha256(p)).append('\n');
            }
        }
        return Hashes.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
