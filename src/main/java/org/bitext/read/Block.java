package org.bitext.read;

/**
 * One line of an article side's body, as read.
 *
 * @param kind        what the line is in the article's structure
 * @param text        the line's text with its leading and trailing white space removed, otherwise verbatim
 * @param line        one-based line number in the input file
 * @param blankBefore whether one or more blank lines precede it in the input
 * @param right       whether the line was pushed to the right with a run of spaces (a credit line)
 * @param marker      for a list item, its bullet as written ({@code -} or {@code ▲}); otherwise empty. The text
 *                    excludes the marker and, after {@code -}, the one space that follows it.
 */
public record Block(Kind kind, String text, int line, boolean blankBefore, boolean right, String marker) {
    /** A block that is not a list item. */
    public Block(Kind kind, String text, int line, boolean blankBefore, boolean right) {
        this(kind, text, line, blankBefore, right, "");
    }

    /** The line as it was written, marker included (leading and trailing white space aside). */
    public String source() {
        return marker.isEmpty() ? text : marker.equals("-") ? "- " + text : marker + text;
    }

    /** Kinds of body lines. */
    public enum Kind {
        /** A title line of the side (main title first, then subtitle lines). */
        HEAD,
        /** The author's name on a line of its own, right after the title lines. */
        BYLINE,
        /** A paragraph: one line of running text. */
        PARAGRAPH,
        /** A bulleted line: {@code - item} in the English, {@code ▲item} in the Chinese. */
        ITEM
    }
}
