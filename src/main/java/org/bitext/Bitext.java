package org.bitext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.bitext.batch.Hashes;

/** Facts about this build of bitext. */
public final class Bitext {
    private static final String VERSION = loadVersion();

    private Bitext() {
    }

    /** The project version, as built. */
    public static String version() {
        return VERSION;
    }

    /** The fingerprint of this build, made when first asked for. */
    private static final class Build {
        static final String FINGERPRINT = loadBuild();
    }

    /**
     * A fingerprint of this build of bitext: 12 hex digits of the SHA-256 of its own classes and resources (built-in
     * stylesheets and schemas), each by name, size and CRC-32, as the jar's directory records them (or the class
     * folder's files hold them). Two builds from the same source have the same one; a change of code or stylesheet
     * changes it, whatever the version says. A run's settings carry it, so that outputs made by another build are
     * made again rather than counted up to date. {@code "unknown"} when the code's location cannot be read.
     */
    public static String build() {
        return Build.FINGERPRINT;
    }

    private static String loadBuild() {
        try {
            Path where = Path.of(Bitext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return fingerprint(where);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The fingerprint of the {@code org/bitext/} entries of a jar or class folder (see {@link #build()}). */
    static String fingerprint(Path jarOrFolder) throws IOException {
        TreeMap<String, String> entries = new TreeMap<>();
        if (Files.isDirectory(jarOrFolder)) {
            Path own = jarOrFolder.resolve("org").resolve("bitext");
            try (Stream<Path> s = Files.walk(own)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entries.put(jarOrFolder.relativize(f).toString().replace('\\', '/'),
                            bytes.length + " " + Long.toHexString(crc.getValue()));
                }
            }
        } else {
            try (JarFile jar = new JarFile(jarOrFolder.toFile())) {
                jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith("org/bitext/"))
                        .forEach(e -> entries.put(e.getName(), e.getSize() + " " + Long.toHexString(e.getCrc())));
            }
        }
        StringBuilder all = new StringBuilder();
        entries.forEach((name, sum) -> all.append(name).append(' ').append(sum).append('\n'));
        return Hashes.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
    }

    private static String loadVersion() {
        try (InputStream in = Bitext.class.getResourceAsStream("bitext.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
