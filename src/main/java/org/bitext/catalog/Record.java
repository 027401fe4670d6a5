package org.bitext.catalog;

import java.time.Instant;
import java.util.List;
import org.bitext.batch.Output;

/**
 * One article of the catalog.
 *
 * @param id          the TEI document's {@code xml:id}
 * @param input       the input file, as the run named it
 * @param root        the input folder (or file) the run was given
 * @param inputSha256 SHA-256 of the input's bytes
 * @param date        publication date {@code YYYY-MM-DD}
 * @param page        page number (as the TEI's {@code biblScope/@n}), empty when unknown
 * @param section     the Chinese page section, empty when none
 * @param titleZh     Chinese title
 * @param titleEn     English title
 * @param status      the last run's outcome for the input: {@code converted}, {@code unchanged} or {@code failed}
 * @param datestamp   when this record's content last changed (UTC, to the second)
 * @param deleted     whether the input has disappeared from its folder
 * @param outputs     the output files, relative to the output folder, with their SHA-256 and size
 */
public record Record(String id, String input, String root, String inputSha256, String date, String page,
                     String section, String titleZh, String titleEn, String status, Instant datestamp, boolean deleted,
                     List<Output> outputs) {
    public Record {
        outputs = List.copyOf(outputs);
    }

    /** The TEI output's path, relative to the output folder, if any. */
    public java.util.Optional<String> tei() {
        return outputs.stream().map(Output::path).filter(p -> p.startsWith("tei/") || p.endsWith(".xml")).findFirst();
    }
}
