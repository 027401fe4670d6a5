package org.bitext.cli;

import org.bitext.catalog.Catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Bitext;
import org.bitext.batch.Batch;
import org.bitext.batch.BatchReport;
import org.bitext.batch.Hashes;
import org.bitext.batch.Output;
import org.bitext.batch.Result;
import org.bitext.batch.UpToDate;
import org.bitext.io.AtomicFiles;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext run}: convert, validate and render a file or folder tree in one go. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Convert, validate and render article text files: writes OUT/tei/NAME.xml, OUT/html/NAME.html, "
                + "OUT/text/NAME.txt, OUT/source/NAME.txt, OUT/html/index.html, OUT/report.json and the catalog "
                + "OUT/catalog.sqlite. Inputs whose "
                + "outputs are up to date are skipped; an article that fails any stage gets no output at all."})
final class RunCommand implements Callable<Integer> {
    private static final List<Format> FORMATS = List.of(Format.HTML, Format.TEXT, Format.SOURCE);

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ReadOptions read;

    @Parameters(arity = "1", paramLabel = "IN", description = "An article file or a folder of them.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path output;

    @Option(names = "--xslt", paramLabel = "DIR", description = "Use the stylesheets in DIR instead of the built-in ones.")
    Path xslt;

    @Mixin WidthOption width;
    @Mixin CatalogOption catalogOption;

    @Option(names = "--timings", description = "Print the time spent in each stage at the end (for benchmarks).")
    boolean timings;

    @Override
    public Integer call() throws IOException {
        width.check(spec);
        List<Inputs.Input> files = Inputs.collect(List.of(input), read.extensions);
        AtomicFiles.removeStale(output);
        List<String> extra = new ArrayList<>();
        if (xslt != null) {
            extra.add("xslt " + folderHash(xslt));
        }
        if (width.width != null) {
            extra.add("width " + width.width);
        }
        String settings = read.settings(String.join("; ", extra));
        Renderer renderer = Renderer.load(xslt, FORMATS, true, width.params());
        List<Result> results;
        ArticleJob job;
        try (Catalog catalog = catalogOption.open(output)) {
            job = new ArticleJob(read.reader(), TeiValidator.builtin(), renderer, output,
                    new UpToDate(output, settings), catalog, input.toString());
            results = new Batch<Inputs.Input>(common.jobs, common.failFast, common.progress("run"))
                    .run(files, job::process, ArticleJob::notRun);
            catalogOption.deletions(catalog, output, input.toString(), files, spec.commandLine().getOut(),
                    common.quiet);
        }
        long t = System.nanoTime();
        index(files, results, job, renderer);
        BatchReport.of("bitext " + Bitext.version(), settings, results).write(output);
        if (timings) {
            job.timings().add("index.html and report.json", t);
            job.timings().print(spec.commandLine().getErr(), files.size());
        }
        return Report.finish(results, "converted, validated and rendered", spec.commandLine().getOut(),
                spec.commandLine().getErr(), common.quiet);
    }

    /**
     * OUT/html/index.html over every article that has its TEI and HTML, in the order of their HTML paths. Rows of
     * articles converted in this run were made by the workers; those of unchanged articles are made from their TEI
     * here, one at a time.
     */
    private void index(List<Inputs.Input> files, List<Result> results, ArticleJob job, Renderer renderer)
            throws IOException {
        record Page(String href, Inputs.Input input, String tei) {
        }
        List<Page> pages = new ArrayList<>();
        for (int k = 0; k < results.size(); k++) {
            Result r = results.get(k);
            if (!r.ok()) {
                continue;
            }
            String tei = r.outputs().stream().map(Output::path).filter(p -> p.startsWith("tei/")).findFirst().orElse(null);
            boolean html = r.outputs().stream().anyMatch(o -> o.path().startsWith("html/"));
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
