package org.bitext.read;

import java.util.List;

/**
 * The glossary block at the end of the English side: a heading line such as {@code **Named Entities**}
 * and its term/gloss entries. It is not body text and is never aligned.
 *
 * @param heading     the heading line, verbatim (Markdown included)
 * @param line        one-based line number of the heading
 * @param blankBefore whether one or more blank lines precede the heading
 * @param entries     the entries in input order
 */
public record Glossary(String heading, int line, boolean blankBefore, List<GlossEntry> entries) {
    public Glossary {
        entries = List.copyOf(entries);
    }
}
