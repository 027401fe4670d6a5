package org.bitext.batch;

import java.util.List;

/**
 * What happened to one input.
 *
 * @param input       the input as named on the command line (or found in a named folder)
 * @param inputSha256 SHA-256 of the input's bytes, or empty when it could not be read
 * @param status      the outcome
 * @param messages    located errors, each {@code FILE:LINE:COLUMN: error: MESSAGE}
 * @param outputs     the files written (or found up to date) for it
 */
public record Result(String input, String inputSha256, Status status, List<String> messages, List<Output> outputs) {
    public Result {
        messages = List.copyOf(messages);
        outputs = List.copyOf(outputs);
    }

    /** Whether the input counts as done (converted or unchanged). */
    public boolean ok() {
        return status == Status.CONVERTED || status == Status.UNCHANGED;
    }
}
