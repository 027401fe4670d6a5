package org.bitext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of bitext. */
public final class Bitext {
    private static final String VERSION = loadVersion();

    private Bitext() {
    }

    /** The project version, as built. */
    public static String version() {
        return VERSION;
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
