package org.bitext.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid TEI samples — at least one per Schematron rule and several grammar errors — each give the expected
 * finding at the expected line ({@code src/test/resources/invalid/EXPECTED.tsv}); valid samples give none.
 */
class InvalidSamplesTest {
    private static final Path DIR = Path.of("src/test/resources/invalid");
    private static TeiValidator validator;

    @BeforeAll
    static void load() throws Exception {
        validator = TeiValidator.builtin();
    }

    /** One expected finding. */
    record Expected(String file, String kind, String what, int line) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> expected() throws Exception {
        return Files.readAllLines(DIR.resolve("EXPECTED.tsv")).stream().skip(1).filter(l -> !l.isBlank()).map(l -> {
            String[] c = l.split("\t");
            return new Expected(c[0], c[1], c[2], Integer.parseInt(c[3]));
        });
    }

    @ParameterizedTest
    @MethodSource("expected")
    void reportsTheDefectWhereItIs(Expected e) {
        List<Problem> problems = validator.validate(DIR.resolve(e.file()), e.file());
        List<Problem> matching = problems.stream().filter(p -> p.source().equals(e.kind()))
                .filter(p -> e.kind().equals("sch") ? e.what().equals(p.rule()) : p.message().contains(e.what()))
                .toList();
        assertEquals(1, matching.size(), () -> "expected one " + e.kind() + " finding '" + e.what() + "', got " + problems);
        Problem p = matching.get(0);
        assertEquals(e.line(), p.line(), p::toString);
        assertTrue(p.toString().startsWith(e.file() + ":" + e.line() + ":"), p::toString);
        assertTrue(p.column() > 0, p::toString);
        if (e.kind().equals("sch")) {
            // the other Schematron rules stay quiet: one defect, one finding
            assertEquals(1, problems.stream().filter(x -> x.source().equals("sch")).count(), problems::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("expected")
    void reportsTheSameLineFromAParsedTree(Expected e) throws Exception {
        net.sf.saxon.s9api.XdmNode doc;
        try {
            doc = org.bitext.xml.Xml.parse(DIR.resolve(e.file()));
        } catch (net.sf.saxon.s9api.SaxonApiException notWellFormed) {
            return; // a tree needs well-formed XML; the bytes path above covers it
        }
        List<Problem> problems = validator.validate(doc, e.file());
        List<Problem> matching = problems.stream().filter(p -> p.source().equals(e.kind()))
                .filter(p -> e.kind().equals("sch") ? e.what().equals(p.rule()) : p.message().contains(e.what()))
                .toList();
        assertEquals(1, matching.size(), () -> "expected one " + e.kind() + " finding '" + e.what() + "', got " + problems);
        assertEquals(e.line(), matching.get(0).line(), matching.get(0)::toString);
    }

    static Stream<Path> valid() throws Exception {
        try (var s = Files.list(Path.of("src/test/resources/valid"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validSamplesAreValid(Path file) {
        assertEquals(List.of(), validator.validate(file, file.getFileName().toString()));
    }
}
