package org.bitext.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the text of one alignment unit (a title, byline, paragraph or list item) into sentences. Splitting never
 * changes the text: a sentence is a range of it, and the XML white space (space, tab, line end) between two sentences
 * belongs to neither; other spaces (U+3000, no-break space) stay with the sentence before them.
 * Stateless and thread-safe.
 *
 * <p>English: a sentence ends at {@code .}, {@code !}, {@code ?} or {@code …} (repeated or mixed, e.g. {@code ?!},
 * {@code ...}), then any closing quotes and brackets, when white space and a sentence start follow (a capital letter,
 * a digit, an opening quote or bracket, or a Chinese character). A full stop does not end a sentence after a known
 * abbreviation ({@code Mr.}, {@code Gen.}, {@code Jan.}, …), after {@code No.}, {@code Art.} or {@code p.} before a
 * number, after a single capital (an initial, {@code J. Smith}), or inside a dotted abbreviation ({@code U.S.},
 * {@code e.g.}). Decimals ({@code 3.5}) and percentages never split: no white space follows their point.
 *
 * <p>Chinese: a sentence ends at {@code 。！？；…} (and their half-width forms {@code !?;}), repeated or not, then
 * any closing quotes and brackets ({@code 」』”’）》〉}), when more text follows — but not inside parentheses
 * ({@code （定人、定车；现场接班）} is one aside), and not before a dash (an attribution, {@code 。——高尔基}).
 */
public final class SentenceSplitter {
    /** A sentence: the characters {@code [start, end)} of the unit's text. */
    public record Sentence(int start, int end) {
    }

    /** Abbreviations after which a full stop never ends a sentence (case as written). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Maj", "Capt",
            "Cpt", "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Mt", "Ft",
            "Bros", "vs", "cf", "approx", "ca", "viz", "al", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
            "Sept", "Oct", "Nov", "Dec", "Vol", "Vols", "Fig", "Figs", "Ch", "Chap", "pp", "ed", "eds", "esp");
    /** Abbreviations that end no sentence only when a number follows ({@code No. 3}, {@code Art. 5}, {@code p. 2}). */
    private static final Set<String> BEFORE_NUMBER = Set.of("No", "Nos", "no", "Art", "Arts", "p", "Sec", "Para");

    private SentenceSplitter() {
    }

    /** The sentences of an English unit, in order. Text of white space only has none. */
    public static List<Sentence> english(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = skipXmlSpace(text, 0);
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (!isEnglishTerminator(c)) {
                i++;
                continue;
            }
            int end = pastTerminators(text, i, true);
            int next = skipSpace(text, end);
            if (next == end || next >= n) { // no white space after it, or nothing after it
                i = end;
                continue;
            }
            if (startsSentence(text, next) && !abbreviation(text, i, end, next)) {
                out.add(new Sentence(start, keepOddSpaces(text, end, next)));
                start = next;
            }
            i = next;
        }
        int last = trimEnd(text, n);
        if (last > start) {
            out.add(new Sentence(start, last));
        }
        return out;
    }

    /** The sentences of a Chinese unit, in order. Text of white space only has none. */
    public static List<Sentence> chinese(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int start = skipXmlSpace(text, 0);
        int i = start;
        int brackets = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                brackets++;
            } else if ((c == '）' || c == ')') && brackets > 0) {
                brackets--;
            }
            if (!isChineseTerminator(c) || brackets > 0) {
                i++;
                continue;
            }
            int end = pastTerminators(text, i, false);
            int next = skipSpace(text, end);
            if (next < n && !isDash(text.charAt(next))) {
                out.add(new Sentence(start, keepOddSpaces(text, end, next)));
                start = next;
            }
            i = next;
        }
        int last = trimEnd(text, n);
        if (last > start) {
            out.add(new Sentence(start, last));
        }
        return out;
    }

    /** Where a sentence that ends at {@code i} stops: past its run of terminators, then its closing quotes and brackets. */
    private static int pastTerminators(String text, int i, boolean english) {
        int end = i;
        while (end < text.length()
                && (english ? isEnglishTerminator(text.charAt(end)) : isChineseTerminator(text.charAt(end)))) {
            end++;
        }
        while (end < text.length() && isCloser(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** A dash after a sentence end introduces its attribution ("。——高尔基"): the sentence goes on. */
    private static boolean isDash(char c) {
        return c == '—' || c == '–' || c == '-' || c == '―';
    }

    private static boolean isEnglishTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    private static boolean isChineseTerminator(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '…' || c == '!' || c == '?' || c == ';';
    }

    private static boolean isCloser(char c) {
        return switch (c) {
            case '"', '\'', '”', '’', ')', ']', '」', '』', '）', '》', '〉', '】', '〕', '»' -> true;
            default -> false;
        };
    }

    /** Whether a sentence may start at {@code i}: a capital, digit, opening quote or bracket, or a CJK character. */
    private static boolean startsSentence(String text, int i) {
        int cp = text.codePointAt(i);
        if (Character.isUpperCase(cp) || Character.isTitleCase(cp) || Character.isDigit(cp)) {
            return true;
        }
        if ("\"'“‘([«*".indexOf(cp) >= 0) {
            return true;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60);
    }

    /**
     * Whether the single full stop at {@code dot} belongs to an abbreviation rather than ending a sentence.
     * {@code end} is past the terminator and closers, {@code next} the start of the following text.
     */
    private static boolean abbreviation(String text, int dot, int end, int next) {
        if (text.charAt(dot) != '.' || end != dot + 1) {
            return false; // "!", "?", "...", or a closing quote after the stop: a sentence end
        }
        int d = dot;
        while (d > 0 && Character.isDigit(text.charAt(d - 1))) {
            d--;
        }
        if (dot - d >= 1 && dot - d <= 2) {
            int p = d - 1;
            while (p >= 0 && text.charAt(p) == ' ') {
                p--;
            }
            if (p < 0 || ":;,：；，.!?".indexOf(text.charAt(p)) >= 0) { // after a stop: it opens the sentence
                return true; // a list numeral inside the sentence: "seven sections: 1. Principles …; 2. Subjects"
            }
        }
        int w = dot;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot);
        if (word.isEmpty()) {
            return false;
        }
        if (word.indexOf('.') >= 0) {
            return true; // U.S. / e.g. / a.m.
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true; // an initial
        }
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        return BEFORE_NUMBER.contains(word) && Character.isDigit(text.charAt(next));
    }

    /**
     * The end of a sentence followed by the spaces {@code [end, next)}: past any space that is not XML white space
     * (an ideographic space U+3000, a no-break space), so that only XML white space lies between two sentences.
     */
    private static int keepOddSpaces(String text, int end, int next) {
        int e = next;
        while (e > end && isXmlSpace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static boolean isXmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static int skipXmlSpace(String text, int i) {
        while (i < text.length() && isXmlSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int n) {
        while (n > 0 && isXmlSpace(text.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    /** White space between sentences: Unicode white space and the ideographic space U+3000. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
