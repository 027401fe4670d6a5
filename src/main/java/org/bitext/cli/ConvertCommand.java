package org.bitext.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bitext.io.AtomicFiles;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.tei.TeiEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext convert}: article text files to TEI. */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Convert article text files (or folder trees of *.txt) to TEI P5, one DIR/NAME.xml each.")
final class ConvertCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "Article files or folders.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @Override
    public Integer call() throws IOException {
        List<Inputs.Input> files = Inputs.collect(inputs, "txt");
        ArticleReader reader = new ArticleReader();
        TeiEncoder encoder = new TeiEncoder();
        List<Outcome> outcomes = Workers.map(files, common.jobs, in -> convert(reader, encoder, in, output));
        return Report.finish(outcomes, "converted", spec.commandLine().getOut(), spec.commandLine().getErr(),
                common.quiet);
    }

    /** Reads and encodes one article and writes its TEI; the shared first step of convert and run. */
    static Outcome convert(ArticleReader reader, TeiEncoder encoder, Inputs.Input in, Path dir) {
        try {
            Article a = reader.read(in.file());
            AtomicFiles.write(in.output(dir, "xml"), encoder.encode(a, in.file().getFileName().toString()));
            return Outcome.success(in.display());
        } catch (InputError e) {
            return Outcome.failure(in.display(), e.getMessage());
        } catch (IOException e) {
            return Outcome.failure(in.display(), in.display() + ":0:0: error: " + e.getMessage());
        }
    }
}
