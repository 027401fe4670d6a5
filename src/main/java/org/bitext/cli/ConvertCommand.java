package org.bitext.cli;

import org.bitext.catalog.Catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bitext.Bitext;
import org.bitext.batch.Batch;
import org.bitext.batch.BatchReport;
import org.bitext.batch.Result;
import org.bitext.batch.UpToDate;
import org.bitext.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext convert}: article text files to TEI. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Convert article text files (or folder trees of *.txt) to TEI P5, one DIR/NAME.xml each, "
                + "DIR/report.json and the catalog DIR/catalog.sqlite. Inputs whose outputs are up to date are skipped."})
final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ReadOptions read;
    @Mixin CatalogOption catalogOption;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Article files or folders.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<Inputs.Input> files = Inputs.collect(inputs, read.extensions);
        AtomicFiles.removeStale(output);
        String settings = read.settings("");
        List<Result> results;
        String root = String.join(" ", inputs.stream().map(Path::toString).toList());
        try (Catalog catalog = catalogOption.open(output)) {
            ArticleJob job = new ArticleJob(read.reader(), null, null, output, new UpToDate(output, settings),
                    catalog, root);
            results = new Batch<Inputs.Input>(common.jobs, common.failFast, common.progress("convert"))
                    .run(files, job::process, ArticleJob::notRun);
            catalogOption.deletions(catalog, output, root, files, spec.commandLine().getOut(), common.quiet);
        }
        BatchReport.of("bitext " + Bitext.version(), settings, results).write(output);
        return Report.finish(results, "converted", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }
}
