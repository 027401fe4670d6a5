package org.bitext.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Length-based alignment after Gale &amp; Church (1993), "A Program for Aligning Sentences in Bilingual Corpora":
 * dynamic programming over beads 1–1, 1–0, 0–1, 2–1, 1–2 and 2–2 (and, rarer still, 3–1 and 1–3: a long Chinese
 * sentence a translator cut in three), each scored by the prior probability of its type and by how far the target
 * length departs from the length the source predicts. Immutable and thread-safe.
 */
public final class LengthAligner {
    /** Prior probabilities of bead types, from Gale &amp; Church's Table 5. */
    private static final double P_11 = 0.89;
    private static final double P_10 = 0.0099 / 2;
    private static final double P_21 = 0.089 / 2;
    private static final double P_22 = 0.011;
    /** 3–1 and 1–3 are not in Gale &amp; Church's table; a quarter of their 2–2, they win only on clear lengths. */
    private static final double P_31 = 0.0025;

    /** Units the search may stray from the diagonal, beyond what the counts' ratio needs. */
    static final int BAND = 30;

    private final double ratio;
    private final double variance;

    /**
     * @param ratio    expected target characters per source character
     * @param variance variance of the target length per source character
     */
    public LengthAligner(double ratio, double variance) {
        this.ratio = ratio;
        this.variance = variance;
    }

    /**
     * Chinese (source) to English (target) with the parameters estimated from the bundled corpus: English runs
     * about 4.0 characters per Chinese character (white space not counted on the Chinese side), with a variance
     * of 31 per character (95 position-paired units of the 12 bundled articles) (see the README's alignment section for how they were measured).
     */
    public static LengthAligner chineseEnglish() {
        return new LengthAligner(4.0, 31.0);
    }

    /**
     * Chinese (source) to English (target) sentences inside aligned paragraphs, with the parameters of the 154
     * one-to-one links of the gold sentence alignments in {@code corpus/gold/} ({@code bitext align-eval} prints
     * them): 3.9 English characters per Chinese character, variance 24.4 per character. The encoder replaces the
     * ratio by that of each paragraph link (see {@link #withRatio}).
     */
    public static LengthAligner chineseEnglishSentences() {
        return new LengthAligner(3.9, 24.4);
    }

    /**
     * Pairs units by position when both sides have as many, otherwise aligns them by length.
     *
     * @param source lengths of the source units
     * @param target lengths of the target units
     */
    public List<Bead> align(int[] source, int[] target) {
        if (source.length == target.length) {
            List<Bead> out = new ArrayList<>(source.length);
            for (int i = 0; i < source.length; i++) {
                out.add(new Bead(List.of(i), List.of(i), Double.NaN));
            }
            return out;
        }
        return byLength(source, target);
    }

    /**
     * Always aligns by length, even when the counts are equal: the most probable alignment (Viterbi), each bead with
     * its posterior probability given the lengths (forward–backward over every alignment the search considers) as
     * its {@link Bead#cert() cert}. The search keeps to a band around the diagonal (wide enough for the counts'
     * ratio plus {@value #BAND} units either way), so time and memory grow with the number of units, not with its
     * square: an article of a million lines aligns in bounded memory.
     */
    public List<Bead> byLength(int[] source, int[] target) {
        int n = source.length;
        int m = target.length;
        if (n == 0 || m == 0) {
            List<Bead> beads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                beads.add(new Bead(List.of(i), List.of(), 1.0));
            }
            for (int j = 0; j < m; j++) {
                beads.add(new Bead(List.of(), List.of(j), 1.0));
            }
            return beads;
        }
        Band band = new Band(source, target);
        int cells = band.start[n + 1];
        float[] best = new float[cells];
        byte[] back = new byte[cells]; // encoded as di * 4 + dj
        double[] forward = new double[cells];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
        Arrays.fill(forward, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        forward[0] = 0;
        double[] terms = new double[MOVES.length];
        for (int i = 0; i <= n; i++) {
            for (int j = band.lo[i]; j <= band.hi(i); j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                int here = band.cell(i, j);
                int k = 0;
                for (int[] mv : MOVES) {
                    int pi = i - mv[0];
                    int pj = j - mv[1];
                    if (!band.inside(pi, pj)) {
                        continue;
                    }
                    int from = band.cell(pi, pj);
                    if (Float.isInfinite(best[from])) {
                        continue;
                    }
                    double cost = band.cost(this, pi, pj, i, j);
                    float c = best[from] + (float) cost;
                    if (c < best[here]) {
                        best[here] = c;
                        back[here] = (byte) (mv[0] * 4 + mv[1]);
                    }
                    terms[k++] = forward[from] - cost;
                }
                forward[here] = logSumExp(terms, k);
            }
        }
        double[] backward = new double[cells];
        Arrays.fill(backward, Double.NEGATIVE_INFINITY);
        backward[band.cell(n, m)] = 0;
        for (int i = n; i >= 0; i--) {
            for (int j = band.hi(i); j >= band.lo[i]; j--) {
                if (i == n && j == m) {
                    continue;
                }
                int k = 0;
                for (int[] mv : MOVES) {
                    int ni = i + mv[0];
                    int nj = j + mv[1];
                    if (!band.inside(ni, nj)) {
                        continue;
                    }
                    double after = backward[band.cell(ni, nj)];
                    if (after == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    terms[k++] = after - band.cost(this, i, j, ni, nj);
                }
                backward[band.cell(i, j)] = logSumExp(terms, k);
            }
        }
        double total = forward[band.cell(n, m)];
        List<Bead> beads = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int code = back[band.cell(i, j)];
            int di = code / 4;
            int dj = code % 4;
            double posterior = Math.exp(forward[band.cell(i - di, j - dj)] - band.cost(this, i - di, j - dj, i, j)
                    + backward[band.cell(i, j)] - total);
            beads.add(new Bead(range(i - di, i), range(j - dj, j), Math.min(1.0, Math.round(posterior * 100) / 100.0)));
            i -= di;
            j -= dj;
        }
        Collections.reverse(beads);
        return beads;
    }

