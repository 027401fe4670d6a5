package org.bitext.read;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A bilingual article as read from its plain-text layout: metadata, the English translation's body lines,
 * an optional glossary, and the Chinese original's body lines. Immutable.
 *
 * @param name    the input's base name without extension (used for identifiers)
 * @param meta    header values of both sides
 * @param english English body lines in input order
 * @param glossary the English side's glossary, if any
 * @param chinese Chinese body lines in input order
 * @param layout  blank-line layout of the header and separator lines, as tokens (see {@link Layout})
 * @param warnings layout variations the reader accepted, in line order
 */
public record Article(String name, Metadata meta, List<Block> english, Optional<Glossary> glossary,
                      List<Block> chinese, Set<Layout> layout, List<InputWarning> warnings) {
    public Article {
        english = List.copyOf(english);
        chinese = List.copyOf(chinese);
        layout = Set.copyOf(layout);
        warnings = List.copyOf(warnings);
    }
}
