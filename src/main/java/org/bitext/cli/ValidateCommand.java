package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bitext.batch.Jit;
import org.bitext.pipeline.Pipeline;
import org.bitext.pipeline.Plan;
import org.bitext.pipeline.Report;
import org.bitext.validate.TeiValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext validate}: RELAX NG and Schematron over TEI files. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Validate TEI files (or folder trees of *.xml) against bitext's schema: RELAX NG (Jing) and "
                + "the Schematron rules of bitext.sch. Every problem is printed as FILE:LINE:COLUMN: error: MESSAGE."})
final class ValidateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "TEI files or folders.")
    List<Path> inputs;

    @Option(names = "--schema", paramLabel = "FILE.rng",
            description = "Validate against this RELAX NG schema instead (no Schematron), e.g. the official tei_all.rng.")
    Path schema;

    @Option(names = "--schxslt",
            description = "Run bitext.sch with SchXslt, the reference Schematron implementation, instead of bitext's "
                    + "one-pass checks of the same rules: the same findings, several times slower.")
    boolean schxslt;

    @Override
    public Integer call() throws IOException {
        if (schxslt && schema != null) {
            throw new ParameterException(spec.commandLine(),
                    "--schxslt runs bitext's own Schematron; a schema given with --schema is checked by RELAX NG only");
        }
        common.chooseJit(Jit.Work.VALIDATE, inputs, List.of("xml"));
        Plan.warmUp(); // SQLite for the list of inputs, while the schema loads
        TeiValidator validator = schema != null ? TeiValidator.relaxNg(schema)
                : schxslt ? TeiValidator.builtinReference() : TeiValidator.builtin();
        Pipeline.Summary s = Pipeline.validate(inputs, validator, Pipeline.Options.defaults().withJobs(common.jobs,
                common.failFast, common.progress("validate"))
                .withListener(Report.live(spec.commandLine().getErr(), common.quiet)));
        return Report.finish(s, "valid:", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }
}
