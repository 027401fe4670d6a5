package org.bitext.read;

/**
 * Places in the header and separator lines where the input has one or more blank lines, and header lines the input
 * does not have. The gap before the first body line of a side is not here: the first {@link Block} carries it.
 */
public enum Layout {
    BLANK_AFTER_TITLE("blank-after-title"),
    BLANK_AFTER_AUTHOR("blank-after-author"),
    BLANK_AFTER_DATE("blank-after-date"),
    BLANK_BEFORE_HR("blank-before-hr"),
    BLANK_AFTER_HR("blank-after-hr"),
    BLANK_AFTER_ORIGINAL("blank-after-original"),
    BLANK_AFTER_ZH_AUTHOR("blank-after-zh-author"),
    BLANK_AFTER_ZH_DATE("blank-after-zh-date"),
    BLANK_AFTER_ZH_PAGE("blank-after-zh-page"),
    NO_TITLE_LINE("no-title-line"),
    NO_AUTHOR_LINE("no-author-line"),
    NO_DATE_LINE("no-date-line"),
    NO_PAGE_LINE("no-page-line"),
    NO_ZH_TITLE_LINE("no-zh-title-line"),
    NO_ZH_DATE_LINE("no-zh-date-line"),
    NO_ZH_PAGE_LINE("no-zh-page-line"),
    NO_ZH_COLUMN_LINE("no-zh-column-line");

    private final String token;

    Layout(String token) { this.token = token; }

    /** The token written into the TEI's {@code sourceDesc/bibl/@rend}. */
    public String token() { return token; }
}
