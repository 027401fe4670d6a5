package org.bitext.validate;

/**
 * One validation finding, located in its document.
 *
 * @param file    the document as named by the user
 * @param line    one-based line, 0 when unknown
 * @param column  one-based column, 0 when unknown
 * @param source  {@code rng}, {@code sch} or {@code xml} (not well-formed or unreadable)
 * @param rule    the Schematron rule id, or {@code null}
 * @param message what is wrong and, where the schema says it, what to do
 */
public record Problem(String file, int line, int column, String source, String rule, String message) {
    /** {@code file:line:column: error: message}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": error: " + message + (rule == null ? "" : " [" + rule + "]");
    }
}
