package org.bitext.export.oai;

import java.nio.charset.StandardCharsets;

/**
 * A small writer for the OAI-PMH envelope: elements indented by nesting, text and attributes escaped, characters
 * that XML does not allow (from a request's arguments, echoed back) replaced by U+FFFD. Records are spliced in as
 * serialized XML, verbatim.
 */
final class XmlOut {
    private static final String INDENT = "  ";
    private final StringBuilder sb = new StringBuilder(8192);
    private int depth;

    XmlOut() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    /** A start tag; {@code attrs} are name, value pairs (a null value leaves the attribute out). */
    XmlOut start(String name, String... attrs) {
        newline();
        tag(name, attrs);
        sb.append('>');
        depth++;
        return this;
    }

    XmlOut end(String name) {
        depth--;
        newline();
        sb.append("</").append(name).append('>');
        return this;
    }

    /** An element holding only text. */
    XmlOut element(String name, String text, String... attrs) {
        newline();
        tag(name, attrs);
        sb.append('>');
        escape(text, false);
        sb.append("</").append(name).append('>');
        return this;
    }

    /** An empty element. */
    XmlOut empty(String name, String... attrs) {
        newline();
        tag(name, attrs);
        sb.append("/>");
        return this;
    }

    /** Well-formed XML (one element, no XML declaration), as it is. */
    XmlOut raw(String xml) {
        newline();
        sb.append(xml);
        return this;
    }

    byte[] bytes() {
        return (sb + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void newline() {
        sb.append('\n');
        sb.append(INDENT.repeat(Math.max(depth, 0)));
    }

    private void tag(String name, String... attrs) {
        sb.append('<').append(name);
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                sb.append(' ').append(attrs[i]).append("=\"");
                escape(attrs[i + 1], true);
                sb.append('"');
            }
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\t', '\n', '\r' -> {
                    if (attribute) {
                        sb.append("&#").append(c).append(';');
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
                default -> sb.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        }
    }

    /** True for a character XML 1.0 allows (a lone surrogate is not one). */
    static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF
                || c == 0x9 || c == 0xA || c == 0xD;
    }
}
