package org.bitext.cli;

import java.util.List;

/**
 * What happened to one input.
 *
 * @param input    the input as named in messages
 * @param ok       whether it went through every stage without error
 * @param messages located errors, one per line, in the form {@code file:line:column: error: message}
 */
record Outcome(String input, boolean ok, List<String> messages) {
    static Outcome success(String input) {
        return new Outcome(input, true, List.of());
    }

    static Outcome failure(String input, List<String> messages) {
        return new Outcome(input, false, List.copyOf(messages));
    }

    static Outcome failure(String input, String message) {
        return failure(input, List.of(message));
    }
}
