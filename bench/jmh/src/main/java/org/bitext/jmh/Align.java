package org.bitext.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bitext.align.AlignParams;
import org.bitext.align.ArticleAligner;
import org.bitext.align.Bead;
import org.bitext.align.Seg;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.segment.SentenceSplitter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The sentence aligner's cost per article ({@link ArticleAligner}: the whole-article dynamic programme with its
 * anchors), on the reference article repeated {@code copies} times end to end: 1 copy is a typical article (17
 * sentences a side), 4 and 16 copies show that the cost grows with the number of sentences, not with its square
 * (the search keeps to a band around the diagonal).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class Align {
    @Param({"1", "4", "16"})
    public int copies;

    private final ArticleAligner aligner = new ArticleAligner(AlignParams.DEFAULT);
    private List<Seg> zh;
    private List<Seg> en;

    @Setup
    public void setup() throws Exception {
        Path root = Path.of(System.getProperty("bitext.root", "."));
        Article a = new ArticleReader().read(root.resolve("corpus/1960-06-14_suzhou_ganbu_reference_example.txt"));
        zh = new ArrayList<>();
        en = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            add(zh, a.chinese(), "zh", c, false);
            add(en, a.english(), "en", c, true);
        }
    }

    private static void add(List<Seg> out, List<org.bitext.read.Block> blocks, String side, int copy, boolean english) {
        int unit = 0;
        for (org.bitext.read.Block b : blocks) {
            unit++;
            String text = b.text();
            var sentences = english ? SentenceSplitter.english(text) : SentenceSplitter.chinese(text);
            int k = 0;
            for (var s : sentences) {
                k++;
                out.add(Seg.of(side + "-p" + (copy * 1000 + unit) + "-s" + k, text.substring(s.start(), s.end()),
                        english));
            }
        }
    }

    /** One alignment of the (repeated) article: anchors found, Viterbi path and posteriors. */
    @Benchmark
    public List<Bead> align() {
        return aligner.align(zh, en, List.of());
    }
}
