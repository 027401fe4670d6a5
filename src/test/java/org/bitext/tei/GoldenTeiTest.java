package org.bitext.tei;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bitext.Corpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/**
 * The TEI of corpus articles against the expected TEI kept in {@code corpus/expected/}, compared with XMLUnit:
 * similar, ignoring white space between elements (the text itself is checked to the character by the source round
 * trip). To accept a deliberate change, regenerate with {@code bitext convert corpus -o corpus/expected} and review
 * the diff.
 */
class GoldenTeiTest {
    static List<Path> goldens() throws Exception {
        try (var s = Files.list(Corpus.EXPECTED)) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("goldens")
    void matchesExpectedTei(Path expected) throws Exception {
        String name = expected.getFileName().toString().replace(".xml", "");
        byte[] actual = Corpus.tei(Corpus.DIR.resolve(name + ".txt"));
        Diff diff = DiffBuilder.compare(Input.fromFile(expected.toFile()))
                .withTest(Input.fromByteArray(actual))
                .ignoreWhitespace()
                .checkForSimilar()
                .build();
        assertFalse(diff.hasDifferences(), () -> name + ":\n" + diff);
    }

    @org.junit.jupiter.api.Test
    void atLeastFourGoldens() throws Exception {
        assertTrue(goldens().size() >= 4, "expected golden TEI for at least 4 corpus articles");
    }

    @ParameterizedTest
    @MethodSource("org.bitext.Corpus#articles")
    void outputIsDeterministic(Path article) throws Exception {
        assertArrayEquals(Corpus.tei(article), Corpus.tei(article));
    }
}
