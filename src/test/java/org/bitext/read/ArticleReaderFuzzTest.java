package org.bitext.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.SaxonApiException;
import org.bitext.tei.TeiEncoder;
import org.bitext.xml.Xml;

/**
 * Coverage-guided fuzz test of the reader's contract: for any byte sequence, {@link ArticleReader#read(String,
 * String, byte[])} returns an {@link Article} or throws its one documented {@link InputError}; and any article it
 * returns encodes to well-formed TEI. Anything else (a runtime exception, an error, a hang) is a finding.
 *
 * <p>Without {@code JAZZER_FUZZ} (plain {@code mvn test}) this runs only the stored inputs under
 * {@code src/test/resources/org/bitext/read/ArticleReaderFuzzTestInputs/readOrRefuse/}: the seeds and every crash
 * found so far, as regression tests. With {@code JAZZER_FUZZ=1} it fuzzes; {@code bench/fuzz/run} does that.
 */
class ArticleReaderFuzzTest {
    private static final String DISPLAY_NAME = "fuzz/input.txt";
    private static final String NAME = "input";

    /** C0 controls other than tab, LF and CR, raw or as character references: not characters of XML 1.0. */
    private static final Pattern C0_CONTROL =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]|&#(?:x0*[0-8bBcCeEfF]|x0*1[0-9a-fA-F]|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));");
    private static final Pattern NONCHARACTER = Pattern.compile("[\\uFFFE\\uFFFF]|&#(?:x0*[fF]{3}[eEfF]|6553[45]);");

    private static final ArticleReader READER = new ArticleReader();
    private static final TeiEncoder ENCODER = new TeiEncoder();

    @FuzzTest(maxDuration = "60s")
    void readOrRefuse(byte[] bytes) {
        Article article;
        try {
            article = READER.read(DISPLAY_NAME, NAME, bytes);
        } catch (InputError e) {
            checkInputError(e);
            return;
        }
        assertNotNull(article, "read returned null instead of an Article or an InputError");
        byte[] tei = ENCODER.encode(article, NAME + ".txt");
        assertNotNull(tei, "encode returned null");
        try {
            Xml.parse(new ByteArrayInputStream(tei), "fuzz.xml");
        } catch (SaxonApiException e) {
            notWellFormed(new String(tei, StandardCharsets.UTF_8), e);
        }
    }

    /**
     * Fails for TEI that does not parse. The likely causes fail from different methods, so that Jazzer (which tells
     * findings apart by their stack traces) keeps one crashing input per cause rather than one for all of them.
     */
    private static void notWellFormed(String tei, SaxonApiException e) {
        String message = "the TEI of an accepted article is not well-formed XML: " + e.getMessage();
        if (C0_CONTROL.matcher(tei).find()) {
            failWithC0Control(message);
        } else if (NONCHARACTER.matcher(tei).find()) {
            failWithNoncharacter(message);
        }
        throw new AssertionError(message, e);
    }

    private static void failWithC0Control(String message) {
        throw new AssertionError(message + " [a C0 control character, not allowed in XML 1.0]");
    }

    private static void failWithNoncharacter(String message) {
        throw new AssertionError(message + " [U+FFFE or U+FFFF, not allowed in XML]");
    }

    private static void checkInputError(InputError e) {
        assertTrue(e.line() >= 0, () -> "negative line " + e.line() + " in: " + e.getMessage());
        assertTrue(e.column() >= 0, () -> "negative column " + e.column() + " in: " + e.getMessage());
        assertEquals(DISPLAY_NAME, e.file(), () -> "file() is not the display name in: " + e.getMessage());
        String message = e.getMessage();
        assertNotNull(message, "InputError without a message");
        assertTrue(message.startsWith(DISPLAY_NAME + ":"),
                () -> "the message does not start with the display name and ':': " + message);
    }
}
