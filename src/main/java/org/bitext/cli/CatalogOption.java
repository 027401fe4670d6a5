package org.bitext.cli;

import java.io.PrintWriter;
import java.util.List;
import org.bitext.catalog.Record;
import picocli.CommandLine.Option;

/** {@code --delete} of {@code run} and {@code convert}, and what they say of the inputs gone. */
final class CatalogOption {
    @Option(names = "--delete", description = "Remove the output files of inputs that have disappeared from IN since "
            + "an earlier run into the same folder (their catalog records are marked deleted either way).")
    boolean delete;

    void report(List<Record> gone, String root, PrintWriter out, boolean quiet) {
        if (!gone.isEmpty() && !quiet) {
            out.println(gone.size() + (gone.size() == 1 ? " input has" : " inputs have") + " disappeared from "
                    + root + ": marked deleted in the catalog" + (delete ? ", outputs removed"
                    : " (outputs kept; --delete removes them)"));
        }
    }
}
