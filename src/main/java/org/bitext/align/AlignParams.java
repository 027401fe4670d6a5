package org.bitext.align;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The weights of the article aligner's bead score (all in nats: a bead's cost is the negative log of its weight).
 * {@link #DEFAULT} holds the values chosen on the development sample's gold (see the README's alignment section and
 * {@code bench/align}); {@code bitext align-eval --cross-validate} chooses them afresh on each half of the gold for the cross-validated figure.
 *
 * @param variance   variance of the English length per Chinese character (Gale &amp; Church's s²)
 * @param nullCost   cost of a sentence with no counterpart
 * @param nullHead   cost of a heading or byline sentence with no counterpart (translations often drop them)
 * @param nullCredit cost of a bracketed credit with no counterpart ({@code （达强）})
 * @param merge      cost of each sentence a bead holds beyond one on each side
 * @param inside     cost of each unit boundary a bead spans
 * @param edge       cost of a bead starting a unit on one side and not on the other
 * @param kind       cost of pairing a heading or byline with body text
 * @param anchor     reward of each anchor (number, glossary name, Latin word, list numeral, ? and !) found on both
 *                   sides of a bead
 * @param miss       cost of each anchor of a bead without its counterpart in it
 * @param features   the anchor kinds used (all by default; fewer for the ablation table)
 */
public record AlignParams(double variance, double nullCost, double nullHead, double nullCredit, double merge,
                          double inside, double edge, double kind, double anchor, double miss,
                          Set<Anchors.Kind> features) {
    public AlignParams {
        features = features.isEmpty() ? EnumSet.noneOf(Anchors.Kind.class) : EnumSet.copyOf(features);
    }

    public static final AlignParams DEFAULT = new AlignParams(35.91, 5.32, 2.0, 1.0, 2.5, 2.66, 1.5, 1.0, 1.5, 0.5,
            EnumSet.allOf(Anchors.Kind.class));

    /** The names of the weights, in {@link #values()} order. */
    public static final String[] NAMES = {"variance", "nullCost", "nullHead", "nullCredit", "merge", "inside", "edge",
        "kind", "anchor", "miss"};

    public double[] values() {
        return new double[] {variance, nullCost, nullHead, nullCredit, merge, inside, edge, kind, anchor, miss};
    }

    public AlignParams with(double[] v) {
        return new AlignParams(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], features);
    }

    public AlignParams withFeatures(Set<Anchors.Kind> f) {
        return new AlignParams(variance, nullCost, nullHead, nullCredit, merge, inside, edge, kind, anchor, miss, f);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        double[] v = values();
        for (int k = 0; k < v.length; k++) {
            b.append(k == 0 ? "" : " ").append(NAMES[k]).append('=').append(String.format(Locale.ROOT, "%.2f", v[k]));
        }
        return b.append(" anchors=").append(features.toString().toLowerCase(Locale.ROOT).replace(" ", "")).toString();
    }
}
