package org.bitext.read;

/**
 * One line of an article side's body, as read.
 *
 * @param kind        what the line is in the article's structure
 * @param text        the line's text with its leading and trailing white space removed, otherwise verbatim
 * @param line        one-based line number in the input file
 * @param blankBefore whether one or more blank lines precede it in the input
 * @param right       whether the line was pushed to the right with a run of spaces (a credit line)
 */
public record Block(Kind kind, String text, int line, boolean blankBefore, boolean right) {
    /** Kinds of body lines. */
    public enum Kind {
        /** A title line of the side (main title first, then subtitle lines). */
        HEAD,
        /** The author's name on a line of its own, right after the title lines. */
        BYLINE,
        /** A paragraph: one line of running text. */
        PARAGRAPH
    }
}
