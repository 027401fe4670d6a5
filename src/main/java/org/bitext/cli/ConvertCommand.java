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
        common.chooseJit(Jit.Work.CONVERT, inputs, read.extensions);
        Pipeline.Summary s = Pipeline.convert(inputs, output, new Pipeline.Options(common.jobs, common.failFast,
                common.progress("convert"), read.encoding, read.extensions, null, null, catalogOption.delete,
                Report.live(spec.commandLine().getErr(), common.quiet), false));
        catalogOption.report(s.deleted(), String.join(" ", inputs.stream().map(Path::toString).toList()),
                spec.commandLine().getOut(), common.quiet);
        return Report.finish(s, "converted", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }
}
