package org.bitext.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of text with the Markdown emphasis the input gave it. {@link #parse} splits a line into spans so that
 * concatenating {@link #markup()} of every span gives the line back exactly.
 *
 * @param text  the text without its Markdown markers
 * @param style the emphasis
 */
public record Span(String text, Style style) {
    /** Markdown emphasis styles. */
    public enum Style {
        PLAIN(""), BOLD("**"), ITALIC("*");

        private final String marker;

        Style(String marker) { this.marker = marker; }

        /** The Markdown marker written on both sides of the text. */
        public String marker() { return marker; }
    }

    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*([^*\\s](?:[^*]*[^*\\s])?)\\*\\*|\\*([^*\\s](?:[^*]*[^*\\s])?)\\*");

    /** The span as it was written in the input, markers included. */
    public String markup() {
        return style.marker() + text + style.marker();
    }

    /** Splits a line into plain and emphasised spans; text without well-formed markers stays plain, asterisks included. */
    public static List<Span> parse(String line) {
        List<Span> out = new ArrayList<>();
        Matcher m = EMPHASIS.matcher(line);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                out.add(new Span(line.substring(last, m.start()), Style.PLAIN));
            }
            out.add(m.group(1) != null ? new Span(m.group(1), Style.BOLD) : new Span(m.group(2), Style.ITALIC));
            last = m.end();
        }
        if (last < line.length()) {
            out.add(new Span(line.substring(last), Style.PLAIN));
        }
        return out;
    }
}
