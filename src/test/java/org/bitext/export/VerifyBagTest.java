package org.bitext.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bitext.cli.ExportCommand;
import org.bitext.cli.VerifyCommand;
import org.bitext.export.bag.BagChecker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bitext verify}: a sound bag passes, and each kind of damage is reported by path. */
class VerifyBagTest {
    private static final String TEI = "data/tei/1960-06-14_suzhou_ganbu_reference_example.xml";
    private static final String HTML = "data/html/1946-05-15_xinhua_shudian_named_entities.html";

    @TempDir
    static Path shared;
    static Path pristine;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
        List<String> errors() {
            return err.lines().filter(l -> l.contains(": error: ")).toList();
        }
    }

    @BeforeAll
    static void bagTheCorpus() throws Exception {
        Path out = BagExportTest.corpusOutput();
        pristine = shared.resolve("bag");
        CommandLine cl = new CommandLine(new ExportCommand());
        assertEquals(0, cl.execute("bagit", out.toString(), "-o", pristine.toString(), "--quiet"));
    }

    static Result verify(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new VerifyCommand());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new Result(code, o.toString(), e.toString().replace("\r\n", "\n"));
    }

    /** A fresh copy of the bag, to damage. */
    Path copy(String name) throws Exception {
        Path to = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(pristine)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(pristine.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    static void alterOneByte(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        b[b.length / 2] ^= 0x20;
        Files.write(file, b);
    }

    @Test
    void theExportedBagIsValid() {
        Result r = verify(pristine.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(pristine + ": valid — 58 payload files, " + sizeOfPayload() + " bytes, manifest-sha512.txt; "
                + "bagit-java: complete and valid", r.out().strip());
    }

    @Test
    void anAlteredPayloadFileIsReportedByPath() throws Exception {
        Path bag = copy("altered");
        alterOneByte(bag.resolve(TEI));
        Result r = verify(bag.toString());
        assertEquals(1, r.code());
        assertEquals(List.of(bag + "/" + TEI + ": error: altered — SHA-512 differs from manifest-sha512.txt"),
                r.errors());
        assertTrue(r.err().endsWith(bag + ": not valid — 1 problem\n"), r.err());
        assertLibraryRefuses(bag);
    }

    @Test
    void aMissingPayloadFileIsReportedByPath() throws Exception {
        Path bag = copy("missing");
        Files.delete(bag.resolve(HTML));
        Result r = verify(bag.toString());
        assertEquals(1, r.code());
        assertTrue(r.errors().contains(bag + "/" + HTML + ": error: missing — listed in manifest-sha512.txt but not "
                + "in the bag"), r.err());
        // one file fewer than bag-info.txt says: Payload-Oxum no longer matches either
        assertEquals(2, r.errors().size(), r.err());
        assertTrue(r.errors().get(0).startsWith(bag + "/bag-info.txt: error: Payload-Oxum "), r.err());
        assertLibraryRefuses(bag);
    }

    @Test
    void anExtraPayloadFileIsReportedByPath() throws Exception {
        Path bag = copy("extra");
        Files.writeString(bag.resolve("data/tei/notes.txt"), "not in the manifest");
        Files.writeString(bag.resolve("data/.DS_Store"), "hidden, still extra");
        Result r = verify(bag.toString());
        assertEquals(1, r.code());
        List<String> e = r.errors();
        assertTrue(e.contains(bag + "/data/tei/notes.txt: error: extra — in data/ but not listed in "
                + "manifest-sha512.txt"), r.err());
        assertTrue(e.contains(bag + "/data/.DS_Store: error: extra — in data/ but not listed in manifest-sha512.txt"),
                r.err());
        assertLibraryRefuses(bag);
    }

    @Test
    void anEditedBagInfoIsCaughtByTheTagManifest() throws Exception {
        Path bag = copy("tags");
        Path info = bag.resolve("bag-info.txt");
        Files.writeString(info, Files.readString(info).replace("Source-Organization: bitext", "Source-Organization: x"));
        Result r = verify(bag.toString());
        assertEquals(1, r.code());
        assertEquals(List.of(bag + "/bag-info.txt: error: altered — SHA-512 differs from tagmanifest-sha512.txt"),
                r.errors());
        assertLibraryRefuses(bag);
    }

    @Test
    void everyProblemOfABadlyDamagedBagIsReportedNotJustTheFirst() throws Exception {
        Path bag = copy("all");
        alterOneByte(bag.resolve(TEI));
        alterOneByte(bag.resolve("data/report.json"));
        Files.delete(bag.resolve(HTML));
        Files.writeString(bag.resolve("data/extra.txt"), "x");
        Path info = bag.resolve("bag-info.txt");
        Files.writeString(info, Files.readString(info) + "Contact-Name: someone\n");
        Files.delete(bag.resolve("data/source/1967-08-02_mao_yulu_quotation.txt"));
        Result r = verify(bag.toString());
        assertEquals(1, r.code());
        List<String> paths = r.errors().stream().map(l -> l.substring(0, l.indexOf(": error: "))).toList();
        assertEquals(List.of(bag + "/bag-info.txt", bag + "/bag-info.txt", bag + "/data/extra.txt", bag + "/" + HTML,
                bag + "/data/report.json", bag + "/data/source/1967-08-02_mao_yulu_quotation.txt", bag + "/" + TEI),
                paths, r.err());
        assertTrue(r.err().endsWith(": not valid — 7 problems\n"), r.err());
    }

    @Test
    void aFolderThatIsNoBagAndOneThatDoesNotExist() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Result r = verify(plain.toString());
        assertEquals(1, r.code());
        assertEquals(List.of(plain + "/bagit.txt: error: missing — not a BagIt bag: RFC 8493 requires bagit.txt"),
                r.errors());

        Result none = verify(tmp.resolve("none").toString());
        assertEquals(2, none.code());
        assertEquals("bitext: error: cannot read the bag " + tmp.resolve("none") + ": no such folder\n", none.err());
    }

    @Test
    void aBagMadeByBagitJavaItselfVerifies() throws Exception {
        Path dir = tmp.resolve("foreign");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("sub/b.txt"), "bé");
        BagCreator.bagInPlace(dir, List.of(StandardSupportedAlgorithms.SHA256, StandardSupportedAlgorithms.MD5), true);
        Result r = verify(dir.toString(), "--jobs", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 payload files, 4 bytes, manifest-md5.txt, manifest-sha256.txt"), r.out());

        Files.writeString(dir.resolve("data/a.txt"), "A");
        assertEquals(List.of(dir + "/data/a.txt: error: altered — MD5 differs from manifest-md5.txt",
                dir + "/data/a.txt: error: altered — SHA-256 differs from manifest-sha256.txt"),
                verify(dir.toString()).errors());
    }

    @Test
    void theCheckerIsUsableWithoutTheCommandLine() throws Exception {
        BagChecker.Result ok = BagChecker.check(pristine, 1);
        assertTrue(ok.valid());
        assertEquals(58, ok.files());
        Path bag = copy("api");
        Files.delete(bag.resolve(TEI));
        BagChecker.Result bad = BagChecker.check(bag, 1);
        assertTrue(bad.problems().contains(new BagChecker.Problem(TEI,
                "missing — listed in manifest-sha512.txt but not in the bag")), bad.toString());
    }

    private static long sizeOfPayload() {
        try (Stream<Path> s = Files.walk(pristine.resolve("data"))) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** bagit-java agrees that the bag is not valid (it names the first problem only). */
    private static void assertLibraryRefuses(Path bag) {
        assertThrows(Exception.class, () -> {
            try (BagVerifier v = new BagVerifier()) {
                v.isValid(new BagReader().read(bag), false);
            }
        });
        assertTrue(Arrays.asList(bag.toFile().list()).contains("bagit.txt"));
    }
}
