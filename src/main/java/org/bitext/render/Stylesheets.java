package org.bitext.render;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XsltCompiler;
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
        XsltCompiler compiler = Xml.processor().newXsltCompiler();
        // Saxon's own report would go to standard error: each error is kept, located, for the one message below
        List<String> errors = new ArrayList<>();
        compiler.setErrorReporter(e -> {
            if (!e.isWarning() && errors.size() < 5) {
                errors.add(located(e));
            }
        });
        try {
            return compiler.compile(new StreamSource(systemId));
        } catch (SaxonApiException e) {
            throw new IOException("the stylesheet " + name + " does not compile: "
                    + (errors.isEmpty() ? e.getMessage() : String.join("; ", errors))
                    + (folder == null ? "" : ". Correct it in " + folder + ", or leave out --xslt for the built-in "
                    + "stylesheets."), e);
        }
    }

    /** An error of a stylesheet as {@code FILE:LINE:COLUMN: CODE message}, the file as a path when it is one. */
    private static String located(net.sf.saxon.s9api.XmlProcessingError e) {
        net.sf.saxon.s9api.Location at = e.getLocation();
        while (at instanceof net.sf.saxon.expr.parser.XPathParser.NestedLocation n) {
            at = n.getContainingLocation(); // an XPath expression's own position: its attribute's is the useful one
        }
        String file = at == null || at.getSystemId() == null ? "" : at.getSystemId();
        if (file.startsWith("file:")) {
            try {
                file = Path.of(java.net.URI.create(file)).toString();
            } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException ignored) {
                // keep the URI
            }
        }
        String code = e.getErrorCode() == null ? "" : e.getErrorCode().getLocalName() + " ";
        return (file.isEmpty() ? "" : file + ":" + Math.max(0, at.getLineNumber()) + ":"
                + Math.max(0, at.getColumnNumber()) + ": ") + code + e.getMessage().replaceAll("\\s+", " ");
    }
}
