package org.bitext.read;

/**
 * One line of the English side's {@code **Named Entities**} glossary: a Chinese term and its English gloss, or, when
 * the line cannot be split into the two (a line holding only {@code <br>}, a term without gloss), the line verbatim
 * with an empty term and separator: see {@link #split()}.
 *
 * @param term        the Chinese term, verbatim
 * @param separator   the white space between term and gloss in the input (two spaces or a tab, kept verbatim)
 * @param gloss       the English gloss, verbatim
 * @param line        one-based line number in the input file
 * @param blankBefore whether one or more blank lines precede it in the input
 */
public record GlossEntry(String term, String separator, String gloss, int line, boolean blankBefore) {
    /** A line kept whole: its text is in {@link #gloss()}. */
    public static GlossEntry unsplit(String text, int line, boolean blankBefore) {
        return new GlossEntry("", "", text, line, blankBefore);
    }

    /** Whether the line was split into a term and its gloss. */
    public boolean split() {
        return !term.isEmpty();
    }
}
