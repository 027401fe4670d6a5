package org.bitext.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from the previous run's report whether an input's outputs are up to date: same settings, same input
 * content (by SHA-256, not modification time), and every output still there with the content recorded.
 */
public final class UpToDate {
    private final Map<String, BatchReport.Entry> previous = new HashMap<>();
    private final Path dir;

    public UpToDate(Path dir, String settings) {
        this.dir = dir;
        BatchReport.read(dir).filter(r -> settings.equals(r.settings())).ifPresent(r -> {
            for (BatchReport.Entry e : r.inputs()) {
                if (e.status().equals(Status.CONVERTED.word()) || e.status().equals(Status.UNCHANGED.word())) {
                    previous.put(e.input(), e);
                }
            }
        });
    }

    /**
     * The previous run's entry for this input (its outputs and warnings) when the outputs are all intact and the
     * input is unchanged.
     */
    public Optional<BatchReport.Entry> check(String input, String inputSha256) {
        BatchReport.Entry e = previous.get(input);
        if (e == null || !inputSha256.equals(e.sha256()) || e.outputs() == null || e.outputs().isEmpty()) {
            return Optional.empty();
        }
        try {
            for (Output o : e.outputs()) {
                Path f = dir.resolve(o.path());
                if (!Files.isRegularFile(f) || Files.size(f) != o.bytes() || !Hashes.sha256(f).equals(o.sha256())) {
                    return Optional.empty();
                }
            }
        } catch (IOException ex) {
            return Optional.empty();
        }
        return Optional.of(e);
    }
}
