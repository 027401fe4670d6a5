package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import org.bitext.Converted;
import org.bitext.validate.Problem;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TEI from anywhere is parsed with DTD loading and external entities off: an external entity pointing at a local
 * file leaks it into no output and no message, and an entity-expansion bomb is refused quickly, through every
 * command that reads XML.
 */
class SafeXmlTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path tmp;
    private Path secret;
    private Path xxe;
    private Path bomb;

    @BeforeEach
    void documents() throws Exception {
        secret = tmp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        String tei = Files.readString(Converted.tei().get("1960-06-05_taifeng_jingbao_dash_ranges"));
        String body = tei.substring(tei.indexOf("<TEI"));
        xxe = tmp.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?>\n<!DOCTYPE TEI [<!ENTITY leak SYSTEM \"" + secret.toUri()
                + "\">]>\n" + body.replace("台风警报</s></head>", "台风警报&leak;</s></head>"));
        StringBuilder dtd = new StringBuilder("<!DOCTYPE TEI [\n<!ENTITY b0 \"ha\">\n");
        for (int i = 1; i <= 30; i++) {
            dtd.append("<!ENTITY b").append(i).append(" \"&b").append(i - 1).append(";&b").append(i - 1).append(";\">\n");
        }
        dtd.append("]>\n");
        bomb = tmp.resolve("bomb.xml");
        Files.writeString(bomb, "<?xml version=\"1.0\"?>\n" + dtd + body.replace("台风警报</s></head>", "台风警报&b30;</s></head>"));
    }

    private List<String> everything(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.readString(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void externalEntityLeaksNothingThroughValidate() {
        CliTest.Result r = CliTest.bitext("validate", xxe.toString());
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.err());
        assertEquals(1, r.code(), "a document whose entity cannot be resolved is not valid: " + r.err());
        assertTrue(r.err().contains("xxe.xml:"), r.err());
    }

    @Test
    void externalEntityLeaksNothingThroughRender() throws Exception {
        for (String format : List.of("html", "text", "source")) {
            Path out = tmp.resolve("out-" + format);
            CliTest.Result r = CliTest.bitext("render", "--format", format, xxe.toString(), "-o", out.toString());
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.err());
            for (String f : everything(out)) {
                assertFalse(f.contains(SECRET), format);
            }
        }
    }

    @Test
    void externalEntityLeaksNothingThroughTeiAllValidation() {
        String teiAll = System.getProperty("tei.all");
        org.junit.jupiter.api.Assumptions.assumeTrue(teiAll != null && !teiAll.isBlank(), "tei.all not set");
        CliTest.Result r = CliTest.bitext("validate", "--schema", teiAll, xxe.toString());
        assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r.err());
    }

    @Test
    void entityBombIsRefusedWithinASecondByTheValidator() throws Exception {
        TeiValidator validator = TeiValidator.builtin(); // compiling the schema is not part of the measure
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> validator.validate(bomb, "bomb.xml"));
        assertTrue(problems.stream().anyMatch(p -> p.message().toLowerCase().contains("entit")), problems::toString);
    }

    @Test
    void entityBombIsRefusedWithinASecondByTheParserOfRender() {
        SaxonApiException e = assertThrows(SaxonApiException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(1), () -> Xml.parse(bomb)));
        assertTrue(e.getMessage().toLowerCase().contains("entit"), e.getMessage());
    }

    @Test
    void entityBombGivesALocatedMessageThroughEachCommand() {
        CliTest.Result v = CliTest.bitext("validate", bomb.toString());
        assertEquals(1, v.code());
        assertTrue(v.err().contains("bomb.xml:") && v.err().toLowerCase().contains("entit"), v.err());
        assertFalse(v.err().contains("\tat "), v.err());
        CliTest.Result r = CliTest.bitext("render", "--format", "html", bomb.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("bomb.xml:") && r.err().toLowerCase().contains("entit"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/bomb.html")));
    }
}
