package org.bitext.jmh;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bitext.render.Format;
import org.bitext.render.RenderException;
import org.bitext.render.Renderer;
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

/**
 * Each stylesheet on the shared tree, through {@link Renderer} with the stylesheets built into bitext (as
 * {@code bitext run} without {@code --xslt}): html, text, source (serialized to bytes). (The index row this class
 * measured is gone from bitext: the site's pages are written from the catalog since the streaming run.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Saxon-run code (stylesheets, the Schematron) takes the JIT longer to settle than the reader or the encoder
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class Render {
    private Renderer renderer;

    @Setup(Level.Trial)
    public void compile() throws IOException {
        renderer = Renderer.load(null, List.of(Format.values()), true);
    }

    @Benchmark
    public byte[] html(Inputs in) throws RenderException {
        return renderer.render(in.trees[in.next()], Format.HTML, Map.of());
    }

    @Benchmark
    public byte[] text(Inputs in) throws RenderException {
        return renderer.render(in.trees[in.next()], Format.TEXT, Map.of());
    }

    @Benchmark
    public byte[] source(Inputs in) throws RenderException {
        return renderer.render(in.trees[in.next()], Format.SOURCE, Map.of());
    }

}
