package org.bitext.jmh;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
import org.bitext.tei.TeiEncoder;
import org.bitext.validate.Problem;
import org.bitext.validate.TeiValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One article through every in-memory stage of {@code bitext run}, in its order (ArticleJob): read, encode (the TEI
 * tree built from the encoder's events), serialize (the tree to the TEI file's bytes), validate (RELAX NG +
 * Schematron on the tree), html, text, source. What it leaves out is the writing (four files written atomically, and
 * their SHA-256), the catalog and the batch around it (listing, the report, the site, the search index): the
 * difference from {@code bench/run}'s time per article is that, the contention of two workers and the JIT's warm-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// every stage's code must be compiled by the JIT before it settles: about 20 s here, more than one stage needs
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class Pipeline {
    private final ArticleReader reader = new ArticleReader();
    private final TeiEncoder encoder = new TeiEncoder();
    private TeiValidator validator;
    private Renderer renderer;

    @Setup(Level.Trial)
    public void compile() throws IOException {
        validator = TeiValidator.builtin();
        renderer = Renderer.load(null, List.of(Format.values()), true);
    }

    @Benchmark
    public void article(Inputs in, Blackhole bh) throws InputError, RenderException {
        int i = in.next();
        Article article = reader.read(in.fileNames[i], in.names[i], in.bytes[i]);
        XdmNode doc = encoder.encodeTree(article, in.fileNames[i], in.systemId(i));
        bh.consume(encoder.serialize(doc));
        List<Problem> problems = validator.validate(doc, in.systemId(i));
        if (!problems.isEmpty()) {
            throw new IllegalStateException(in.names[i] + " is not valid: " + problems);
        }
        for (Format f : List.of(Format.HTML, Format.TEXT, Format.SOURCE)) {
            bh.consume(renderer.render(doc, f, Map.of()));
        }
    }
}
