package org.bitext.render;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import net.sf.saxon.s9api.ExtensionFunction;
import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.OccurrenceIndicator;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SequenceType;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;

/**
 * Line wrapping by display width, the rules of {@code xslt/common/wrap.xsl} (its header says them) in Java: the
 * stylesheet's character-by-character version was the slowest stage of a run. Registered with the shared Saxon
 * processor as {@code Q{urn:bitext:java}wrap($text as xs:string, $width as xs:integer) as xs:string}; wrap.xsl
 * uses it when it is there and its own XSLT otherwise (another processor), and a test checks both agree.
 * Character widths come from ICU4J's Unicode data (East Asian Width W and F: two columns; combining marks and
 * format characters: none).
 */
public final class Wrap {
    /** The namespace of bitext's Java extension functions. */
    public static final String NS = "urn:bitext:java";

    /** No line starts with these (closing punctuation ...), as {@code $bt:no-start} of wrap.xsl. */
    private static final String NO_START = "!%),.:;?]}\u00A2\u00B0\u2019\u201D\u2030\u2032\u2033\u2026\u2025\u2103"
            + "\u3000\u3001\u3002\u3003\u3005\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019\u301B\u301E\u301F"
            + "\u303B\u309B\u309C\u309D\u309E\u30FB\u30FC\u30FD\u30FE\u3041\u3043\u3045\u3047\u3049\u3063\u3083"
            + "\u3085\u3087\u308E\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30F5\u30F6\uFF01"
            + "\uFF05\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D\uFF60\uFF61\uFF63\uFF64\uFF65\uFF70\uFE50"
            + "\uFE51\uFE52\uFE53\uFE54\uFE55\uFE56\uFE57\uFE5A\uFE5C\uFE5E";
    /** No line ends with these (opening punctuation), as {@code $bt:no-end} of wrap.xsl. */
    private static final String NO_END = "([{\u00A3\u00A5\u2018\u201C\u3008\u300A\u300C\u300E\u3010\u3014\u3016"
            + "\u3018\u301A\u301D\uFF08\uFF3B\uFF5B\uFF5F\uFF62\uFFE1\uFFE5\uFE59\uFE5B\uFE5D";

    private Wrap() {
    }

