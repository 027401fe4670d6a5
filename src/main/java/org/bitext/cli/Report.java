package org.bitext.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints the errors of a batch and its summary line; gives the exit code. */
final class Report {
    private Report() {
    }

    static int finish(List<Outcome> outcomes, String verb, PrintWriter out, PrintWriter err, boolean quiet) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        for (Outcome o : outcomes) {
            o.messages().forEach(err::println);
        }
        if (!quiet || failed > 0) {
            (failed > 0 ? err : out).printf("%s %d of %d input%s%s%n", verb, outcomes.size() - failed,
                    outcomes.size(), outcomes.size() == 1 ? "" : "s",
                    failed > 0 ? "; " + failed + " failed" : "");
        }
        out.flush();
        err.flush();
        return failed > 0 ? 1 : 0;
    }
}
