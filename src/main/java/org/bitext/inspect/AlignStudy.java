package org.bitext.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bitext.align.AlignParams;
import org.bitext.align.ArticleAligner;
import org.bitext.align.Bead;
import org.bitext.align.Seg;

/**
 * The article aligner measured on gold alignments without writing any TEI: each article's sentences and glossary
 * are read once, then aligned with as many parameter sets as a search or an ablation needs. Also chooses the
 * parameters on one set of articles ({@link #tune}) so that they can be measured on another (cross-validation).
 */
public final class AlignStudy {
    /** One gold article: its sentences, its glossary and the hand-made links. */
    public record Item(String name, List<Seg> zh, List<Seg> en, List<Map.Entry<String, String>> glossary,
                       List<Link> gold) {
    }

    /** The system's links for an item, and their scores against the gold. */
    public record Outcome(List<Link> links, Scores pairs, Scores exact) {
    }

    private AlignStudy() {
    }

    /** The links the aligner finds in one item. */
    public static List<Link> links(Item item, AlignParams params) {
        List<Bead> beads = new ArticleAligner(params).align(item.zh(), item.en(), item.glossary());
        List<Link> out = new ArrayList<>();
        for (Bead b : beads) {
            List<String> z = b.source().stream().map(i -> item.zh().get(i).id()).toList();
            List<String> e = b.target().stream().map(i -> item.en().get(i).id()).toList();
            if (!z.isEmpty() && !e.isEmpty()) {
                out.add(new Link(z, e, b.cert()));
            } else {
                z.forEach(id -> out.add(new Link(List.of(id), List.of(), Double.NaN)));
                e.forEach(id -> out.add(new Link(List.of(), List.of(id), Double.NaN)));
            }
        }
        return out;
    }

    public static Outcome outcome(Item item, AlignParams params) {
        List<Link> links = links(item, params);
        return new Outcome(links, Scores.pairsAndUnaligned(links, item.gold()), Scores.links(links, item.gold()));
    }

    /** Pairs-and-unaligned scores summed over the items. */
    public static Scores score(List<Item> items, AlignParams params) {
        Scores s = new Scores(0, 0, 0);
        for (Item i : items) {
            s = s.plus(outcome(i, params).pairs());
        }
        return s;
    }

    /**
     * Parameters chosen on the items: coordinate ascent on the pairs-and-unaligned F1 from {@code start}, each weight
     * in turn scaled by a few factors (and tried at 0), the best kept, for a few rounds.
     */
    public static AlignParams tune(List<Item> items, AlignParams start) {
        AlignParams best = start;
        double bestF = score(items, best).f1();
        double[] factors = {0, 0.5, 0.75, 1.33, 2};
        for (int round = 0; round < 3; round++) {
            boolean improved = false;
            for (int k = 0; k < AlignParams.NAMES.length; k++) {
                for (double f : factors) {
                    double[] v = best.values();
                    if (k == 0 && f == 0) {
                        continue; // the variance must stay positive
                    }
                    v[k] = f == 0 ? 0 : v[k] * f;
                    if (v[k] == best.values()[k]) {
                        continue;
                    }
                    AlignParams cand = best.with(v);
                    double fc = score(items, cand).f1();
                    if (fc > bestF + 1e-9) {
                        best = cand;
                        bestF = fc;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return best;
    }

    /** Items split in two halves by position in name order (every other one: both halves span the years). */
    public static List<List<Item>> halves(List<Item> items) {
        List<Item> a = new ArrayList<>();
        List<Item> b = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            (k % 2 == 0 ? a : b).add(items.get(k));
        }
        return List.of(a, b);
    }

    /**
     * The result of a two-fold cross-validation.
     *
     * @param test   pairs-and-unaligned scores on each half with the parameters chosen on the other, summed
     * @param exact  exact-link scores the same way
     * @param chosen the parameters chosen on the first half and on the second
     * @param certs  each two-sided link found in a test half: its cert, and 1 when the gold has it, else 0
     */
    public record CrossValidation(Scores test, Scores exact, List<AlignParams> chosen, List<double[]> certs) {
    }

    /** Two-fold cross-validation: parameters chosen on one half, measured on the other, and the reverse. */
    public static CrossValidation crossValidate(List<Item> items, AlignParams start) {
        List<List<Item>> h = halves(items);
        Scores test = new Scores(0, 0, 0);
        Scores exact = new Scores(0, 0, 0);
        List<AlignParams> chosen = new ArrayList<>();
        List<double[]> certs = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            AlignParams p = tune(h.get(k), start);
            chosen.add(p);
            for (Item i : h.get(1 - k)) {
                Outcome o = outcome(i, p);
                test = test.plus(o.pairs());
                exact = exact.plus(o.exact());
                java.util.Set<String> gold = new java.util.HashSet<>();
                i.gold().forEach(l -> gold.add(l.key()));
                for (Link l : o.links()) {
                    if (!l.zh().isEmpty() && !l.en().isEmpty()) {
                        certs.add(new double[] {l.cert(), gold.contains(l.key()) ? 1 : 0});
                    }
                }
            }
        }
        return new CrossValidation(test, exact, chosen, certs);
    }
}
