package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.io.AtomicFiles;
import org.bitext.read.ArticleReader;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.tei.TeiEncoder;
import org.bitext.validate.Problem;
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
                + "OUT/text/NAME.txt, OUT/source/NAME.txt and OUT/html/index.html."})
final class RunCommand implements Callable<Integer> {
    private static final List<Format> FORMATS = List.of(Format.HTML, Format.TEXT, Format.SOURCE);

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1", paramLabel = "IN", description = "An article file or a folder of them.")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path output;

    @Option(names = "--xslt", paramLabel = "DIR", description = "Use the stylesheets in DIR instead of the built-in ones.")
    Path xslt;

    /** A converted article ready for the index. */
    private record Done(Outcome outcome, XdmNode tei, String href) {
    }

    @Override
    public Integer call() throws IOException {
        List<Inputs.Input> files = Inputs.collect(List.of(input), "txt");
        ArticleReader reader = new ArticleReader();
        TeiEncoder encoder = new TeiEncoder();
        TeiValidator validator = TeiValidator.builtin();
        Renderer renderer = Renderer.load(xslt, FORMATS, true);
        Path teiDir = output.resolve("tei");
        Path htmlDir = output.resolve("html");
        List<Done> done = Workers.map(files, common.jobs, in -> {
            Outcome converted = ConvertCommand.convert(reader, encoder, in, teiDir);
            if (!converted.ok()) {
                return new Done(converted, null, null);
            }
            Path tei = in.output(teiDir, "xml");
            List<String> messages = new ArrayList<>();
            validator.validate(tei, tei.toString()).stream().map(Problem::toString).forEach(messages::add);
            XdmNode doc = null;
            try {
                doc = Xml.parse(tei);
                for (Format f : FORMATS) {
                    Path dir = output.resolve(f == Format.SOURCE ? "source" : f == Format.HTML ? "html" : "text");
                    AtomicFiles.write(in.output(dir, f.extension()), renderer.render(doc, f, Map.of()));
                }
            } catch (SaxonApiException | RenderException | IOException e) {
                messages.add(tei + ":0:0: error: " + e.getMessage());
            }
            String href = htmlDir.relativize(in.output(htmlDir, "html")).toString().replace('\\', '/');
            Outcome o = messages.isEmpty() ? converted : Outcome.failure(in.display(), messages);
            return new Done(o, doc, href);
        });
        List<Done> indexed = done.stream().filter(d -> d.tei() != null)
                .sorted(Comparator.comparing(Done::href)).toList();
        if (!indexed.isEmpty()) {
            try {
                Files.createDirectories(htmlDir);
                AtomicFiles.write(htmlDir.resolve("index.html"), renderer.index(
                        indexed.stream().map(Done::tei).toList(), indexed.stream().map(Done::href).toList()));
            } catch (RenderException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return Report.finish(done.stream().map(Done::outcome).toList(), "converted, validated and rendered",
                spec.commandLine().getOut(), spec.commandLine().getErr(), common.quiet);
    }
}
