package org.bitext.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = "--jobs", paramLabel = "N", description = "Parallel workers (default: the number of cores).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of internal failures.")
    boolean debug;
}
