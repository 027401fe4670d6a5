package org.bitext.align;

/**
 * Gale &amp; Church's (1993) model of translation lengths ("A Program for Aligning Sentences in Bilingual Corpora"):
 * the target length of a true pair is normally distributed around the source length times a ratio, with a variance
 * proportional to the source length. {@link ArticleAligner} scores its beads with it; the TEI encoder uses it for
 * the cert of the one link it makes when the aligner pairs nothing. Immutable and thread-safe.
 */
public final class LengthModel {
    private final double ratio;
    private final double variance;

    /**
     * @param ratio    expected target characters per source character
     * @param variance variance of the target length per source character
     */
    public LengthModel(double ratio, double variance) {
        this.ratio = ratio;
        this.variance = variance;
    }

    /**
     * Chinese (source) to English (target): English runs about 4.0 characters per Chinese character (white space not
     * counted on the Chinese side) in the gold alignments' one-to-one links.
     */
    public static LengthModel chineseEnglish() {
        return new LengthModel(4.0, 31.0);
    }

    /** Probability that lengths this far apart occur in a true translation pair: 2 (1 − Φ(|δ|)). */
    public double match(int ls, int lt) {
        double mean = (ls + lt / ratio) / 2.0;
        if (mean <= 0) {
            return 1.0;
        }
        double delta = (lt - ls * ratio) / Math.sqrt(mean * variance);
        return 2 * (1 - phi(Math.abs(delta)));
    }

    /** The least probability {@link #negLogMatch} takes: lengths further apart all cost the same. */
    static final double FLOOR = 1e-12;
    private static final double NEG_LOG_FLOOR = -Math.log(FLOOR);
    /**
     * |δ| beyond which {@link #match} is below {@link #FLOOR} (it falls below it at about 7.1): the aligner's beads
     * of lengths this far apart need neither the square root, the exponential nor the logarithm.
     */
    private static final double FLOOR_DELTA = 8;

    /**
     * {@code -log(max(match(ls, lt), FLOOR))}, the aligner's length cost, to the last bit; most of the aligner's beads
     * pair lengths far apart, and for them it is a constant, found without a square root.
     */
    double negLogMatch(int ls, int lt) {
        double mean = (ls + lt / ratio) / 2.0;
        double d = lt - ls * ratio;
        if (mean > 0 && d * d > FLOOR_DELTA * FLOOR_DELTA * (mean * variance)) {
            return NEG_LOG_FLOOR;
        }
        return -Math.log(Math.max(match(ls, lt), FLOOR));
    }

    /** Standard normal cumulative distribution (Abramowitz &amp; Stegun 26.2.17). */
    static double phi(double z) {
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double pdf = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return 1 - pdf * poly;
    }
}
