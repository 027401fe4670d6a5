package org.bitext.read;

/**
 * One entry of the English side's {@code **Named Entities**} glossary: a Chinese term and its English gloss.
 *
 * @param term        the Chinese term, verbatim
 * @param separator   the white space between term and gloss in the input (two spaces or a tab, kept verbatim)
 * @param gloss       the English gloss, verbatim
 * @param line        one-based line number in the input file
 * @param blankBefore whether one or more blank lines precede it in the input
 */
public record GlossEntry(String term, String separator, String gloss, int line, boolean blankBefore) {
}
