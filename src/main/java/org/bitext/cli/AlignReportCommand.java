package org.bitext.cli;

import org.bitext.pipeline.Inputs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.inspect.Link;
import org.bitext.inspect.SentenceAlignment;
import org.bitext.xml.Xml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitext align-report}: what a curator checks in the sentence alignment before publishing. */
@Command(name = "align-report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Report the sentence alignment of TEI files (or folder trees of *.xml): per article, the "
                + "number of links of each type (1-1, 2-1, ...), the unaligned sentences and the links the aligner "
                + "is least sure of, each with the beginning of its text."})
final class AlignReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "bitext TEI files or folders.")
    List<Path> inputs;

    @Option(names = "--below", paramLabel = "CERT", defaultValue = "0.5",
            description = "List links whose @cert is below this (default: ${DEFAULT-VALUE}).")
    double below;

    @Option(names = "--width", paramLabel = "N", defaultValue = "60",
            description = "Characters of each sentence's text shown (default: ${DEFAULT-VALUE}).")
    int width;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        Map<String, Integer> allTypes = new TreeMap<>(AlignReportCommand::byType);
        int articles = 0;
        int unalignedTotal = 0;
        int lowTotal = 0;
        for (Inputs.Input in : Inputs.collect(inputs, "xml")) {
            SentenceAlignment a;
            try {
                XdmNode tei = Xml.parse(in.file());
                if (!SentenceAlignment.present(tei)) {
                    err.println(in.display() + ": error: no sentence alignment: expected standOff/linkGrp"
                            + "[@subtype='sentence']. Convert the article again with this version of bitext.");
                    failed++;
                    continue;
                }
                a = SentenceAlignment.of(tei);
            } catch (SaxonApiException e) {
                err.println(Xml.describe(e).at(in.display(), "error"));
                failed++;
                continue;
            }
            articles++;
            Map<String, Integer> types = new TreeMap<>(AlignReportCommand::byType);
            int zh = a.chinese().size();
            int en = a.sentences().size() - zh;
            List<Link> unaligned = a.links().stream().filter(Link::unaligned).toList();
            List<Link> low = a.links().stream().filter(l -> !l.unaligned() && l.cert() < below).toList();
            for (Link l : a.links()) {
                types.merge(l.type(), 1, Integer::sum);
                allTypes.merge(l.type(), 1, Integer::sum);
            }
            unalignedTotal += unaligned.size();
            lowTotal += low.size();
            out.printf("%s: %d Chinese and %d English sentences, %d links%n", in.display(), zh, en,
                    a.links().size() - unaligned.size());
            out.println("  by type: " + types(types));
            out.println("  unaligned: " + (unaligned.isEmpty() ? "none" : unaligned.size()));
            for (Link l : unaligned) {
                String id = l.zh().isEmpty() ? l.en().get(0) : l.zh().get(0);
                out.println("    " + id + "  " + snippet(a.sentences().get(id)));
            }
            out.printf(Locale.ROOT, "  cert below %.2f: %s%n", below, low.isEmpty() ? "none" : String.valueOf(low.size()));
            for (Link l : low) {
                out.printf(Locale.ROOT, "    %.2f %s%n", l.cert(), String.join(" ", l.zh()) + " = " + String.join(" ", l.en()));
                for (String id : l.zh()) {
                    out.println("         " + id + "  " + snippet(a.sentences().get(id)));
                }
                for (String id : l.en()) {
                    out.println("         " + id + "  " + snippet(a.sentences().get(id)));
                }
            }
        }
        if (articles > 1) {
            out.printf("all %d articles: %s; %d unaligned sentences, %d links below %.2f%n", articles, types(allTypes),
                    unalignedTotal, lowTotal, below);
        }
        return failed == 0 ? 0 : 1;
    }

    private String snippet(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.codePointCount(0, t.length()) <= width ? t : t.substring(0, t.offsetByCodePoints(0, width)) + "…";
    }

    private static String types(Map<String, Integer> types) {
        StringBuilder b = new StringBuilder();
        types.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" ").append(v));
        return b.toString();
    }

    /** 1-1 first, then links by size, then the one-sided ones. */
    static int byType(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String type) {
        String[] p = type.split("-");
        int z = Integer.parseInt(p[0]);
        int e = Integer.parseInt(p[1]);
        return z == 0 || e == 0 ? 1000 + z * 10 + e : (z + e) * 10 + z;
    }
}
