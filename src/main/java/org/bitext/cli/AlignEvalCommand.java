package org.bitext.cli;

import org.bitext.pipeline.Inputs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import net.sf.saxon.s9api.SaxonApiException;
import org.bitext.align.AlignParams;
import org.bitext.align.Anchors;
import org.bitext.align.Lengths;
import org.bitext.align.Seg;
import org.bitext.inspect.AlignStudy;
import org.bitext.inspect.Gold;
import org.bitext.inspect.Link;
import org.bitext.inspect.Scores;
import org.bitext.inspect.SentenceAlignment;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.read.InputError;
import org.bitext.tei.TeiEncoder;
import org.bitext.xml.Xml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bitext align-eval}: the sentence aligner measured against hand-made gold alignments. Each gold file
 * {@code NAME.tsv} goes with the article {@code NAME.txt} of the corpus folder, converted afresh.
 */
@Command(name = "align-eval", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Measure the sentence aligner against gold alignments (NAME.tsv files; see corpus/gold/README.md):"
                + " precision, recall and F1 per article and overall, by exact link and by sentence pair; the"
                + " length ratio and variance of the gold 1-1 links; and every link the aligner got wrong."})
final class AlignEvalCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "GOLD", description = "Gold files (*.tsv) or folders of them.")
    List<Path> inputs;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "Folder of the articles (default: the folder above each gold file's folder).")
    Path corpus;

    @Option(names = "--errors", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "List the links the aligner got wrong (default: yes).")
    boolean errors;

    @Option(names = "--cross-validate",
            description = "Also print the cross-validated score of the article aligner: its weights chosen on half of"
                    + " the gold articles and measured on the other half, and the reverse; with the calibration table"
                    + " of its certs.")
    boolean crossValidate;

    @Option(names = "--ablation",
            description = "With --cross-validate: the cross-validated score with each kind of anchor left out.")
    boolean ablation;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ArticleReader reader = new ArticleReader();
        TeiEncoder encoder = new TeiEncoder();
        Scores allLinks = new Scores(0, 0, 0);
        Scores allPairs = new Scores(0, 0, 0);
        Scores allPU = new Scores(0, 0, 0);
        List<String> wrong = new ArrayList<>();
        double sumZh = 0;
        double sumEn = 0;
        List<double[]> oneToOne = new ArrayList<>();
        int failed = 0;
        List<AlignStudy.Item> items = new ArrayList<>();
        out.printf("%-58s %5s %5s %5s  %6s %6s %6s  %6s%n", "article", "gold", "found", "right", "P", "R", "F1",
                "pair F1");
        for (Inputs.Input in : Inputs.collect(inputs, "tsv")) {
            String name = in.file().getFileName().toString().replaceFirst("\\.tsv$", "");
            Path dir = corpus != null ? corpus : in.file().toAbsolutePath().getParent().getParent();
            if (corpus == null && Files.isDirectory(dir.resolve("articles"))) {
                dir = dir.resolve("articles"); // the development sample's layout: gold/ beside articles/
            }
            Path article = dir.resolve(name + ".txt");
            if (!Files.isRegularFile(article) && Files.isRegularFile(dir.resolve(name + ".md"))) {
                article = dir.resolve(name + ".md");
            }
            SentenceAlignment system;
            List<Link> gold;
            try {
                if (!Files.isRegularFile(article)) {
                    err.println(in.display() + ": error: its article " + article + " does not exist. Name the gold file"
                            + " after the article (NAME.tsv for NAME.txt), or give the articles' folder with --corpus.");
                    failed++;
                    continue;
                }
                Article a = reader.read(article);
                byte[] tei = encoder.encode(a, article.getFileName().toString());
                system = SentenceAlignment.of(Xml.parse(new ByteArrayInputStream(tei), article.toUri().toString()));
                gold = Gold.read(in.file(), in.display(), system);
                items.add(item(name, a, system, gold));
            } catch (InputError e) {
                err.println(e.getMessage());
                failed++;
                continue;
            } catch (Gold.GoldError e) {
                err.println(e.getMessage());
                failed++;
                continue;
            } catch (SaxonApiException e) {
                throw new IllegalStateException("bitext's own TEI could not be read back", e);
            }
            Scores links = Scores.links(system.links(), gold);
            Scores pairs = Scores.pairs(system.links(), gold);
            allLinks = allLinks.plus(links);
            allPairs = allPairs.plus(pairs);
            allPU = allPU.plus(Scores.pairsAndUnaligned(system.links(), gold));
            out.printf(Locale.ROOT, "%-58s %5d %5d %5d  %6.3f %6.3f %6.3f  %6.3f%n", name, links.gold(),
                    links.system(), links.correct(), links.precision(), links.recall(), links.f1(), pairs.f1());
            for (Link g : gold) {
                if (g.zh().size() == 1 && g.en().size() == 1) {
                    int z = Lengths.of(system.sentences().get(g.zh().get(0)), false);
                    int e = Lengths.of(system.sentences().get(g.en().get(0)), true);
                    sumZh += z;
                    sumEn += e;
                    oneToOne.add(new double[] {z, e});
                }
            }
            Set<String> goldKeys = new HashSet<>();
            gold.forEach(l -> goldKeys.add(l.key()));
            Set<String> systemKeys = new HashSet<>();
            system.links().forEach(l -> systemKeys.add(l.key()));
            for (Link g : gold) {
                if (!systemKeys.contains(g.key())) {
                    wrong.add(name + ": missed   " + show(g) + "    " + text(g, system));
                }
            }
            for (Link s : system.links()) {
                if (!goldKeys.contains(s.key())) {
                    wrong.add(name + ": wrong    " + show(s)
                            + (Double.isNaN(s.cert()) ? "" : String.format(Locale.ROOT, " (cert %.2f)", s.cert())));
                }
            }
        }
        out.printf(Locale.ROOT, "%-58s %5d %5d %5d  %6.3f %6.3f %6.3f  %6.3f%n", "all (micro-average)",
                allLinks.gold(), allLinks.system(), allLinks.correct(), allLinks.precision(), allLinks.recall(),
                allLinks.f1(), allPairs.f1());
        out.printf(Locale.ROOT, "links: exact match of the whole group; pairs: the Chinese-English sentence pairs the"
                + " links imply (%d gold, %d found, %d right: P %.3f R %.3f F1 %.3f)%n", allPairs.gold(),
                allPairs.system(), allPairs.correct(), allPairs.precision(), allPairs.recall(), allPairs.f1());
        out.printf(Locale.ROOT, "pairs and unaligned sentences (each sentence left without counterpart one item): %d gold,"
                + " %d found, %d right: P %.3f R %.3f F1 %.3f%n", allPU.gold(), allPU.system(), allPU.correct(),
                allPU.precision(), allPU.recall(), allPU.f1());
        if (!oneToOne.isEmpty() && sumZh > 0) {
            double ratio = sumEn / sumZh;
            double sq = 0;
            for (double[] p : oneToOne) {
                sq += (p[1] - ratio * p[0]) * (p[1] - ratio * p[0]);
            }
            out.printf(Locale.ROOT, "gold 1-1 links: %d; English characters per Chinese character %.2f, variance"
                    + " per Chinese character %.1f%n", oneToOne.size(), ratio, sq / sumZh);
        }
        if (errors && !wrong.isEmpty()) {
            out.println("links the aligner got wrong (missed: in the gold, not found; wrong: found, not in the gold):");
            wrong.forEach(w -> out.println("  " + w));
        }
        if (crossValidate) {
            study(out, items);
        }
        return failed == 0 ? 0 : 1;
    }

    private static AlignStudy.Item item(String name, Article a, SentenceAlignment system, List<Link> gold) {
        List<Seg> zh = new ArrayList<>();
        List<Seg> en = new ArrayList<>();
        system.sentences().forEach((id, text) -> {
            boolean chinese = system.chinese().contains(id);
            (chinese ? zh : en).add(Seg.of(id, text, !chinese));
        });
        return new AlignStudy.Item(name, zh, en, TeiEncoder.glossaryPairs(a), gold);
    }

    private void study(PrintWriter out, List<AlignStudy.Item> items) {
        out.println();
        out.println("article aligner (whole-article dynamic programme with anchors), " + items.size() + " articles:");
        AlignStudy.CrossValidation cv = AlignStudy.crossValidate(items, AlignParams.DEFAULT);
        Scores all = AlignStudy.score(items, AlignParams.DEFAULT);
        out.printf(Locale.ROOT, "  default weights, all articles:  pairs and unaligned P %.3f R %.3f F1 %.3f%n",
                all.precision(), all.recall(), all.f1());
        out.printf(Locale.ROOT, "  cross-validated (2 halves):     pairs and unaligned P %.3f R %.3f F1 %.3f;"
                + " exact links F1 %.3f%n", cv.test().precision(), cv.test().recall(), cv.test().f1(), cv.exact().f1());
        out.println("  weights chosen on half 1: " + cv.chosen().get(0));
        out.println("  weights chosen on half 2: " + cv.chosen().get(1));
        AlignParams full = AlignStudy.tune(items, AlignParams.DEFAULT);
        out.printf(Locale.ROOT, "  weights chosen on all articles: %s (F1 on them %.3f)%n", full,
                AlignStudy.score(items, full).f1());
        out.println("  calibration of @cert on the held-out halves (two-sided links):");
        out.println("    cert        links  right  share right");
        double[][] bins = {{0, 0.5}, {0.5, 0.7}, {0.7, 0.9}, {0.9, 0.95}, {0.95, 1.01}};
        for (double[] b : bins) {
            int n = 0;
            int right = 0;
            for (double[] c : cv.certs()) {
                if (c[0] >= b[0] && c[0] < b[1]) {
                    n++;
                    right += (int) c[1];
                }
            }
            out.printf(Locale.ROOT, "    %.2f–%.2f  %5d  %5d  %s%n", b[0], Math.min(b[1], 1.0), n, right,
                    n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) right / n));
        }
        int n9 = 0;
        int r9 = 0;
        for (double[] c : cv.certs()) {
            if (c[0] >= 0.9) {
                n9++;
                r9 += (int) c[1];
            }
        }
        out.printf(Locale.ROOT, "    cert >= 0.90: %d links, %.3f right%n", n9, n9 == 0 ? 0 : (double) r9 / n9);
        if (ablation) {
            out.println("  ablation (cross-validated pairs-and-unaligned F1 without one kind of anchor):");
            out.printf(Locale.ROOT, "    %-14s %.3f%n", "all anchors", cv.test().f1());
            for (Anchors.Kind k : Anchors.Kind.values()) {
                java.util.Set<Anchors.Kind> f = java.util.EnumSet.allOf(Anchors.Kind.class);
                f.remove(k);
                double f1 = AlignStudy.crossValidate(items, AlignParams.DEFAULT.withFeatures(f)).test().f1();
                out.printf(Locale.ROOT, "    %-14s %.3f (%+.3f)%n", "no " + k.name().toLowerCase(Locale.ROOT), f1,
                        f1 - cv.test().f1());
            }
            double none = AlignStudy.crossValidate(items,
                    AlignParams.DEFAULT.withFeatures(java.util.EnumSet.noneOf(Anchors.Kind.class))).test().f1();
            out.printf(Locale.ROOT, "    %-14s %.3f (%+.3f)%n", "no anchors", none, none - cv.test().f1());
        }
    }

    private static String show(Link l) {
        return (l.zh().isEmpty() ? "-" : String.join(" ", l.zh())) + " = " + (l.en().isEmpty() ? "-" : String.join(" ", l.en()));
    }

    private static String text(Link l, SentenceAlignment a) {
        String zh = String.join("", l.zh().stream().map(a.sentences()::get).toList());
        String en = String.join(" ", l.en().stream().map(a.sentences()::get).toList());
        return "[" + cut(zh, 24) + " | " + cut(en, 60) + "]";
    }

    private static String cut(String s, int n) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= n ? t : t.substring(0, n) + "…";
    }
}
