package org.bitext.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical evidence that a Chinese and an English sentence translate each other, independent of their lengths: each
 * sentence gets a list of anchor keys, and a key found on both sides of a bead supports it. Keys are compared by
 * equality, so everything is normalised here: numbers of both scripts to their value ({@code １９７８}, {@code 一九七八}
 * and {@code 1978}; {@code ３００多万} and {@code 3 million}), the names of the article's own glossary (the term on
 * the Chinese side, the gloss without tone marks on the English side), Latin words the Chinese text holds, list
 * numerals ({@code 一、}, {@code （二）} and {@code 1.}, {@code (2)}), question and exclamation marks.
 */
public final class Anchors {
    /** The kinds of anchor, each of which can be switched off (for the ablation table). */
    public enum Kind { NUMBER, GLOSSARY, LATIN, LIST, PUNCTUATION }

    private static final Pattern ZH_ARABIC = Pattern.compile("(\\d+(?:\\.\\d+)?)(多)?([万亿])?");
    private static final Pattern ZH_NUMERAL = Pattern.compile("[〇○零一二三四五六七八九十百千万亿两]+");
    private static final Pattern ZH_LIST = Pattern.compile("(?:^|[；;：:。\\s　])([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[）)]");
    private static final Pattern EN_LIST = Pattern.compile("\\((\\d{1,2})\\)|(?:^\\s*|[;:]\\s*)(\\d{1,2})[.)](?=\\s)");
    private static final Pattern EN_NUMBER = Pattern.compile(
            "(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:st|nd|rd|th)?(\\s+(?:million|billion|thousand))?");
    private static final Pattern EN_WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");
    private static final Map<String, Integer> EN_NUMBER_WORDS = Map.ofEntries(
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100), Map.entry("thousand", 1000),
            Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12));

    private final Set<Kind> kinds;
    private final List<String[]> glossary; // [term, normalised gloss variant, ...]
    private final Set<String> zhLatin = new HashSet<>();

    /**
     * @param kinds    the anchor kinds to find
     * @param glossary the article's glossary as term → gloss pairs (either may be empty)
     * @param zhTexts  every Chinese sentence of the article (the Latin words found there are looked for in the English)
     */
    public Anchors(Set<Kind> kinds, List<Map.Entry<String, String>> glossary, List<String> zhTexts) {
        this.kinds = kinds;
        this.glossary = new ArrayList<>();
        for (Map.Entry<String, String> e : glossary) {
            String term = e.getKey().strip();
            if (term.isEmpty() || e.getValue().isBlank()) {
                continue;
            }
            List<String> variants = new ArrayList<>();
            variants.add(term);
            String gloss = e.getValue();
            String outside = letters(gloss.replaceAll("[（(][^）)]*[）)]", ""));
            if (outside.length() >= 3) {
                variants.add(outside);
            }
            Matcher inside = Pattern.compile("[（(]([^）)]*)[）)]").matcher(gloss);
            while (inside.find()) {
                String v = letters(inside.group(1));
                if (v.length() >= 3) {
                    variants.add(v);
                }
            }
            if (variants.size() > 1) {
                this.glossary.add(variants.toArray(String[]::new));
            }
        }
        for (String t : zhTexts) {
            Matcher m = LATIN.matcher(fold(t));
            while (m.find()) {
                zhLatin.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The anchor keys of a Chinese sentence. */
    public List<String> chinese(String text) {
        String t = fold(text);
        List<String> out = new ArrayList<>();
        if (kinds.contains(Kind.LIST)) {
            Matcher m = ZH_LIST.matcher(t);
            while (m.find()) {
                out.add("I:" + zhValue(m.group(1) != null ? m.group(1) : m.group(2)));
            }
        }
        if (kinds.contains(Kind.NUMBER)) {
            Matcher m = ZH_ARABIC.matcher(t);
            while (m.find()) {
                double v = Double.parseDouble(m.group(1));
                if (m.group(3) != null) {
                    v *= m.group(3).equals("万") ? 1e4 : 1e8;
                }
                number(out, v);
            }
            Matcher n = ZH_NUMERAL.matcher(t);
            while (n.find()) {
                String run = n.group();
                int before = n.start() - 1;
                boolean listNumeral = n.end() < t.length() && t.charAt(n.end()) == '、'
                        || before >= 0 && (t.charAt(before) == '（' || t.charAt(before) == '(');
                if (!listNumeral) {
                    long v = zhValue(run);
                    if (v >= 0) {
                        number(out, v);
                    }
                }
            }
        }
        if (kinds.contains(Kind.GLOSSARY)) {
            for (int k = 0; k < glossary.size(); k++) {
                if (text.contains(glossary.get(k)[0])) {
                    out.add("G:" + k);
                }
            }
        }
        if (kinds.contains(Kind.LATIN)) {
            Matcher m = LATIN.matcher(t);
            while (m.find()) {
                out.add("L:" + m.group().toLowerCase(Locale.ROOT));
            }
        }
        if (kinds.contains(Kind.PUNCTUATION)) {
            punctuation(out, t);
        }
        return out;
    }

    /** The anchor keys of an English sentence. */
    public List<String> english(String text) {
        List<String> out = new ArrayList<>();
        String t = text;
        if (kinds.contains(Kind.LIST)) {
            Matcher m = EN_LIST.matcher(t);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                out.add("I:" + Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
                m.appendReplacement(rest, " ");
            }
            m.appendTail(rest);
            t = rest.toString();
        }
        if (kinds.contains(Kind.NUMBER)) {
            Matcher m = EN_NUMBER.matcher(t);
            while (m.find()) {
                double v = Double.parseDouble(m.group(1).replace(",", ""));
                if (m.group(2) != null) {
                    String mult = m.group(2).strip();
                    v *= mult.equals("million") ? 1e6 : mult.equals("billion") ? 1e9 : 1e3;
                }
                number(out, v);
            }
            Matcher w = EN_WORD.matcher(t);
            while (w.find()) {
                Integer v = EN_NUMBER_WORDS.get(w.group().toLowerCase(Locale.ROOT));
                if (v != null) {
                    number(out, v);
                }
            }
        }
        if (kinds.contains(Kind.GLOSSARY) && !glossary.isEmpty()) {
            String l = letters(text);
            for (int k = 0; k < glossary.size(); k++) {
                String[] g = glossary.get(k);
                for (int v = 1; v < g.length; v++) {
                    if (l.contains(g[v])) {
                        out.add("G:" + k);
                        break;
                    }
                }
            }
        }
        if (kinds.contains(Kind.LATIN) && !zhLatin.isEmpty()) {
            Matcher m = LATIN.matcher(text);
            while (m.find()) {
                String w = m.group().toLowerCase(Locale.ROOT);
                if (zhLatin.contains(w)) {
                    out.add("L:" + w);
                }
            }
        }
        if (kinds.contains(Kind.PUNCTUATION)) {
            punctuation(out, text);
        }
        return out;
    }

    private static void number(List<String> out, double v) {
        if (v >= 10) {
            out.add("N:" + (v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v)));
        }
    }

    private static void punctuation(List<String> out, String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '?' || c == '!') {
                out.add("P:" + c);
            }
        }
    }

    /** Full-width digits, letters and punctuation to their ASCII forms. */
    static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= '\uFF01' && c <= '\uFF5E' && c != '（' && c != '）' ? (char) (c - 0xFEE0) : c);
        }
        return b.toString();
    }

    /** Lower-case letters only, tone marks and other diacritics removed. */
    static String letters(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '○', '零' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /**
     * The value of a run of Chinese numerals: digit by digit when it has no unit character ({@code 一九七八} 1978,
     * {@code 三一○○} 3100), else by units ({@code 三千四百} 3400, {@code 七十万} 700000); -1 when unreadable.
     */
    static long zhValue(String run) {
        boolean units = run.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
        if (!units) {
            if (run.length() < 2) {
                int d = digit(run.charAt(0));
                return d;
            }
            long v = 0;
            for (int i = 0; i < run.length(); i++) {
                int d = digit(run.charAt(i));
                if (d < 0) {
                    return -1;
                }
                v = v * 10 + d;
            }
            return v;
        }
        long total = 0;
        long section = 0;
        long digit = -1;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            int d = digit(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                case '万' -> 10_000;
                case '亿' -> 100_000_000;
                default -> 0;
            };
            if (unit >= 10_000) {
                section = (section + Math.max(digit, 0)) * unit;
                total += section;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return total + section + Math.max(digit, 0);
    }
}
