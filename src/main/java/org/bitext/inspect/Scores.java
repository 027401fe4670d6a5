package org.bitext.inspect;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Precision, recall and F1 of a system alignment against a gold one, counted two ways: <em>links</em> (a system
 * link is right only when the gold has exactly the same group, unaligned sentences counting as one-sided links) and
 * <em>pairs</em> (the Chinese–English sentence pairs the links imply; more lenient to a link that is one sentence
 * too large or too small). Counts add up across articles.
 *
 * @param system  number of system items
 * @param gold    number of gold items
 * @param correct number of system items that are in the gold
 */
public record Scores(int system, int gold, int correct) {
    /** Exact-match link scores. */
    public static Scores links(List<Link> system, List<Link> gold) {
        Set<String> g = new HashSet<>();
        gold.forEach(l -> g.add(l.key()));
        int correct = (int) system.stream().filter(l -> g.contains(l.key())).count();
        return new Scores(system.size(), gold.size(), correct);
    }

    /** Sentence-pair scores. */
    public static Scores pairs(List<Link> system, List<Link> gold) {
        Set<String> s = pairsOf(system);
        Set<String> g = pairsOf(gold);
        int correct = (int) s.stream().filter(g::contains).count();
        return new Scores(s.size(), g.size(), correct);
    }

    /**
     * Sentence pairs and unaligned sentences: the pairs the links imply, plus one item per sentence a link leaves
     * without counterpart ({@code zh-p3-s2 -}, {@code - en-p1-s1}). The headline figure of the alignment issue:
     * a sentence wrongly left unaligned, or wrongly paired, counts against it either way.
     */
    public static Scores pairsAndUnaligned(List<Link> system, List<Link> gold) {
        Set<String> s = pairsOf(system);
        Set<String> g = pairsOf(gold);
        s.addAll(unalignedOf(system));
        g.addAll(unalignedOf(gold));
        int correct = (int) s.stream().filter(g::contains).count();
        return new Scores(s.size(), g.size(), correct);
    }

    private static Set<String> unalignedOf(List<Link> links) {
        Set<String> out = new HashSet<>();
        for (Link l : links) {
            if (l.en().isEmpty()) {
                l.zh().forEach(z -> out.add(z + " -"));
            }
            if (l.zh().isEmpty()) {
                l.en().forEach(e -> out.add("- " + e));
            }
        }
        return out;
    }

    private static Set<String> pairsOf(List<Link> links) {
        Set<String> out = new HashSet<>();
        for (Link l : links) {
            for (String z : l.zh()) {
                for (String e : l.en()) {
                    out.add(z + " " + e);
                }
            }
        }
        return out;
    }

    public Scores plus(Scores o) {
        return new Scores(system + o.system, gold + o.gold, correct + o.correct);
    }

    public double precision() {
        return system == 0 ? 1.0 : (double) correct / system;
    }

    public double recall() {
        return gold == 0 ? 1.0 : (double) correct / gold;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
