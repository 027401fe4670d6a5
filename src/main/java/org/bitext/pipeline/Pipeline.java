package org.bitext.pipeline;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Bitext;
import org.bitext.batch.Batch;
import org.bitext.batch.ReportWriter;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;
import org.bitext.batch.Result;
import org.bitext.batch.Status;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.catalog.Deletions;
import org.bitext.catalog.Record;
import org.bitext.io.AtomicFiles;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.render.Format;
import org.bitext.search.SearchIndex;
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
     * @param listener   what to do with each input's result as it comes, in input order (null: nothing)
     * @param searchIndex {@code run}: bring the search index up to date after the batch
     */
    public record Options(int jobs, boolean failFast, String progress, Charset encoding, List<String> extensions,
                          Path xslt, Integer width, boolean delete, Consumer<Result> listener, boolean searchIndex) {
        public Options {
            extensions = List.copyOf(extensions);
            listener = listener == null ? r -> { } : listener;
        }

        /** Options without a listener. */
        public Options(int jobs, boolean failFast, String progress, Charset encoding, List<String> extensions,
                       Path xslt, Integer width, boolean delete) {
            this(jobs, failFast, progress, encoding, extensions, xslt, width, delete, null, true);
        }

        /** Every core, no progress bar, encodings recognised, {@code .txt} files, the built-in stylesheets. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), false, null, null, List.of("txt"), null,
                    null, false, null, true);
        }

        public Options withExtensions(List<String> e) {
            return new Options(jobs, failFast, progress, encoding, e, xslt, width, delete, listener, searchIndex);
        }

        public Options withJobs(int j, boolean stopAtFirstFailure, String progressLabel) {
            return new Options(j, stopAtFirstFailure, progressLabel, encoding, extensions, xslt, width, delete,
                    listener, searchIndex);
        }

        public Options withXslt(Path folder) {
            return new Options(jobs, failFast, progress, encoding, extensions, folder, width, delete, listener,
                    searchIndex);
        }

        public Options withDelete(boolean d) {
            return new Options(jobs, failFast, progress, encoding, extensions, xslt, width, d, listener, searchIndex);
        }

        /**
         * Hands every input's result to {@code l} as soon as it is known, in input order (from the calling thread):
         * the way to see each result of a batch, which the summary does not keep.
         */
        public Options withListener(Consumer<Result> l) {
            return new Options(jobs, failFast, progress, encoding, extensions, xslt, width, delete, l, searchIndex);
        }

        /** Whether {@link #run} brings the search index {@code OUT/search/} up to date after its batch (it does). */
        public Options withSearchIndex(boolean on) {
            return new Options(jobs, failFast, progress, encoding, extensions, xslt, width, delete, listener, on);
        }

        /** The stylesheet parameters these options set. */
        Map<String, String> params() {
            return width == null ? Map.of() : Map.of("width", width.toString());
        }

        /** What, besides an input's bytes, shapes its outputs; a change makes every output out of date. */
        String settings(String extra) {
            return "bitext " + Bitext.version() + " (build " + Bitext.build() + "); encoding "
                    + (encoding == null ? "auto" : encoding.name())
                    + (extra.isEmpty() ? "" : "; " + extra);
        }
    }

    /**
     * What a batch did: counts, not every result (a batch of a million inputs keeps none of them; an
     * {@link Options#withListener listener} sees each one as it comes).
     *
     * @param total         the number of inputs
     * @param counts        the inputs by status
     * @param warnings      the reader's warnings, over all inputs
     * @param firstFailures the first {@value #FIRST_FAILURES} failed inputs' results, in input order
     * @param deleted       the catalog records marked deleted (inputs gone from the input folder)
     * @param timings       the time per stage, summed over workers
     * @param problems      the first problems of the steps after the batch (an article the search index could
     *                      not take), one line each
     */
    public record Summary(long total, Map<Status, Long> counts, long warnings, List<Result> firstFailures,
                          List<Record> deleted, Timings timings, List<String> problems) {
        public static final int FIRST_FAILURES = 5;

        public long converted() {
            return counts.getOrDefault(Status.CONVERTED, 0L);
        }

        public long unchanged() {
            return counts.getOrDefault(Status.UNCHANGED, 0L);
        }

        public long failed() {
            return counts.getOrDefault(Status.FAILED, 0L);
        }

        public long notRun() {
            return counts.getOrDefault(Status.NOT_RUN, 0L);
        }
    }

    /**
     * Counts the results of a batch as they come, keeps the first failures, adds each to the report (when the command
     * writes one) and passes it to the listener.
     */
    private static final class Tally implements Consumer<Result> {
        private final Map<Status, Long> counts = new EnumMap<>(Status.class);
        private final List<Result> failures = new ArrayList<>();
        private final Consumer<Result> listener;
        private long total;
        private long warnings;

        Tally(Consumer<Result> listener) {
            this(listener, null);
        }

        /** @param report the report the results go to, or null for none */
        Tally(Consumer<Result> listener, ReportWriter report) {
            this.listener = report == null ? listener : ((Consumer<Result>) report::add).andThen(listener);
        }

        @Override
        public void accept(Result r) {
            total++;
            counts.merge(r.status(), 1L, Long::sum);
            warnings += r.warnings().size();
            if (r.status() == Status.FAILED && failures.size() < Summary.FIRST_FAILURES) {
                failures.add(r);
            }
            listener.accept(r);
        }

        private List<String> problems = List.of();

        void problems(List<String> p) {
            problems = List.copyOf(p);
        }

        Summary summary(List<Record> deleted, Timings timings) {
            return new Summary(total, Map.copyOf(counts), warnings, List.copyOf(failures), deleted, timings,
                    problems);
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
        List<String> extra = new ArrayList<>();
        if (o.xslt() != null) {
            extra.add("xslt " + folderHash(o.xslt()));
        }
        if (o.width() != null) {
            extra.add("width " + o.width());
        }
        String settings = o.settings(String.join("; ", extra));
        Renderer renderer = Renderer.load(o.xslt(), RUN_FORMATS, true, o.params());
        try (Plan plan = Plan.byDate(List.of(in), o.extensions())) {
            AtomicFiles.removeStale(out);
            try (Catalog catalog = open(out); ReportWriter report = new ReportWriter(tool(), settings);
                 SearchIndex index = o.searchIndex() ? SearchIndex.open(out) : null) {
                ArticleJob job = new ArticleJob(new ArticleReader(o.encoding()), TeiValidator.builtin(), renderer, out,
                        settings, catalog, in.toString()).indexingInto(index);
                Tally tally = new Tally(o.listener(), report);
                Batch<Plan.Window> batch = new Batch<>(o.jobs(), o.failFast(), o.progress());
                try (Interruption stop = new Interruption(batch)) {
                    batch.run(plan.windows(), plan.size(), job::process, w -> ArticleJob.notRun(w.input()), tally);
                    List<Record> deleted = stop.requested() ? List.of()
                            : deletions(catalog, out, in.toString(), o.extensions(), o.delete());
                    long t = job.timings().start();
                    Map<String, Output> changed = Site.write(out, catalog, renderer);
                    job.timings().add("site (index pages, neighbours)", t);
                    t = System.nanoTime();
                    List<String> problems = new ArrayList<>();
                    if (index != null) {
                        searchIndex(catalog, index, out, o.jobs(), problems);
                    }
                    job.timings().addWall("search index (catalog pass)", t); // its own threads do the work
                    tally.problems(problems);
                    t = job.timings().start();
                    report.write(out, changed);
                    job.timings().add("report.json", t);
                    return tally.summary(deleted, job.timings());
                }
            }
        }
    }

    /** Converts article files and folder trees to TEI, one {@code out/NAME.xml} each, with a report and catalog. */
    public static Summary convert(List<Path> in, Path out, Options o) throws IOException {
        String settings = o.settings("");
        String root = String.join(" ", in.stream().map(Path::toString).toList());
        try (Plan plan = Plan.byPath(in, o.extensions())) {
            AtomicFiles.removeStale(out);
            try (Catalog catalog = open(out); ReportWriter report = new ReportWriter(tool(), settings)) {
                ArticleJob job = new ArticleJob(new ArticleReader(o.encoding()), null, null, out, settings, catalog,
                        root);
                Tally tally = new Tally(o.listener(), report);
                Batch<Inputs.Input> batch = new Batch<>(o.jobs(), o.failFast(), o.progress());
                try (Interruption stop = new Interruption(batch)) {
                    batch.run(plan.inputs(), plan.size(), job::process, ArticleJob::notRun, tally);
                    List<Record> deleted = stop.requested() ? List.of()
                            : deletions(catalog, out, root, o.extensions(), o.delete());
                    report.write(out, Map.of());
                    return tally.summary(deleted, job.timings());
                }
            }
        }
    }

    /**
     * Brings OUT/search/ up to date with the catalog, keeping the first lines of what it could not index. After the
     * batch, which indexed each article it converted from the tree in memory: the index brought up to date
     * with the catalog (deleted articles removed; unchanged ones indexed when they are not, as after a lost index;
     * an article whose indexing failed in the batch indexed from its TEI file or reported), and committed.
     */
    private static void searchIndex(Catalog catalog, SearchIndex index, Path out, int jobs, List<String> problems)
            throws IOException {
        try {
            catalog.flush(); // the index reads the catalog through a connection of its own
            index.update(out, jobs, line -> {
                if (problems.size() < Summary.FIRST_FAILURES) {
                    problems.add(line);
                }
            });
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String tool() {
        return "bitext " + Bitext.version();
    }

    /** Validates TEI files and folder trees of {@code *.xml}; a null schema: bitext's RELAX NG and Schematron. */
    public static Summary validate(List<Path> in, Path relaxNg, Options o) throws IOException {
        return validate(in, relaxNg == null ? TeiValidator.builtin() : TeiValidator.relaxNg(relaxNg), o);
    }

    /** Validates TEI files and folder trees of {@code *.xml} with this validator. */
    public static Summary validate(List<Path> in, TeiValidator validator, Options o) throws IOException {
        Tally tally = new Tally(o.listener());
        try (Plan plan = Plan.byPath(in, List.of("xml"))) {
            new Batch<Inputs.Input>(o.jobs(), o.failFast(), o.progress()).run(plan.inputs(), plan.size(), input -> {
                List<Problem> problems = validator.validate(input.file(), input.display());
                return new Result(input.display(), "", problems.isEmpty() ? Status.CONVERTED : Status.FAILED,
                        problems.stream().map(Problem::toString).toList(), List.of());
            }, ArticleJob::notRun, tally);
        }
        return tally.summary(List.of(), new Timings());
    }

    /** Renders TEI files and folder trees into {@code out} in one format, with extra stylesheet parameters. */
    public static Summary render(List<Path> in, Path out, Format format, Map<String, String> params, Options o)
            throws IOException {
        Renderer renderer = Renderer.load(o.xslt(), List.of(format), false);
        Map<String, String> all = new LinkedHashMap<>(o.params());
        all.putAll(params);
        Tally tally = new Tally(o.listener());
        try (Plan plan = Plan.byPath(in, List.of("xml"))) {
            new Batch<Inputs.Input>(o.jobs(), o.failFast(), o.progress()).run(plan.inputs(), plan.size(), input -> {
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
            }, ArticleJob::notRun, tally);
        }
        return tally.summary(List.of(), new Timings());
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

    /**
     * Marks deleted the records of inputs no longer in the input folder (or no longer inputs: another extension),
     * asking the file system record by record rather than holding the run's inputs.
     */
    private static List<Record> deletions(Catalog catalog, Path out, String root, List<String> extensions,
                                          boolean delete) throws IOException {
        try {
            return Deletions.apply(catalog, out, root,
                    input -> Inputs.wanted(Path.of(input), extensions) && Files.isRegularFile(Path.of(input)), delete);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
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
