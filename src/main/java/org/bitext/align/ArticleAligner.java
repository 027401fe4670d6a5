package org.bitext.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence alignment of a whole article: every Chinese sentence against every English one, in one monotone dynamic
 * programme (after Gale &amp; Church 1993) whose beads join up to five Chinese sentences to one English sentence, or
 * one Chinese sentence to up to eight English ones (and 2–2, 2–3, 3–2). A bead's cost adds, in nats:
 * <ul>
 * <li>its type: a sentence with no counterpart ({@code nullCost}, lower for headings and bylines and for bracketed
 *     credits), each sentence beyond one per side ({@code merge});</li>
 * <li>its lengths: the negative log of the Gale &amp; Church probability of lengths this far apart, with the ratio
 *     of the article's two sides and the given variance;</li>
 * <li>the units: each unit boundary inside the bead ({@code inside}), a bead that starts a unit on one side only
 *     ({@code edge}), a heading or byline paired with body text ({@code kind});</li>
 * <li>the text: a reward for each {@link Anchors anchor} found on both sides, a cost for each found on one side.</li>
 * </ul>
 * The best path is found by Viterbi and each bead's {@link Bead#cert() cert} is its posterior probability
 * (forward–backward over every path). The search keeps to a band around the diagonal, so time and memory grow
 * with the number of sentences, not with its square. Thread-safe.
 */
public final class ArticleAligner {
    private static final int[][] MOVES = {
        {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}, {4, 1}, {1, 4}, {5, 1}, {1, 5},
        {1, 6}, {1, 7}, {1, 8}, {2, 3}, {3, 2}};
    /** Sentences the search may stray from the diagonal, beyond what the counts' ratio needs. */
    static final int BAND = 24;
    /** Bead costs kept between the forward and backward passes, at most (4 bytes each). */
    private static final int CACHED_COSTS = 4_000_000;
    /** English characters per Chinese character in a typical article (the gold's 1–1 links: 4.0). */
    static final double EXPECTED_RATIO = 4.0;
    /** The range of an article's own ratio that is taken as it is (the gold articles' ratios lie inside it). */
    static final double MIN_RATIO = 2.0;
    static final double MAX_RATIO = 8.0;

    private final AlignParams params;

    public ArticleAligner(AlignParams params) {
        this.params = params;
    }

    public AlignParams params() {
        return params;
    }

    /**
     * Aligns the sentences of the two sides, with the anchors of the given glossary (term → gloss pairs). A dateline
     * the translation moved from the last line to the first (or the reverse) is found by its text and linked across
     * the others ({@link #moved}); everything else is aligned in order.
     */
    public List<Bead> align(List<Seg> zh, List<Seg> en, List<Map.Entry<String, String>> glossary) {
        Anchors anchors = new Anchors(params.features(), glossary, zh.stream().map(Seg::text).toList());
        List<List<String>> za = zh.stream().map(s -> anchors.chinese(s.text())).toList();
        List<List<String>> ea = en.stream().map(s -> anchors.english(s.text())).toList();
        int n = zh.size();
        int m = en.size();
        int[] moved = moved(zh, en);
        if (moved == null) {
            return align(zh, en, za, ea);
        }
        int zi = moved[0];
        int ej = moved[1];
        boolean whole = moved[2] == 1; // the English dateline is a sentence of its own
        int zFrom = zi == 0 ? 1 : 0;
        int zTo = zi == 0 ? n : n - 1;
        int eFrom = whole && ej == 0 ? 1 : 0;
        int eTo = whole && ej == m - 1 ? m - 1 : m;
        List<Bead> inner = align(zh.subList(zFrom, zTo), en.subList(eFrom, eTo), za.subList(zFrom, zTo),
                ea.subList(eFrom, eTo));
        List<Bead> out = new ArrayList<>();
        for (Bead b : inner) {
            List<Integer> src = new ArrayList<>(b.source().stream().map(i -> i + zFrom).toList());
            List<Integer> tgt = b.target().stream().map(j -> j + eFrom).toList();
            double cert = b.cert();
            if (!whole && tgt.contains(ej)) {
                src.add(zi); // the dateline joins the link of the English sentence that opens (or closes) with it
                Collections.sort(src);
                cert = Math.min(cert, MOVED_CERT);
            }
            out.add(new Bead(src, tgt, cert));
        }
        if (whole) {
            Bead d = new Bead(List.of(zi), List.of(ej), MOVED_CERT);
            if (zi == 0) {
                out.add(0, d);
            } else {
                out.add(d);
            }
        }
        return out;
    }

