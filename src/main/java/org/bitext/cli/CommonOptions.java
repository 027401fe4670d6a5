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

    @Option(names = "--fsync", description = "Force every output to disk before its rename, so that it survives a "
            + "power failure too (slower; a killed run never leaves half-written files either way).")
    void fsync(boolean on) {
        org.bitext.io.AtomicFiles.setDurable(on);
    }

    /**
     * Chooses the JIT for the batch this command is about to run over these inputs (counted only as far as matters),
     * first thing, before any of the batch's code runs: see {@link org.bitext.batch.Jit}.
     */
    void chooseJit(org.bitext.batch.Jit.Work work, java.util.List<java.nio.file.Path> inputs,
            java.util.List<String> extensions) {
        chooseJit(work, inputs, extensions, jobs);
    }

    /** As {@link #chooseJit(org.bitext.batch.Jit.Work, java.util.List, java.util.List)}, for a command's own --jobs. */
    static void chooseJit(org.bitext.batch.Jit.Work work, java.util.List<java.nio.file.Path> inputs,
            java.util.List<String> extensions, int jobs) {
        org.bitext.batch.Jit.forBatch(work, org.bitext.pipeline.Inputs.count(inputs, extensions, work.c2From()), jobs);
    }

    /** The progress bar's label, or null when none should be shown. */
    String progress(String label) {
        return quiet || !org.bitext.batch.Batch.interactive() ? null : label;
    }
}
