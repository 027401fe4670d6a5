package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bitext.pipeline.Pipeline;
import org.bitext.pipeline.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext validate}: RELAX NG and Schematron over TEI files. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Validate TEI files (or folder trees of *.xml) against bitext's schema: RELAX NG (Jing) and "
                + "Schematron (SchXslt). Every problem is printed as FILE:LINE:COLUMN: error: MESSAGE."})
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "TEI files or folders.")
    List<Path> inputs;

    @Option(names = "--schema", paramLabel = "FILE.rng",
            description = "Validate against this RELAX NG schema instead (no Schematron), e.g. the official tei_all.rng.")
    Path schema;

    @Override
    public Integer call() throws IOException {
        Pipeline.Summary s = Pipeline.validate(inputs, schema, Pipeline.Options.defaults().withJobs(common.jobs,
                common.failFast, common.progress("validate"))
                .withListener(Report.live(spec.commandLine().getErr(), common.quiet)));
        return Report.finish(s, "valid:", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }
}
