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
 * @param warnings    layout variations accepted in it, each {@code FILE:LINE:COLUMN: warning: MESSAGE [kind]}
 */
public record Result(String input, String inputSha256, Status status, List<String> messages, List<Output> outputs,
                     List<String> warnings) {
    public Result {
        messages = List.copyOf(messages);
        outputs = List.copyOf(outputs);
        warnings = List.copyOf(warnings);
    }

    /** A result without warnings. */
    public Result(String input, String inputSha256, Status status, List<String> messages, List<Output> outputs) {
        this(input, inputSha256, status, messages, outputs, List.of());
    }

    /** Whether the input counts as done (converted or unchanged). */
    public boolean ok() {
        return status == Status.CONVERTED || status == Status.UNCHANGED;
    }
}