    /** Registers {@code Q{urn:bitext:java}wrap} with the processor (before stylesheets are compiled). */
    public static void register(Processor processor) {
        processor.registerExtensionFunction(new ExtensionFunction() {
            @Override public QName getName() {
                return new QName(NS, "wrap");
            }

            @Override public SequenceType getResultType() {
                return SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ONE);
            }

            @Override public SequenceType[] getArgumentTypes() {
                return new SequenceType[] {
                    SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ONE),
                    SequenceType.makeSequenceType(ItemType.INTEGER, OccurrenceIndicator.ONE)};
            }

            @Override public XdmValue call(XdmValue[] args) throws net.sf.saxon.s9api.SaxonApiException {
                String text = args[0].itemAt(0).getStringValue();
                long width = ((XdmAtomicValue) args[1].itemAt(0)).getLongValue();
                return new XdmAtomicValue(wrap(text, (int) Math.min(width, Integer.MAX_VALUE)));
            }
        });
    }

    /** Every line of the text wrapped to {@code width} columns; width 0 or less: the text unchanged. */
    public static String wrap(String text, int width) {
        if (width <= 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            String line = nl < 0 ? text.substring(start) : text.substring(start, nl);
            wrapLine(line.codePoints().toArray(), width, out);
            if (nl < 0) {
                return out.toString();
            }
            out.append('\n');
            start = nl + 1;
        }
    }

    /** The columns a character takes: 2 wide or fullwidth, 0 combining or format, otherwise 1. */
    public static int columns(int cp) {
        if (cp < 173) {
            return 1;
        }
        if (cp >= 0x302A && cp <= 0x302D || cp == 0x3099 || cp == 0x309A) {
            return 0; // wide, but they combine
        }
        if (wide(cp)) {
            return 2;
        }
        return zero(cp) ? 0 : 1;
    }

    static boolean wide(int cp) {
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        return eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH;
    }

    private static boolean zero(int cp) {
        if (cp < 768) {
            return cp == 173;
        }
        if (cp >= 8208 && cp <= 8231 || cp >= 8240 && cp <= 8287) {
            return false;
        }
        int type = UCharacter.getType(cp);
        return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK
                || type == UCharacterCategory.FORMAT;
    }

    /** One line wrapped (wrap.xsl's bt:wrap-line), appended to out with line breaks. */
    private static void wrapLine(int[] cps, int width, StringBuilder out) {
        if (plainWords(cps)) {
            fillWords(new String(cps, 0, cps.length).split(" ", -1), width, out);
        } else {
            fill(cps, width, out);
        }
    }

    /**
     * wrap.xsl's common case of an English line: every character one column, single spaces, no tab, and no word
     * that must not start or end a line. Then the line is filled word by word.
     */
    private static boolean plainWords(int[] cps) {
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\t' || c >= 173 && columns(c) != 1) {
                return false;
            }
            if (c == ' ') {
                if (i == 0 || i == cps.length - 1 || cps[i - 1] == ' ') {
                    return false; // an empty word
                }
                if (in(NO_END, cps[i - 1]) || in(NO_START, cps[i + 1])) {
                    return false;
                }
            }
        }
        return cps.length > 0;
    }

    private static void fillWords(String[] words, int width, StringBuilder out) {
        StringBuilder current = new StringBuilder();
        int length = 0; // in code points
        for (String word : words) {
            int w = word.codePointCount(0, word.length());
            if (current.isEmpty()) {
                current.append(word);
                length = w;
            } else if (length + 1 + w <= width) {
                current.append(' ').append(word);
                length += 1 + w;
            } else {
                out.append(current).append('\n');
                current.setLength(0);
                current.append(word);
                length = w;
            }
        }
        out.append(current);
    }

    /** A line filled greedily by the general rules (wrap.xsl's bt:fill), appended to out with line breaks. */
    private static void fill(int[] cps, int width, StringBuilder out) {
        int from = 0;
        int n = cps.length;
        while (true) {
            // how many characters fit: k, at least one
            int used = 0;
            int k = n - from;
            for (int i = from; i < n; i++) {
                int w = columns(cps[i]);
                if (used + w > width) {
                    k = Math.max(i - from, 1);
                    break;
                }
                used += w;
            }
            if (from + k >= n) {
                append(out, cps, from, n);
                return;
            }
            // positions are 1-based within the remaining piece, as in the stylesheet: a break before character p
            int q = -1;
            boolean cut = false;
            for (int p = k + 1; p >= 2; p--) {
                if (mayBreak(cps, from, p)) {
                    q = p;
                    break;
                }
            }
            if (q < 0) {
                for (int p = k + 1; p >= 2; p--) {
                    if (wide(cps[from + p - 2]) || wide(cps[from + p - 1])) {
                        q = p;
                        cut = true;
                        break;
                    }
                }
            }
            if (q < 0) {
                for (int p = k + 2; p <= n - from; p++) {
                    if (mayBreak(cps, from, p)) {
                        q = p;
                        break;
                    }
                }
            }
            if (q < 0) {
                append(out, cps, from, n);
                return;
            }
            int end = !cut && cps[from + q - 2] == ' ' ? q - 2 : q - 1; // a break at a space drops that space
            append(out, cps, from, from + end);
            out.append('\n');
            from += q - 1;
        }
    }

    /** wrap.xsl's bt:may-break: may the piece starting at {@code from} break before its character {@code i} (1-based)? */
    private static boolean mayBreak(int[] cps, int from, int i) {
        int c = cps[from + i - 1];
        int b = cps[from + i - 2];
        if (c == ' ' || c == '\t' || b == '\t') {
            return false;
        }
        if (b == ' ') {
            if (i < 3) {
                return false;
            }
            int a = cps[from + i - 3];
            return a != ' ' && a != '\t' && !(wide(a) || wide(c)) && !(in(NO_START, c) || in(NO_END, a));
        }
        return (wide(b) || wide(c)) && !(in(NO_START, c) || in(NO_END, b));
    }

    private static boolean in(String set, int cp) {
        return set.indexOf(cp) >= 0;
    }

    private static void append(StringBuilder out, int[] cps, int from, int to) {
        for (int i = from; i < to; i++) {
            out.appendCodePoint(cps[i]);
        }
    }
}
