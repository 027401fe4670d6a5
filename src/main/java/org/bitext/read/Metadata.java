package org.bitext.read;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bibliographic lines of both sides' headers, kept verbatim, with the values parsed from them.
 *
 * @param titleEn     the English {@code Title:} value
 * @param authorEn    the English {@code Author:} value, empty when the source gives none
 * @param date        the publication date (both headers agree on it)
 * @param pageLabelEn {@code Page} or {@code Edition}, as the English header says
 * @param pageEn      the English page value, verbatim
 * @param columnEn    the English column line after the page line, if any
 * @param titleZh     the Chinese {@code ###} title, verbatim
 * @param authorZh    the Chinese author line, empty when there is none
 * @param pageZh      the {@code 第N版} part of the Chinese page line, verbatim
 * @param pageNumberZh the page number inside {@code 第N版}
 * @param sectionZh   the section inside the brackets of the Chinese page line, empty when none
 * @param columnZh    the Chinese {@code 专栏：} value, empty when none
 * @param verbatim    header lines kept as they are because their value could not be read, by slot ({@code date},
 *                    {@code page}, {@code zh-date}, {@code zh-page}, {@code zh-column}), in slot order
 */
public record Metadata(
        String titleEn, String authorEn, LocalDate date, String pageLabelEn, String pageEn, Optional<String> columnEn,
        String titleZh, String authorZh, String pageZh, String pageNumberZh, String sectionZh, String columnZh,
        Map<String, String> verbatim) {

    public Metadata {
        verbatim = Collections.unmodifiableMap(new TreeMap<>(verbatim));
    }

    /** The metadata of a header every line of which was read. */
    public Metadata(String titleEn, String authorEn, LocalDate date, String pageLabelEn, String pageEn,
            Optional<String> columnEn, String titleZh, String authorZh, String pageZh, String pageNumberZh,
            String sectionZh, String columnZh) {
        this(titleEn, authorEn, date, pageLabelEn, pageEn, columnEn, titleZh, authorZh, pageZh, pageNumberZh,
                sectionZh, columnZh, Map.of());
    }
}
