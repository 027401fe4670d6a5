package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.sf.saxon.s9api.SaxonApiException;
import org.bitext.batch.Batch;
import org.bitext.batch.Result;
import org.bitext.batch.Status;
import org.bitext.io.AtomicFiles;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.xml.Xml;
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
        List<Inputs.Input> files = Inputs.collect(inputs, "xml");
        Renderer renderer = Renderer.load(xslt, List.of(format), false);
        Map<String, String> params = new java.util.HashMap<>(width.params());
        if (lang != null) {
            params.put("lang", lang);
        }
        List<Result> results = new Batch<Inputs.Input>(common.jobs, common.failFast, common.progress("render"))
                .run(files, in -> render(renderer, in, params), ArticleJob::notRun);
        return Report.finish(results, "rendered", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }

    private Result render(Renderer renderer, Inputs.Input in, Map<String, String> params) {
        String error;
        try {
            byte[] bytes = renderer.render(Xml.parse(in.file()), format, params);
            AtomicFiles.write(in.output(output, format.extension()), bytes);
            return new Result(in.display(), "", Status.CONVERTED, List.of(), List.of());
        } catch (SaxonApiException e) {
            error = Xml.describe(e).at(in.display(), "error");
        } catch (RenderException | IOException e) {
            error = in.display() + ":0:0: error: " + e.getMessage();
        }
        return new Result(in.display(), "", Status.FAILED, List.of(error), List.of());
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
