package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bitext.batch.Jit;
import org.bitext.pipeline.Pipeline;
import org.bitext.pipeline.Report;
import org.bitext.render.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext render}: TEI to HTML, text or the source layout. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Render TEI files (or folder trees of *.xml) with the XSLT stylesheets: DIR/NAME.html or DIR/NAME.txt.")
final class RenderCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "TEI files or folders.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "html, text or source.", converter = FormatConverter.class)
    Format format;

    @Option(names = "--lang", paramLabel = "zh|en", description = "text: one language only.")
    String lang;

    @Mixin WidthOption width;

    @Option(names = "--xslt", paramLabel = "DIR", description = "Use the stylesheets in DIR instead of the built-in ones.")
    Path xslt;

    @Override
    public Integer call() throws IOException {
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--lang must be zh or en, not " + lang);
        }
        width.check(spec);
        common.chooseJit(Jit.Work.RENDER, inputs, List.of("xml"));
        Map<String, String> params = new java.util.HashMap<>(width.params());
        if (lang != null) {
            params.put("lang", lang);
        }
        Pipeline.Summary s = Pipeline.render(inputs, output, format, params, Pipeline.Options.defaults()
                .withJobs(common.jobs, common.failFast, common.progress("render")).withXslt(xslt)
                .withListener(Report.live(spec.commandLine().getErr(), common.quiet)));
        return Report.finish(s, "rendered", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }

    /** Accepts html, text or source. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.id().equals(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected html, text or source, not " + value);
        }
    }
}
