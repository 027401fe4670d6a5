package org.bitext.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs a batch finds, and the bounded count made before it. */
class InputsTest {
    @TempDir
    Path tmp;

    @Test
    void theCountIsWhatCollectFindsUpToTheLimit() throws Exception {
        Path tree = tmp.resolve("in");
        for (String f : List.of("a.txt", "b.md", "y/c.txt", "y/z/d.txt", "y/.hidden.txt", "y/e.xml")) {
            Files.createDirectories(tree.resolve(f).getParent());
            Files.writeString(tree.resolve(f), "x");
        }
        Path single = tmp.resolve("single.txt");
        Files.writeString(single, "x");
        List<Path> paths = List.of(tree, single, tmp.resolve("missing"));
        List<Path> found = List.of(tree, single);
        assertEquals(4, Inputs.collect(found, "txt").size());
        assertEquals(4, Inputs.count(paths, List.of("txt"), 100));
        assertEquals(5, Inputs.count(paths, List.of("txt", "md"), 100));
        assertEquals(Inputs.collect(found, List.of("txt", "md")).size(), Inputs.count(found, List.of("txt", "md"), 100));
        for (int limit = 0; limit <= 5; limit++) {
            assertEquals(limit, Inputs.count(paths, List.of("txt", "md"), limit), "limit " + limit);
        }
        assertEquals(0, Inputs.count(List.of(tmp.resolve("missing")), List.of("txt"), 10));
    }
}
