package org.bitext.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.bitext.batch.Output;

/**
 * Inputs that have disappeared from a run's input folder: their records are marked deleted (with a new datestamp,
 * so that incremental harvesters learn of it); their output files are removed only when asked ({@code --delete}, as
 * {@code rsync --delete} does), and kept otherwise.
 */
public final class Deletions {
    private Deletions() {
    }

    /**
     * Marks deleted the records of inputs gone from {@code root}; with {@code removeFiles}, removes the output files of
     * every deleted record of {@code root} (those gone now and those an earlier run kept).
     *
     * @param catalog     the output folder's catalog
     * @param out         the output folder
     * @param root        the input folder as the run was given it
     * @param stillThere  whether an input of a live record is still there (asked record by record)
     * @param removeFiles whether to remove the output files of the inputs gone
     * @return the records marked deleted
     * @throws IOException when an output file cannot be removed
     */
    public static List<Record> apply(Catalog catalog, Path out, String root,
                                     java.util.function.Predicate<String> stillThere, boolean removeFiles)
            throws CatalogException, IOException {
        Instant now = Catalog.now();
        List<Record> gone = catalog.markDeleted(root, stillThere, now);
        if (removeFiles) {
            Path base = out.toAbsolutePath().normalize();
            // those gone now, and those an earlier run marked deleted without removing their files
            for (Record r : catalog.deletedWithOutputs(root)) {
                for (Output o : r.outputs()) {
                    Path f = base.resolve(o.path()).normalize();
                    if (!f.startsWith(base) || f.equals(base)) {
                        continue; // never outside the output folder, whatever the catalog says
                    }
                    Files.deleteIfExists(f);
                }
                catalog.forgetOutputs(r.id());
            }
        }
        return gone;
    }
}
