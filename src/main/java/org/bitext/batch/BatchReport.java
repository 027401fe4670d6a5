package org.bitext.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The machine-readable report of a batch, {@code OUT/report.json}: per input its status, messages and outputs with
 * their SHA-256. {@link ReportWriter} writes it, streaming; {@link #read} reads it back (for a report's reader: what
 * is up to date, the next run asks of the catalog).
 *
 * @param tool     {@code bitext} and its version
 * @param settings a fingerprint of everything besides the input that shapes the outputs
 * @param summary  counts by status
 * @param inputs   one entry per input, in input order
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record BatchReport(String tool, String settings, Map<String, Integer> summary, List<Entry> inputs) {
    /** The report's file name inside the output folder. */
    public static final String FILE = "report.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** How the report is written (indented), for {@link ReportWriter}. */
    static final com.fasterxml.jackson.databind.ObjectWriter JSON_WRITER = JSON.writer();

    /**
     * One input's entry.
     *
     * @param input    the input
     * @param sha256   SHA-256 of the input
     * @param status   converted, unchanged, failed or not-run
     * @param messages located errors
     * @param outputs  files written for it
     * @param warnings layout variations the reader accepted (the article was converted all the same)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String input, String sha256, String status, List<String> messages, List<Output> outputs,
                        List<String> warnings) {
    }

    /** The report a previous run left in the folder, if any and readable. */
    public static Optional<BatchReport> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), BatchReport.class));
        } catch (JsonProcessingException e) {
            return Optional.empty(); // a damaged report only costs the skipping
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
