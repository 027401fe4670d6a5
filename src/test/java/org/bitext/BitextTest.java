package org.bitext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.bitext.pipeline.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's fingerprint, and what it does to a re-run. */
class BitextTest {
    @TempDir
    Path tmp;

    private static void write(Path root, String name, String content) throws Exception {
        Path f = root.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    /** A jar of a folder's files, as the build packs them. */
    private static Path jar(Path folder, Path jar) throws Exception {
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(folder.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theFingerprintFollowsBitextsOwnFilesAndNothingElse() throws Exception {
        Path a = tmp.resolve("a");
        write(a, "org/bitext/X.class", "code");
        write(a, "org/bitext/xslt/html.xsl", "<xsl:stylesheet/>");
        write(a, "net/other/Y.class", "a library");
        String fa = Bitext.fingerprint(a);
        assertTrue(fa.matches("[0-9a-f]{12}"), fa);
        assertEquals(fa, Bitext.fingerprint(a), "the same files, the same fingerprint");
        assertEquals(fa, Bitext.fingerprint(jar(a, tmp.resolve("a.jar"))), "the jar of those files, the same");

        write(a, "net/other/Y.class", "another library");
        assertEquals(fa, Bitext.fingerprint(a), "a library's files do not count");
        write(a, "org/bitext/xslt/html.xsl", "<xsl:stylesheet version='3.0'/>");
        assertNotEquals(fa, Bitext.fingerprint(a), "a changed stylesheet changes it");
        String fb = Bitext.fingerprint(a);
        write(a, "org/bitext/Z.class", "");
        assertNotEquals(fb, Bitext.fingerprint(a), "an added class changes it");
        assertTrue(Bitext.build().matches("[0-9a-f]{12}"), "this build's: " + Bitext.build());
    }

    /**
     * Outputs that another build of bitext made (the same version number, other code or stylesheets) are made again
     * by a re-run, not counted up to date; those this build made are.
     */
    @Test
    void aRunRemakesWhatAnotherBuildMade() throws Exception {
        Path out = tmp.resolve("out");
        Pipeline.Options o = Pipeline.Options.defaults().withJobs(2, false, null);
        Pipeline.run(Corpus.DIR, out, o);
        Pipeline.Summary same = Pipeline.run(Corpus.DIR, out, o);
        assertEquals(12, same.total());
        assertEquals(12L, same.counts().get(org.bitext.batch.Status.UNCHANGED), same.counts().toString());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("catalog.sqlite"))) {
            int n = c.createStatement().executeUpdate(
                    "UPDATE articles SET settings = replace(settings, '" + Bitext.build() + "', '000000000000')");
            assertEquals(12, n);
        }
        Pipeline.Summary other = Pipeline.run(Corpus.DIR, out, o);
        assertEquals(12L, other.counts().get(org.bitext.batch.Status.CONVERTED), other.counts().toString());
        assertEquals(null, other.counts().get(org.bitext.batch.Status.UNCHANGED));
        assertTrue(Files.readString(out.resolve("report.json")).contains("(build " + Bitext.build() + ")"),
                "the report names the build");
    }
}