    /** The cert of a link made for a moved dateline: found by its text, not by the lengths' model. */
    static final double MOVED_CERT = 0.9;

    private static final java.util.regex.Pattern ZH_DATELINE = java.util.regex.Pattern.compile(
            "^[【\\[（(][^】\\]）()]{1,40}[】\\]）)][。.]?$");
    private static final java.util.regex.Pattern EN_DATELINE_START = java.util.regex.Pattern.compile(
            "^(\\[[^\\]]{1,80}\\]|\\([^)]{1,80}\\)|Xinhua News Agency,[^.]{0,60}?(?=[.—-]))");
    private static final java.util.regex.Pattern EN_DATELINE_END = java.util.regex.Pattern.compile(
            "(\\[[^\\]]{1,80}\\]|\\([^)]{1,80}\\))[.]?$");

    /**
     * A dateline the translator moved: the Chinese side's last sentence is a bracketed dateline only
     * ({@code 【新华社北京一日电】}) and the English side opens with one of the same news agency, which the Chinese
     * does not open with (or the reverse: first and last swapped). Returns {Chinese index, English index, 1 when the
     * English dateline is a sentence of its own}, or null.
     */
    static int[] moved(List<Seg> zh, List<Seg> en) {
        int n = zh.size();
        int m = en.size();
        if (n < 2 || m < 2) {
            return null;
        }
        for (int end = 0; end < 2; end++) {
            int zi = end == 0 ? n - 1 : 0;        // where the Chinese dateline is
            int zOther = end == 0 ? 0 : n - 1;    // where the English puts it
            int ej = end == 0 ? 0 : m - 1;
            int eOther = end == 0 ? m - 1 : 0;
            String zt = zh.get(zi).text().strip();
            String agency = zhAgency(zt);
            if (agency == null || !ZH_DATELINE.matcher(zt).matches()) {
                continue;
            }
            String et = en.get(ej).text().strip();
            java.util.regex.Matcher d = (end == 0 ? EN_DATELINE_START : EN_DATELINE_END).matcher(et);
            if (!d.find() || !agency.equals(enAgency(d.group()))) {
                continue;
            }
            // not moved when each side has it at the same end too
            if (agency.equals(zhAgency(head(zh.get(zOther).text(), end == 0)))
                    || agency.equals(enAgency(head(en.get(eOther).text(), end != 0)))) {
                continue;
            }
            return new int[] {zi, ej, d.group().length() >= et.length() - 1 ? 1 : 0};
        }
        return null;
    }

    /** The first (or last) 40 characters of a text: where a dateline would be. */
    private static String head(String t, boolean first) {
        String s = t.strip();
        return first ? s.substring(0, Math.min(40, s.length())) : s.substring(Math.max(0, s.length() - 40));
    }

    private static String zhAgency(String t) {
        return t.contains("新华社") ? "xinhua" : t.contains("本报") ? "own" : t.contains("塔斯社") ? "tass" : null;
    }

    private static String enAgency(String t) {
        return t.contains("Xinhua") || t.contains("New China News Agency") ? "xinhua"
                : t.matches("(?s).*(Our Own Correspondent|This Paper|Our Paper|Our Correspondent|Staff).*") ? "own"
                : t.contains("Tass") || t.contains("TASS") ? "tass" : null;
    }

