package org.bitext.jmh;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.tei.TeiEncoder;
import org.bitext.xml.Xml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of {@code bitext convert}, and the parse that {@code bitext run} adds: the article's bytes read into an
 * {@link Article}, the article encoded as TEI bytes, the TEI bytes parsed into the one Saxon tree that validation and
 * rendering share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class Convert {
    private final ArticleReader reader = new ArticleReader();
    private final TeiEncoder encoder = new TeiEncoder();

    /** ArticleReader over the file's bytes: encoding recognised, decoded, parsed into an Article. */
    @Benchmark
    public Article read(Inputs in) throws InputError {
        int i = in.next();
        return reader.read(in.fileNames[i], in.names[i], in.bytes[i]);
    }

    /** TeiEncoder: one Article to TEI bytes (JAXB header, StAX body, Saxon's serializer). */
    @Benchmark
    public byte[] encode(Inputs in) {
        int i = in.next();
        return encoder.encode(in.articles[i], in.fileNames[i]);
    }

    /** The TEI bytes parsed into a Saxon tree with line numbers, securely ({@code Xml.parse}), as run does. */
    @Benchmark
    public XdmNode parse(Inputs in) throws SaxonApiException {
        int i = in.next();
        return Xml.parse(new ByteArrayInputStream(in.tei[i]), in.systemId(i));
    }
}
