package org.bitext.pipeline;

import java.io.PrintWriter;
import java.util.List;
import org.bitext.batch.Result;
import org.bitext.batch.Status;

/** Prints the errors of a batch and its summary; gives the exit code. */
public final class Report {
    private static final int FIRST_REASONS = 5;
    /** Beyond this many error lines, the summary repeats the first reasons, which have scrolled away. */
    private static final int SCROLLED = 10;

    private Report() {
    }

    public static int finish(List<Result> results, String verb, PrintWriter out, PrintWriter err, boolean quiet) {
        for (Result r : results) {
            if (!quiet && r.status() == Status.CONVERTED) {
                r.warnings().forEach(err::println); // an unchanged input's warnings were shown when it was converted
            }
            r.messages().forEach(err::println);
        }
        long warnings = results.stream().mapToLong(r -> r.warnings().size()).sum();
        long failed = count(results, Status.FAILED);
        long unchanged = count(results, Status.UNCHANGED);
        long notRun = count(results, Status.NOT_RUN);
        long done = count(results, Status.CONVERTED);
        if (!quiet || failed > 0) {
            StringBuilder line = new StringBuilder();
            line.append(verb).append(' ').append(done).append(" of ").append(results.size())
                    .append(results.size() == 1 ? " input" : " inputs");
            if (unchanged > 0) {
                line.append(", ").append(unchanged).append(" unchanged (outputs up to date, skipped)");
            }
            if (failed > 0) {
                line.append(", ").append(failed).append(" failed");
            }
            if (notRun > 0) {
                line.append(", ").append(notRun).append(" not run (--fail-fast, or stopped: the next run does them)");
            }
            if (warnings > 0) {
                line.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings")
                        .append(" (layout variations kept verbatim; see report.json)");
            }
            (failed > 0 ? err : out).println(line);
            long lines = results.stream().mapToLong(r -> r.messages().size()).sum();
            if (failed > 0 && lines > SCROLLED) {
                err.println("first reasons:");
                results.stream().filter(r -> r.status() == Status.FAILED).limit(FIRST_REASONS)
                        .forEach(r -> err.println("  " + (r.messages().isEmpty() ? r.input() : r.messages().get(0))));
            }
        }
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }

    private static long count(List<Result> results, Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }
}
