package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bitext.batch.Jit;
import org.bitext.pipeline.Pipeline;
import org.bitext.pipeline.Report;
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

    @Option(names = "--no-index", description = "Leave the search index OUT/search/ as it is (bring it up to date "
            + "later with `bitext index OUT`).")
    boolean noIndex;

    @Option(names = "--timings", description = "Print the time spent in each stage at the end (for benchmarks): wall "
            + "time and the CPU time of the thread that ran it, per article, summed over the workers.")
    boolean timings;

    @Override
    public Integer call() throws IOException {
        width.check(spec);
        common.chooseJit(Jit.Work.RUN, List.of(input), read.extensions);
        Pipeline.Summary s = Pipeline.run(input, output, new Pipeline.Options(common.jobs, common.failFast,
                common.progress("run"), read.encoding, read.extensions, xslt, width.width, catalogOption.delete,
                Report.live(spec.commandLine().getErr(), common.quiet), !noIndex));
        catalogOption.report(s.deleted(), input.toString(), spec.commandLine().getOut(), common.quiet);
        if (timings) {
            s.timings().print(spec.commandLine().getErr(), (int) s.total());
            String jit = Jit.chosen();
            if (jit != null) {
                spec.commandLine().getErr().println("JIT: " + jit);
            }
        }
        return Report.finish(s, "converted, validated and rendered", spec.commandLine().getOut(),
                spec.commandLine().getErr(), common.quiet);
    }
}