    /**
     * Aligns the sentences of the two sides.
     *
     * @param zh        the Chinese sentences in document order
     * @param en        the English sentences in document order
     * @param zhAnchors anchor keys of each Chinese sentence
     * @param enAnchors anchor keys of each English sentence
     * @return the beads in order, each with its posterior probability as cert
     */
    public List<Bead> align(List<Seg> zh, List<Seg> en, List<List<String>> zhAnchors, List<List<String>> enAnchors) {
        int n = zh.size();
        int m = en.size();
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
        Scorer sc = new Scorer(zh, en, zhAnchors, enAnchors);
        int w = BAND + (int) Math.ceil(Math.max(n, m) / (double) Math.min(n, m));
        int[] lo = new int[n + 1];
        int[] start = new int[n + 2];
        for (int i = 0; i <= n; i++) {
            int centre = (int) Math.round((double) i * m / n);
            lo[i] = Math.max(0, centre - w);
            int hi = Math.min(m, centre + w);
            start[i + 1] = start[i] + (hi - lo[i] + 1);
        }
        int cells = start[n + 1];
        double[] best = new double[cells];
        byte[] back = new byte[cells];
        double[] forward = new double[cells];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(forward, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        forward[0] = 0;
        double[] terms = new double[MOVES.length];
        // the bead costs, kept for the backward pass when the band is small (as it is for any real article)
        float[] cache = (long) cells * MOVES.length <= CACHED_COSTS ? new float[cells * MOVES.length] : null;
        for (int i = 0; i <= n; i++) {
            for (int j = lo[i]; j < lo[i] + start[i + 1] - start[i]; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                int here = start[i] + j - lo[i];
                int k = 0;
                for (int mv = 0; mv < MOVES.length; mv++) {
                    int pi = i - MOVES[mv][0];
                    int pj = j - MOVES[mv][1];
                    if (pi < 0 || pj < 0 || pj < lo[pi] || pj > lo[pi] + start[pi + 1] - start[pi] - 1) {
                        continue;
                    }
                    int from = start[pi] + pj - lo[pi];
                    if (Double.isInfinite(best[from])) {
                        continue;
                    }
                    double cost = sc.cost(pi, pj, i, j);
                    if (cache != null) {
                        cache[here * MOVES.length + mv] = (float) cost;
                    }
                    if (best[from] + cost < best[here]) {
                        best[here] = best[from] + cost;
                        back[here] = (byte) mv;
                    }
                    terms[k++] = forward[from] - cost;
                }
                forward[here] = logSumExp(terms, k);
            }
        }
        double[] backward = new double[cells];
        Arrays.fill(backward, Double.NEGATIVE_INFINITY);
        backward[cells - 1] = 0;
        for (int i = n; i >= 0; i--) {
            for (int j = lo[i] + start[i + 1] - start[i] - 1; j >= lo[i]; j--) {
                int here = start[i] + j - lo[i];
                if (here == cells - 1) {
                    continue;
                }
                int k = 0;
                for (int mv = 0; mv < MOVES.length; mv++) {
                    int ni = i + MOVES[mv][0];
                    int nj = j + MOVES[mv][1];
                    if (ni > n || nj < lo[ni] || nj > lo[ni] + start[ni + 1] - start[ni] - 1) {
                        continue;
                    }
                    int to = start[ni] + nj - lo[ni];
                    if (backward[to] == Double.NEGATIVE_INFINITY || forward[here] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    terms[k++] = backward[to] - (cache != null ? cache[to * MOVES.length + mv] : sc.cost(i, j, ni, nj));
                }
                backward[here] = logSumExp(terms, k);
            }
        }
        double total = forward[cells - 1];
        List<Bead> beads = new ArrayList<>();
        int i = n;
        int j = m;
        while (i > 0 || j > 0) {
            int here = start[i] + j - lo[i];
            int mv = back[here];
            int pi = i - MOVES[mv][0];
            int pj = j - MOVES[mv][1];
            int from = start[pi] + pj - lo[pi];
            double posterior = Math.exp(forward[from] - sc.cost(pi, pj, i, j) + backward[here] - total);
            beads.add(new Bead(range(pi, i), range(pj, j), Math.min(1.0, Math.round(posterior * 100) / 100.0)));
            i = pi;
            j = pj;
        }
        Collections.reverse(beads);
        return beads;
    }

    /** Bead costs over one article's sentences. */
    private final class Scorer {
        final long[] zhLen;
        final long[] enLen;
        final boolean[] zhStart;
        final boolean[] enStart;
        final boolean[] zhHead;
        final boolean[] enHead;
        final double[] zhNull;
        final double[] enNull;
        final int[][] zhA; // anchor keys as small integers, per sentence
        final int[][] enA;
        final int[] counts; // scratch: how many of each key the Chinese side of the bead has
        final LengthModel lengths;

        Scorer(List<Seg> zh, List<Seg> en, List<List<String>> zhAnchors, List<List<String>> enAnchors) {
            zhLen = prefix(zh);
            enLen = prefix(en);
            zhStart = new boolean[zh.size()];
            zhHead = new boolean[zh.size()];
            zhNull = new double[zh.size()];
            for (int k = 0; k < zh.size(); k++) {
                zhStart[k] = zh.get(k).unitStart();
                zhHead[k] = heading(zh.get(k));
                zhNull[k] = nullCost(zh.get(k));
            }
            enStart = new boolean[en.size()];
            enHead = new boolean[en.size()];
            enNull = new double[en.size()];
            for (int k = 0; k < en.size(); k++) {
                enStart[k] = en.get(k).unitStart();
                enHead[k] = heading(en.get(k));
                enNull[k] = nullCost(en.get(k));
            }
            Map<String, Integer> ids = new HashMap<>();
            zhA = keys(zhAnchors, ids);
            enA = keys(enAnchors, ids);
            counts = new int[ids.size()];
            // the article's own ratio, within the range real translations keep to: a poem translated at many
            // times its length must not make wildly different lengths look alike
            double r = zhLen[zh.size()] > 0 && enLen[en.size()] > 0
                    ? (double) enLen[en.size()] / zhLen[zh.size()] : EXPECTED_RATIO;
            lengths = new LengthModel(Math.max(MIN_RATIO, Math.min(MAX_RATIO, r)), params.variance());
        }

        private double nullCost(Seg s) {
            return s.credit() ? params.nullCredit() : heading(s) ? params.nullHead() : params.nullCost();
        }

        private static long[] prefix(List<Seg> segs) {
            long[] p = new long[segs.size() + 1];
            for (int k = 0; k < segs.size(); k++) {
                p[k + 1] = p[k] + segs.get(k).length();
            }
            return p;
        }

        private static int[][] keys(List<List<String>> anchors, Map<String, Integer> ids) {
            int[][] out = new int[anchors.size()][];
            for (int k = 0; k < anchors.size(); k++) {
                List<String> a = anchors.get(k);
                out[k] = new int[a.size()];
                for (int x = 0; x < a.size(); x++) {
                    out[k][x] = ids.computeIfAbsent(a.get(x), key -> ids.size());
                }
            }
            return out;
        }

        double cost(int pi, int pj, int i, int j) {
            int a = i - pi;
            int b = j - pj;
            AlignParams p = params;
            double c = 0;
            if (a == 0) {
                c += enNull[pj];
            } else if (b == 0) {
                c += zhNull[pi];
            } else {
                c += p.merge() * (a + b - 2);
                c += lengths.negLogMatch((int) (zhLen[i] - zhLen[pi]), (int) (enLen[j] - enLen[pj]));
                for (int k = pi + 1; k < i; k++) {
                    if (zhStart[k]) {
                        c += p.inside();
                    }
                }
                for (int k = pj + 1; k < j; k++) {
                    if (enStart[k]) {
                        c += p.inside();
                    }
                }
                if (zhStart[pi] != enStart[pj]) {
                    c += p.edge();
                }
                if (zhHead[pi] != enHead[pj]) {
                    c += p.kind();
                }
            }
            return c + anchors(pi, i, pj, j);
        }

        private double anchors(int pi, int i, int pj, int j) {
            int zhTotal = 0;
            for (int k = pi; k < i; k++) {
                for (int key : zhA[k]) {
                    counts[key]++;
                    zhTotal++;
                }
            }
            int enTotal = 0;
            int matched = 0;
            for (int k = pj; k < j; k++) {
                for (int key : enA[k]) {
                    enTotal++;
                    if (counts[key] > 0) {
                        counts[key]--;
                        matched++;
                    }
                }
            }
            if (zhTotal > 0) {
                for (int k = pi; k < i; k++) {
                    for (int key : zhA[k]) {
                        counts[key] = 0;
                    }
                }
            }
            if (zhTotal + enTotal == 0) {
                return 0;
            }
            return -params.anchor() * matched + params.miss() * (zhTotal + enTotal - 2 * matched);
        }
    }

    private static boolean heading(Seg s) {
        return s.kind() == 'h' || s.kind() == 'b';
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

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            r.add(k);
        }
        return r;
    }
}
