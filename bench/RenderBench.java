import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;

/**
 * Rendering time per document, one JVM, one thread, for bench/run: either a peer's stylesheet on plain Saxon-HE, or
 * bitext's renderings through its public Java API ({@code Renderer}, {@code Xml.parse}: what {@code bitext render}
 * does per file). Compiles the stylesheet(s) (compile time reported apart), then goes over every {@code *.xml} file
 * of TEI_DIR, each document parsed, transformed and serialized to a file of OUT_DIR: warm-up passes over all the
 * files until WARMUP seconds have gone (default 15; at least one pass), so that the faster side gets as much time to
 * warm up as the slower one, then five timed passes, of which the median is the figure. Then checks on two files that the output holds the text of a
 * sentence of each language (so that an error page or an empty page would show).
 *
 * <p>Usage:
 * <pre>
 * java -cp SAXON_CLASSPATH:target/bench/classes RenderBench peer STYLESHEET TEI_DIR OUT_DIR [WARMUP]
 * java -cp target/bitext.jar:target/bench/classes RenderBench bitext html,text,source TEI_DIR OUT_DIR [WARMUP]
 * </pre>
 * Prints one line per stylesheet: {@code NAME: compile S s; N documents, one thread; warm-up K passes in W s
 * (first pass F ms/doc, last L ms/doc); timed pass T ms/doc (median of 5, MIN-MAX); output check: ...}.
 */
public class RenderBench {
    /** One way of rendering a document to a file. */
    interface Rendering {
        void render(Path tei, Path out) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: RenderBench peer STYLESHEET|bitext FORMATS TEI_DIR OUT_DIR [WARMUP_SECONDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[2]);
        Path outDir = Path.of(args[3]);
        double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 15;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.xml in " + dir);
        }
        switch (args[0]) {
            case "peer" -> peer(Path.of(args[1]), files, outDir, warmup);
            case "bitext" -> {
                for (String format : args[1].split(",")) {
                    Bitext.measure(format, files, outDir.resolve(format), warmup);
                }
            }
            default -> throw new IllegalArgumentException("peer or bitext, not " + args[0]);
        }
    }

    /** The peer's stylesheet on Saxon-HE, as its command line runs it: the stylesheet parses the source itself. */
    static void peer(Path stylesheet, List<Path> files, Path outDir, double warmup) throws Exception {
        Processor saxon = new Processor(false);
        long t = System.nanoTime();
        XsltExecutable exe = saxon.newXsltCompiler().compile(new StreamSource(stylesheet.toFile()));
        double compile = (System.nanoTime() - t) / 1e9;
        int[] messages = {0};
        Rendering r = (tei, out) -> {
            XsltTransformer x = exe.load();
            x.setMessageHandler(m -> messages[0]++); // its xsl:message notes, counted, not printed
            x.setSource(new StreamSource(tei.toFile()));
            Serializer ser = saxon.newSerializer(out.toFile());
            x.setDestination(ser);
            x.setBaseOutputURI(out.toUri().toString());
            x.transform();
        };
        String name = "TEI Stylesheets " + stylesheet.getFileName();
        measure(name, compile, r, files, outDir, ".html", warmup, saxon);
        System.out.printf(Locale.ROOT, "  (%s: %d xsl:message notes over all passes, discarded)%n", name, messages[0]);
    }

    /** bitext's side, in a class of its own so that the peer's run needs no bitext on the class path. */
    static final class Bitext {
        static void measure(String format, List<Path> files, Path outDir, double warmup) throws Exception {
            org.bitext.render.Format f = org.bitext.render.Format.valueOf(format.toUpperCase(Locale.ROOT));
            long t = System.nanoTime();
            org.bitext.render.Renderer renderer = org.bitext.render.Renderer.load(null, List.of(f), false);
            double compile = (System.nanoTime() - t) / 1e9;
            Rendering r = (tei, out) -> Files.write(out,
                    renderer.render(org.bitext.xml.Xml.parse(tei), f, Map.of()));
            RenderBench.measure("bitext " + format, compile, r, files, outDir, "." + f.extension(), warmup,
                    org.bitext.xml.Xml.processor());
        }
    }

    static void measure(String name, double compile, Rendering r, List<Path> files, Path outDir, String ext,
                        double warmup, Processor saxon) throws Exception {
        Files.createDirectories(outDir);
        long start = System.nanoTime();
        int passes = 0;
        double first = 0;
        double last;
        do {
            last = pass(r, files, outDir, ext);
            if (passes++ == 0) {
                first = last;
            }
        } while ((System.nanoTime() - start) / 1e9 < warmup);
        double warm = (System.nanoTime() - start) / 1e9;
        // the median of five timed passes: one pass of a few hundred documents is short enough for a burst of other
        // work on the machine to move it by a third
        double[] passTimes = new double[5];
        for (int i = 0; i < passTimes.length; i++) {
            passTimes[i] = pass(r, files, outDir, ext);
        }
        java.util.Arrays.sort(passTimes);
        double timed = passTimes[passTimes.length / 2];
        System.out.printf(Locale.ROOT, "%s: compile %.2f s; %d documents, one thread; warm-up %d passes in %.1f s "
                        + "(first pass %.2f ms/doc, last %.2f); timed pass %.2f ms/doc (median of 5, %.2f-%.2f); output check: %s%n",
                name, compile, files.size(), passes, warm, first, last, timed, passTimes[0], passTimes[4], check(files, outDir, ext, saxon));
    }

    /** One pass over every file: mean ms per document. */
    private static double pass(Rendering r, List<Path> files, Path outDir, String ext) throws Exception {
        long t = System.nanoTime();
        for (Path tei : files) {
            r.render(tei, outDir.resolve(stem(tei) + ext));
        }
        return (System.nanoTime() - t) / 1e6 / files.size();
    }

    /**
     * On the first two documents: does the output hold a sentence of each language (the first {@code s} of each
     * side without child elements), compared without tags, entities or white space?
     */
    static String check(List<Path> files, Path outDir, String ext, Processor saxon) throws Exception {
        int ok = 0;
        int n = Math.min(2, files.size());
        List<String> missing = new ArrayList<>();
        for (Path tei : files.subList(0, n)) {
            XdmNode doc = saxon.newDocumentBuilder().build(tei.toFile());
            String out = new String(Files.readAllBytes(outDir.resolve(stem(tei) + ext)), StandardCharsets.UTF_8);
            String text = squeeze(ext.equals(".html") ? unescape(out.replaceAll("(?s)<script.*?</script>|<[^>]*>",
                    "")) : out);
            boolean all = true;
            for (String lang : List.of("zh-Hans", "en")) {
                String s = saxon.newXPathCompiler().evaluate(
                        "string((//*:body//*:div[@xml:lang='" + lang + "']//*:s[not(*)])[1])", doc).toString();
                String want = squeeze(s);
                want = want.substring(0, Math.min(20, want.length()));
                if (want.isEmpty() || !text.contains(want)) {
                    all = false;
                    missing.add(tei.getFileName() + " " + lang + " \"" + want + "\"");
                }
            }
            if (all && (!ext.equals(".html") || out.contains("<html") || out.contains("<HTML"))) {
                ok++;
            }
        }
        return ok + " of " + n + " files hold a sentence of each language" + (missing.isEmpty() ? ""
                : " (missing: " + String.join(", ", missing) + ")");
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }
}
