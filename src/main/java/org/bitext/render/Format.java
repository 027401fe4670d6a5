package org.bitext.render;

import java.util.Locale;

/** The renderings bitext makes from TEI, each by one stylesheet in {@code xslt/}. */
public enum Format {
    /** One HTML page per article, the languages side by side, sentence under sentence from the alignment. */
    HTML("html.xsl", "html"),
    /** Bilingual plain text by sentence pairs (by units for paragraph-aligned TEI), or one language; wrapped. */
    TEXT("text.xsl", "txt"),
    /** The input layout regenerated from the TEI alone. */
    SOURCE("source.xsl", "txt");

    private final String stylesheet;
    private final String extension;

    Format(String stylesheet, String extension) {
        this.stylesheet = stylesheet;
        this.extension = extension;
    }

    /** The stylesheet's file name in {@code xslt/}. */
    public String stylesheet() { return stylesheet; }

    /** The extension of the files this format writes. */
    public String extension() { return extension; }

    /** The name used on the command line. */
    public String id() { return name().toLowerCase(Locale.ROOT); }
}
