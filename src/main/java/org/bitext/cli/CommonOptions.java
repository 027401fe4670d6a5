package org.bitext.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors; no progress bar.")
    boolean quiet;

    @Option(names = "--fail-fast", description = "Stop at the first input that fails (default: do every input).")
    boolean failFast;

    @Option(names = "--debug", description = "Show stack traces of internal failures.")
    boolean debug;

    /** The progress bar's label, or null when none should be shown. */
    String progress(String label) {
        return quiet || !org.bitext.batch.Batch.interactive() ? null : label;
    }
}
