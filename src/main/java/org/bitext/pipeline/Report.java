package org.bitext.pipeline;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.bitext.batch.Result;
import org.bitext.batch.Status;

/** Prints the errors of a batch and its summary; gives the exit code. */
public final class Report {
    private static final int FIRST_REASONS = 5;
    /** Beyond this many error lines, the summary repeats the first reasons, which have scrolled away. */
    private static final int SCROLLED = 10;

    private Report() {
    }

    /**
     * Prints each result's messages as it comes (and the warnings of a converted input, unless quiet): the listener
     * a command gives its batch ({@link Pipeline.Options#withListener}).
     */
    public static Consumer<Result> live(PrintWriter err, boolean quiet) {
        return r -> {
            if (!quiet && r.status() == Status.CONVERTED) {
                r.warnings().forEach(err::println); // an unchanged input's warnings were shown when it was converted
            }
            r.messages().forEach(err::println);
            if (!r.messages().isEmpty() || (!quiet && !r.warnings().isEmpty())) {
                err.flush();
            }
        };
    }

    /** Prints the summary of a batch whose results {@link #live} printed; gives the exit code. */
    public static int finish(Pipeline.Summary s, String verb, PrintWriter out, PrintWriter err, boolean quiet) {
        s.problems().forEach(err::println);
        long failed = s.failed();
        if (!quiet || failed > 0) {
            StringBuilder line = new StringBuilder();
            line.append(verb).append(' ').append(s.converted()).append(" of ").append(s.total())
                    .append(s.total() == 1 ? " input" : " inputs");
            if (s.unchanged() > 0) {
                line.append(", ").append(s.unchanged()).append(" unchanged (outputs up to date, skipped)");
            }
            if (failed > 0) {
                line.append(", ").append(failed).append(" failed");
            }
            if (s.notRun() > 0) {
                line.append(", ").append(s.notRun()).append(" not run (--fail-fast, or stopped: the next run does them)");
            }
            if (s.warnings() > 0) {
                line.append(", ").append(s.warnings()).append(s.warnings() == 1 ? " warning" : " warnings")
                        .append(" (layout variations kept verbatim; see report.json)");
            }
            (failed > 0 ? err : out).println(line);
            long lines = s.firstFailures().stream().mapToLong(r -> r.messages().size()).sum();
            if (failed > 0 && (failed > FIRST_REASONS || lines > SCROLLED)) {
                err.println("first reasons:");
                s.firstFailures().stream().limit(FIRST_REASONS)
                        .forEach(r -> err.println("  " + (r.messages().isEmpty() ? r.input() : r.messages().get(0))));
            }
        }
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }
}
