package org.bitext.read;

/**
 * A variation of the article layout that the reader accepted: the line is kept verbatim in the nearest fitting TEI,
 * nothing is lost, and the user is told where it is and how it was encoded. A warning never fails an article.
 *
 * @param file    the file name as given by the caller
 * @param line    one-based line number
 * @param column  one-based column number
 * @param message what was found and how it was kept
 * @param kind    a short, stable name of the variation's class (for reports and reviewed lists)
 */
public record InputWarning(String file, int line, int column, String message, String kind) {
    /** {@code FILE:LINE:COL: warning: MESSAGE [kind]}, the form of the reader's errors. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": warning: " + message + " [" + kind + "]";
    }
}
