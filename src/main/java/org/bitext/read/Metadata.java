package org.bitext.read;

import java.time.LocalDate;
import java.util.Optional;

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
 */
public record Metadata(
        String titleEn, String authorEn, LocalDate date, String pageLabelEn, String pageEn, Optional<String> columnEn,
        String titleZh, String authorZh, String pageZh, String pageNumberZh, String sectionZh, String columnZh) {
}
