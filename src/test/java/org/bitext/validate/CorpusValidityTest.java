package org.bitext.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.Converted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus output is valid against bitext's schema and against the official TEI P5 tei_all. */
class CorpusValidityTest {
    /** System property naming the official tei_all.rng; {@code .ci/run} and the pom set it. */
    static final String TEI_ALL = "tei.all";

    private static TeiValidator bitext;
    private static TeiValidator teiAll;

    @BeforeAll
    static void load() throws Exception {
        bitext = TeiValidator.builtin();
        String path = System.getProperty(TEI_ALL);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("the system property " + TEI_ALL + " is not set: run the tests with "
                    + "-Dtei.all=PATH/TO/tei_all.rng (the official TEI P5 schema; the pom sets it when ../shared is "
                    + "beside the project, .ci/run always does)");
        }
        Path rng = Path.of(path);
        assertTrue(Files.isReadable(rng), TEI_ALL + " names " + rng + ", which cannot be read");
        teiAll = TeiValidator.relaxNg(rng);
    }

    static Stream<String> names() {
        return Converted.tei().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void validAgainstBitextSchemaAndSchematron(String name) {
        Path file = Converted.tei().get(name);
        assertEquals(List.of(), bitext.validate(file, name));
    }

    @ParameterizedTest
    @MethodSource("names")
    void validAgainstOfficialTeiAll(String name) {
        Path file = Converted.tei().get(name);
        assertEquals(List.of(), teiAll.validate(file, name));
    }

    @Test
    void allTwelveArticlesConverted() {
        assertEquals(12, Converted.tei().size());
    }
}
