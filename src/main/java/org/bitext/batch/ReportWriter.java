package org.bitext.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bitext.io.AtomicFiles;

/**
 * Writes {@code report.json} ({@link BatchReport}'s format) without holding the batch in memory: each result is
 * appended to a temporary file as it comes, one line each, and the report is written from it at the end, with the
 * counts first, atomically. Outputs changed after their article was reported (a reading view whose neighbours turned
 * out otherwise) are put right as the report is written.
 */
public final class ReportWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tool;
    private final String settings;
    private final Path spill;
    private final BufferedWriter lines;
    private final Map<String, Integer> summary = new LinkedHashMap<>();
    private int warnings;

    /**
     * @param tool     {@code bitext} and its version
     * @param settings a fingerprint of everything besides the input that shapes the outputs
     */
    public ReportWriter(String tool, String settings) throws IOException {
        this.tool = tool;
        this.settings = settings;
        this.spill = Files.createTempFile("bitext-report-", ".jsonl");
        this.lines = Files.newBufferedWriter(spill, StandardCharsets.UTF_8);
        for (Status s : Status.values()) {
            summary.put(s.word(), 0);
        }
    }

    /** Adds one input's result (in input order). */
    public void add(Result r) {
        summary.merge(r.status().word(), 1, Integer::sum);
        warnings += r.warnings().size();
        try {
            lines.write(JSON.writeValueAsString(new BatchReport.Entry(r.input(), r.inputSha256(), r.status().word(),
                    r.messages(), r.outputs(), r.warnings())));
            lines.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the report in a temporary file: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code dir/report.json}.
     *
     * @param changed outputs rewritten after their article was added, by output path (their new hash and size)
     */
    public void write(Path dir, Map<String, Output> changed) throws IOException {
        lines.flush();
        Map<String, Integer> counts = new LinkedHashMap<>(summary);
        counts.put("warnings", warnings);
        ObjectWriter pretty = BatchReport.JSON_WRITER;
        AtomicFiles.write(dir.resolve(BatchReport.FILE), out -> {
            try (JsonGenerator g = pretty.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8);
                 BufferedReader in = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
                g.writeStartObject();
                g.writeStringField("tool", tool);
                g.writeStringField("settings", settings);
                g.writeFieldName("summary");
                pretty.writeValue(g, counts);
                g.writeFieldName("inputs");
                g.writeStartArray();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    BatchReport.Entry e = JSON.readValue(line, BatchReport.Entry.class);
                    if (!changed.isEmpty() && e.outputs() != null) {
                        List<Output> outputs = e.outputs().stream().map(o -> changed.getOrDefault(o.path(), o)).toList();
                        e = new BatchReport.Entry(e.input(), e.sha256(), e.status(), e.messages(), outputs,
                                e.warnings());
                    }
                    pretty.writeValue(g, e);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        });
    }

    @Override
    public void close() throws IOException {
        try {
            lines.close();
        } finally {
            Files.deleteIfExists(spill);
        }
    }
}
