package org.bitext.batch;

/** What became of one input in a batch. */
public enum Status {
    /** Processed; its outputs were written. */
    CONVERTED,
    /** Skipped: its outputs were up to date (same input content, same settings, outputs intact). */
    UNCHANGED,
    /** Refused or invalid; see the messages. Nothing half-written was left for it. */
    FAILED,
    /** Not attempted: an earlier input failed and {@code --fail-fast} was given, or the run was stopped (Ctrl-C). */
    NOT_RUN;

    /** The lower-case word used in reports. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
