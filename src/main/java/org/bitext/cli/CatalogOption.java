package org.bitext.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bitext.catalog.Catalog;
import org.bitext.catalog.CatalogException;
import org.bitext.catalog.Deletions;
import org.bitext.catalog.Record;
import picocli.CommandLine.Option;

/** {@code --delete}, and the catalog that {@code run} and {@code convert} keep of their output folder. */
final class CatalogOption {
    @Option(names = "--delete", description = "Remove the output files of inputs that have disappeared from IN since "
            + "an earlier run into the same folder (their catalog records are marked deleted either way).")
    boolean delete;

    /** Opens the folder's catalog; a damaged or newer one is a user error with advice. */
    Catalog open(Path output) throws IOException {
        try {
            return Catalog.open(output);
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    void deletions(Catalog catalog, Path output, String root, List<Inputs.Input> files, PrintWriter out, boolean quiet)
            throws IOException {
        Set<String> seen = new HashSet<>();
        files.forEach(f -> seen.add(f.display()));
        try {
            List<Record> gone = Deletions.apply(catalog, output, root, seen, delete);
            if (!gone.isEmpty() && !quiet) {
                out.println(gone.size() + (gone.size() == 1 ? " input has" : " inputs have") + " disappeared from "
                        + root + ": marked deleted in the catalog" + (delete ? ", outputs removed"
                        : " (outputs kept; --delete removes them)"));
            }
        } catch (CatalogException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
