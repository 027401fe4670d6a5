package org.bitext.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bitext.Corpus;
import org.bitext.batch.Hashes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches: the report, skipping what is up to date, one bad input among good ones, fail-fast, leftovers. */
class BatchTest {
    @TempDir
    Path tmp;
    private Path in;
    private Path out;

    @BeforeEach
    void inputs() throws Exception {
        in = tmp.resolve("in");
        Files.createDirectories(in.resolve("sub"));
        Files.copy(Corpus.DIR.resolve("1960-06-05_taifeng_jingbao_dash_ranges.txt"), in.resolve("a.txt"));
        Files.copy(Corpus.DIR.resolve("1967-08-02_mao_yulu_quotation.txt"), in.resolve("sub/b.txt"));
        Files.writeString(in.resolve("c-bad.txt"), "Title: only a header\nAuthor:\nDate: 1960-06-05\nPage: 1\n");
        out = tmp.resolve("out");
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static JsonNode entry(JsonNode report, String suffix) {
        for (JsonNode e : report.get("inputs")) {
            if (e.get("input").asText().endsWith(suffix)) {
                return e;
            }
        }
        throw new AssertionError("no entry for " + suffix);
    }

    @Test
    void reportListsEveryInputWithItsOutputsAndTheirHashes() throws Exception {
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("c-bad.txt:4:1: error: no `<hr />` line"), r.err());
        JsonNode report = json(out.resolve("report.json"));
        assertEquals(2, report.get("summary").get("converted").asInt());
        assertEquals(1, report.get("summary").get("failed").asInt());
        JsonNode a = entry(report, "a.txt");
        assertEquals("converted", a.get("status").asText());
        assertEquals(Hashes.sha256(in.resolve("a.txt")), a.get("sha256").asText());
        assertEquals(4, a.get("outputs").size());
        for (JsonNode o : a.get("outputs")) {
            assertEquals(Hashes.sha256(out.resolve(o.get("path").asText())), o.get("sha256").asText());
        }
        assertTrue(entry(report, "b.txt").get("outputs").toString().contains("tei/sub/b.xml"));
        JsonNode bad = entry(report, "c-bad.txt");
        assertEquals("failed", bad.get("status").asText());
        assertTrue(bad.get("messages").get(0).asText().contains(":4:1: error:"));
        assertFalse(bad.has("outputs"));
        assertFalse(Files.exists(out.resolve("tei/c-bad.xml")));
        assertTrue(Files.readString(out.resolve("html/years/1967/08.html")).contains("href=\"../../sub/b.html\""));
    }

    @Test
    void rerunSkipsWhatIsUpToDateAndRedoesWhatChanged() throws Exception {
        assertEquals(1, CliTest.bitext("run", in.toString(), "-o", out.toString()).code());
        CliTest.Result again = CliTest.bitext("run", in.toString(), "-o", out.toString());
        assertTrue(again.err().contains("0 of 3 inputs, 2 unchanged (outputs up to date, skipped), 1 failed"), again.err());

        // a changed input is converted again, a damaged output is made again
        Files.writeString(in.resolve("a.txt"), Files.readString(in.resolve("a.txt")).replace("Typhoon Alert", "Typhoon Warning"));
        Files.writeString(out.resolve("text/sub/b.txt"), "damaged");
        CliTest.Result third = CliTest.bitext("run", in.toString(), "-o", out.toString());
        assertTrue(third.err().contains("2 of 3 inputs, 1 failed"), third.err());
        assertTrue(Files.readString(out.resolve("tei/a.xml")).contains("Typhoon Warning"));
        assertFalse(Files.readString(out.resolve("text/sub/b.txt")).equals("damaged"));
    }

    @Test
    void convertWritesItsReportAndSkipsToo() throws Exception {
        Files.delete(in.resolve("c-bad.txt"));
        CliTest.Result first = CliTest.bitext("convert", in.toString(), "-o", out.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("converted 2 of 2 inputs"), first.out());
        CliTest.Result second = CliTest.bitext("convert", in.toString(), "-o", out.toString());
        assertTrue(second.out().contains("converted 0 of 2 inputs, 2 unchanged"), second.out());
        assertEquals(2, json(out.resolve("report.json")).get("summary").get("unchanged").asInt());
    }

    @Test
    void failFastStopsStartingInputs() throws Exception {
        Files.move(in.resolve("c-bad.txt"), in.resolve("0-bad.txt"));
        CliTest.Result r = CliTest.bitext("run", in.toString(), "-o", out.toString(), "--fail-fast", "--jobs", "1");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("2 not run (--fail-fast, or stopped"), r.err());
        JsonNode report = json(out.resolve("report.json"));
        assertEquals("not-run", entry(report, "a.txt").get("status").asText());
        assertFalse(Files.exists(out.resolve("tei/a.xml")));
    }

    @Test
    void temporaryFilesOfAKilledRunAreRemoved() throws Exception {
        Files.createDirectories(out.resolve("tei"));
        Path stale = out.resolve("tei/.bitext-a.xml-123.tmp");
        Files.writeString(stale, "<TEI");
        CliTest.bitext("run", in.toString(), "-o", out.toString());
        assertFalse(Files.exists(stale));
    }

    @Test
    void outputsGetThePermissionsOfAnyNewFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        CliTest.bitext("run", in.toString(), "-o", out.toString());
        Path plain = Files.createFile(out.resolve("tei/plain-new-file"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out.resolve("tei/a.xml")));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out.resolve("report.json")));
    }

    @Test
    void encodingIsRecognisedOrNamed() throws Exception {
        Path gbk = tmp.resolve("gbk");
        Files.createDirectories(gbk);
        String text = Files.readString(Corpus.DIR.resolve("1960-06-05_taifeng_jingbao_dash_ranges.txt"));
        Files.write(gbk.resolve("a.txt"), text.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertEquals(0, CliTest.bitext("convert", gbk.toString(), "-o", tmp.resolve("auto").toString()).code());
        assertEquals(0, CliTest.bitext("convert", gbk.toString(), "-o", tmp.resolve("named").toString(),
                "--encoding", "GB18030").code());
        assertEquals(Files.readString(tmp.resolve("auto/a.xml")), Files.readString(tmp.resolve("named/a.xml")));
        CliTest.Result wrong = CliTest.bitext("convert", gbk.toString(), "-o", tmp.resolve("wrong").toString(),
                "--encoding", "UTF-8");
        assertEquals(1, wrong.code());
        assertTrue(wrong.err().contains("a.txt:") && wrong.err().contains("are not valid UTF-8"), wrong.err());
        assertFalse(Files.exists(tmp.resolve("wrong/a.xml")));
    }
}
