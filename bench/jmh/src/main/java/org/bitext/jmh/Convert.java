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
 * {@link Article}, the article encoded as TEI bytes (what {@code convert} does), the TEI tree built from the
 * encoder's events and serialized to the TEI file's bytes (what {@code run} does instead: {@code encodeTree} and
 * {@code serialize}, its stages {@code encode} and {@code serialize} of {@code --timings}), and the TEI bytes parsed
 * into a Saxon tree (no longer in {@code run}).
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

    /** run's stage {@code encode}: the TEI tree built straight from the encoder's events, nothing parsed. */
    @Benchmark
    public XdmNode encodeTree(Inputs in) {
        int i = in.next();
        return encoder.encodeTree(in.articles[i], in.fileNames[i], in.systemId(i));
    }

    /** run's stage {@code serialize}: that tree to the TEI file's bytes. */
    @Benchmark
    public byte[] serialize(Inputs in) {
        return encoder.serialize(in.built[in.next()]);
    }

    /** The TEI bytes parsed into a Saxon tree with line numbers, securely ({@code Xml.parse}), as run does. */
    @Benchmark
    public XdmNode parse(Inputs in) throws SaxonApiException {
        int i = in.next();
        return Xml.parse(new ByteArrayInputStream(in.tei[i]), in.systemId(i));
    }
}