    /** This aligner with another ratio (and the same variance per character). */
    public LengthAligner withRatio(double newRatio) {
        return new LengthAligner(newRatio, variance);
    }

    /** Expected target characters per source character. */
    public double ratio() {
        return ratio;
    }

    /** Variance of the target length per source character. */
    public double variance() {
        return variance;
    }

    private static final int[][] MOVES = {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}};

    /** The cells of the search: for each source position i, target positions lo[i]..hi(i), stored row after row. */
    private static final class Band {
        final int n;
        final int[] lo;
        final int[] start;
        final long[] prefixS;
        final long[] prefixT;

        Band(int[] source, int[] target) {
            n = source.length;
            int m = target.length;
            prefixS = prefix(source);
            prefixT = prefix(target);
            int w = BAND + (int) Math.ceil(Math.max(n, m) / (double) Math.min(n, m));
            lo = new int[n + 1];
            start = new int[n + 2];
            for (int i = 0; i <= n; i++) {
                int centre = (int) Math.round((double) i * m / n);
                lo[i] = Math.max(0, centre - w);
                int hi = Math.min(m, centre + w);
                start[i + 1] = start[i] + (hi - lo[i] + 1);
            }
        }

        int hi(int i) {
            return lo[i] + (start[i + 1] - start[i]) - 1;
        }

        boolean inside(int i, int j) {
            return i >= 0 && i <= n && j >= lo[i] && j <= hi(i);
        }

        int cell(int i, int j) {
            return start[i] + j - lo[i];
        }

        double cost(LengthAligner a, int pi, int pj, int i, int j) {
            return a.beadCost(i - pi, j - pj, (int) (prefixS[i] - prefixS[pi]), (int) (prefixT[j] - prefixT[pj]));
        }
    }

    private static double logSumExp(double[] terms, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < k; t++) {
            max = Math.max(max, terms[t]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int t = 0; t < k; t++) {
            sum += Math.exp(terms[t] - max);
        }
        return max + Math.log(sum);
    }

    private static long[] prefix(int[] lengths) {
        long[] p = new long[lengths.length + 1];
        for (int k = 0; k < lengths.length; k++) {
            p[k + 1] = p[k] + lengths[k];
        }
        return p;
    }

    private double beadCost(int di, int dj, int ls, int lt) {
        double prior;
        if (di == 1 && dj == 1) {
            prior = P_11;
        } else if (di == 0 || dj == 0) {
            prior = P_10;
        } else if (di == 2 && dj == 2) {
            prior = P_22;
        } else if (di == 3 || dj == 3) {
            prior = P_31;
        } else {
            prior = P_21;
        }
        double p = (di == 0 || dj == 0) ? 1.0 : match(ls, lt);
        return -Math.log(prior) - Math.log(Math.max(p, 1e-12));
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

    /** Standard normal cumulative distribution (Abramowitz &amp; Stegun 26.2.17). */
    static double phi(double z) {
        double t = 1 / (1 + 0.2316419 * z);
        double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        double pdf = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        return 1 - pdf * poly;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            r.add(k);
        }
        return r;
    }
}
