package org.bitext.render;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltExecutable;
import org.bitext.xml.Xml;

/**
 * Finds and compiles bitext's stylesheets: from a folder the user names (so that an output can be changed without
 * touching Java), or from those built into the jar ({@code xslt/} of the project).
 */
public final class Stylesheets {
    private static final String BUILTIN = "/org/bitext/xslt/";

    static {
        Wrap.register(Xml.processor()); // before any stylesheet is compiled: wrap.xsl looks for it at compile time
    }

    private Stylesheets() {
    }

    /**
     * Compiles one stylesheet, once; the result is shared by every thread.
     *
     * @param folder the folder holding the stylesheets, or {@code null} for the built-in ones
     * @param name   the file name, e.g. {@code html.xsl}
     */
    public static XsltExecutable compile(Path folder, String name) throws IOException {
        String systemId;
        if (folder != null) {
            Path file = folder.resolve(name);
            if (!Files.isReadable(file)) {
                throw new IOException("cannot read the stylesheet " + file);
            }
            systemId = file.toUri().toString();
        } else {
            URL url = Stylesheets.class.getResource(BUILTIN + name);
            if (url == null) {
                throw new IOException("missing stylesheet " + name + " (is the build complete?)");
            }
            systemId = url.toExternalForm();
        }
        try {
            return Xml.processor().newXsltCompiler().compile(new StreamSource(systemId));
        } catch (SaxonApiException e) {
            throw new IOException("the stylesheet " + name + " does not compile: " + e.getMessage(), e);
        }
    }
}
