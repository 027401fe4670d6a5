package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bitext.Converted;
import org.bitext.Corpus;
import org.bitext.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --width N} of {@code render} and {@code run}: the text rendering's line width. */
class WidthOptionTest {
    @TempDir
    Path tmp;

    private static CliTest.Result bitext(String... args) {
        return CliTest.bitext(args);
    }

    private static int widest(Path text) throws Exception {
        return Files.readAllLines(text).stream().mapToInt(TextBySentenceTest::columns).max().orElse(0);
    }

    @Test
    void renderWrapsTextToTheWidthGiven() throws Exception {
        Path tei = Converted.tei().get(TextBySentenceTest.REFERENCE);
        Path out = tmp.resolve("w36");
        CliTest.Result r = bitext("render", "--format", "text", "--width", "36", tei.toString(), "-o", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Path text = out.resolve(TextBySentenceTest.REFERENCE + ".txt");
        assertTrue(widest(text) <= 36, "every line within 36 columns");
        assertTrue(widest(text) >= 30, "lines are filled");

        Path flat = tmp.resolve("w0");
        assertEquals(0, bitext("render", "--format", "text", "--width", "0", tei.toString(), "-o", flat.toString(),
                "--quiet").code());
        assertTrue(widest(flat.resolve(TextBySentenceTest.REFERENCE + ".txt")) > 200, "0: no wrapping");

        Path zh = tmp.resolve("zh");
        assertEquals(0, bitext("render", "--format", "text", "--lang", "zh", "--width", "20", tei.toString(), "-o",
                zh.toString(), "--quiet").code());
        List<String> lines = Files.readAllLines(zh.resolve(TextBySentenceTest.REFERENCE + ".txt"));
        assertTrue(lines.stream().allMatch(l -> TextBySentenceTest.columns(l) <= 20), "--lang and --width together");
        assertFalse(String.join("", lines).contains("Suzhou"), "Chinese only");
    }

    @Test
    void aNegativeOrNonNumericWidthIsAUsageError() throws Exception {
        Path tei = Converted.tei().get(TextBySentenceTest.REFERENCE);
        for (String command : List.of("render", "run")) {
            List<String> args = command.equals("render")
                    ? List.of("render", "--format", "text", "--width", "-1", tei.toString(), "-o", tmp.resolve("x").toString())
                    : List.of("run", "--width", "-1", Corpus.DIR.resolve(TextBySentenceTest.REFERENCE + ".txt").toString(),
                            "-o", tmp.resolve("y").toString());
            CliTest.Result r = bitext(args.toArray(String[]::new));
            assertEquals(2, r.code(), command);
            assertTrue(r.err().contains("--width must be 0 (no wrapping) or a number of columns, not -1"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("x")) || Files.exists(tmp.resolve("y")), "nothing written");
        CliTest.Result r = bitext("render", "--format", "text", "--width", "wide", tei.toString(), "-o", tmp.resolve("z").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'wide' is not an int"), r.err());
    }

    @Test
    void runWrapsItsTextOutputAndAChangedWidthRendersAgain() throws Exception {
        Path article = Corpus.DIR.resolve(TextBySentenceTest.REFERENCE + ".txt");
        Path out = tmp.resolve("out");
        CliTest.Result r = bitext("run", article.toString(), "-o", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Path text = out.resolve("text").resolve(TextBySentenceTest.REFERENCE + ".txt");
        assertTrue(widest(text) <= 80 && widest(text) > 70, "80 columns by default");
        byte[] source = Files.readAllBytes(out.resolve("source").resolve(TextBySentenceTest.REFERENCE + ".txt"));

        r = bitext("run", "--width", "50", article.toString(), "-o", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(widest(text) <= 50, "re-rendered at the new width, not skipped as up to date");
        String report = Files.readString(out.resolve("report.json"));
        assertTrue(report.contains("width 50"), "the width is one of the run's settings");
        assertTrue(java.util.Arrays.equals(source,
                Files.readAllBytes(out.resolve("source").resolve(TextBySentenceTest.REFERENCE + ".txt"))),
                "the source rendering does not depend on the width");
    }
}
