package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bitext.batch.Jit;
import org.bitext.catalog.CatalogException;
import org.bitext.search.SearchIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext index OUT}: builds or brings up to date the search index of a run output folder. */
@Command(name = "index", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        header = "Build or update the search index (OUT/search) of a run output folder.",
        description = {"Bring OUT/search, the sentence index that `bitext serve OUT` searches at /search, up to date "
                + "with OUT/catalog.sqlite: articles added or changed since the last update are indexed, articles "
                + "deleted are removed, unchanged ones are left alone. Safe to repeat; one update per folder at a "
                + "time."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:some article's TEI could not be indexed (the others are)",
                "2:usage error, no catalog in OUT, or the index could not be written"})
public final class IndexCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "OUT", description = "The output folder of `bitext run`.")
    Path folder;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of internal failures.")
    boolean debug;

    @Override
    public Integer call() {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, not " + jobs);
        }
        CommonOptions.chooseJit(Jit.Work.INDEX, java.util.List.of(folder.resolve("tei")), java.util.List.of("xml"),
                jobs);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        try {
            SearchIndex.Counts c = SearchIndex.updateFrom(folder, jobs, line -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            });
            if (!quiet) {
                out.println(String.format(Locale.ROOT, "search index %s: %d added, %d changed, %d removed, %d "
                        + "unchanged, %d failed (%d sentences indexed) in %.1f s", SearchIndex.folderOf(folder),
                        c.added(), c.changed(), c.deleted(), c.unchanged(), c.failed(), c.sentences(),
                        (System.nanoTime() - start) / 1e9));
            }
            return c.failed() > 0 ? 1 : 0;
        } catch (IOException | CatalogException e) {
            err.println("bitext: error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (debug) {
                e.printStackTrace(err);
            }
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
