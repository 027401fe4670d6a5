package org.bitext.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.bitext.cli.Main;
import org.bitext.xml.Xml;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Shared by the crosswalk and OAI-PMH tests: the corpus run once into a temporary output folder; the official
 * schemas (OAI-PMH, oai_dc with simple DC, METS with its XLink), read from the test class path and never fetched;
 * XPath with the namespaces of the outputs.
 *
 * <p>The schemas come from two Maven Central artifacts (test scope): {@code org.javastro.ivoa:ivoa-schema} ships
 * {@code schema/OAI-PMH.xsd}, {@code schema/oai_dc.xsd}, {@code schema/simpledc20021212.xsd} and
 * {@code schema/xml.xsd}; {@code org.mycore.mets:mets-model} ships {@code xsd/mets.xsd} (METS 1.10, Library of
 * Congress) with the XLink schema it imports, {@code xsd/xlink-loc.xsd}.
 */
final class CrosswalkFixtures {
    static final Map<String, String> NS = Map.of(
            "oai", "http://www.openarchives.org/OAI/2.0/",
            "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
            "dc", "http://purl.org/dc/elements/1.1/",
            "mets", "http://www.loc.gov/METS/",
            "xlink", "http://www.w3.org/1999/xlink",
            "tei", "http://www.tei-c.org/ns/1.0");

    private static final String MISSING = "the official schemas are not on the test class path: add the test "
            + "dependencies org.javastro.ivoa:ivoa-schema:0.9.9 (OAI-PMH.xsd, oai_dc.xsd) and "
            + "org.mycore.mets:mets-model:0.11 (mets.xsd), each with <exclusions><exclusion><groupId>*</groupId>"
            + "<artifactId>*</artifactId></exclusion></exclusions>";

    /** Schema locations a schema imports by absolute URL → the copy on the class path. */
    private static final Map<String, String> KNOWN = Map.of(
            "http://www.loc.gov/standards/xlink/xlink.xsd", "/xsd/xlink-loc.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "/schema/xml.xsd",
            "http://www.w3.org/2001/xml.xsd", "/schema/xml.xsd",
            "http://dublincore.org/schemas/xmls/simpledc20021212.xsd", "/schema/simpledc20021212.xsd");

    private static Path output;
    private static Schema oaiDc;
    private static Schema mets;
    private static Schema oaiPmh;

    private CrosswalkFixtures() {
    }

    /** The corpus converted by {@code bitext run} into a temporary folder, once per test JVM. */
    static synchronized Path runOutput() {
        if (output == null) {
            try {
                Path dir = Files.createTempDirectory("bitext-crosswalk");
                assertEquals(0, Main.execute("run", "corpus", "-o", dir.toString(), "--quiet"));
                output = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return output;
    }

    /** The TEI files of the run, relative paths ({@code tei/NAME.xml}), sorted. */
    static List<String> teiPaths() {
        Path out = runOutput();
        try (Stream<Path> s = Files.walk(out.resolve("tei"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted()
                    .map(p -> out.relativize(p).toString().replace('\\', '/')).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XdmNode parse(byte[] xml) {
        try {
            return Xml.parse(new ByteArrayInputStream(xml), "memory:");
        } catch (SaxonApiException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + new String(xml,
                    java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    static XdmNode parse(Path file) {
        try {
            return Xml.parse(file);
        } catch (IOException | SaxonApiException e) {
            throw new AssertionError(e);
        }
    }

    static XdmValue xpath(XdmNode context, String expression) {
        XPathCompiler c = Xml.processor().newXPathCompiler();
        NS.forEach(c::declareNamespace);
        try {
            var sel = c.compile(expression).load();
            sel.setContextItem(context);
            return sel.evaluate();
        } catch (SaxonApiException e) {
            throw new AssertionError(expression + ": " + e.getMessage(), e);
        }
    }

    static String string(XdmNode context, String expression) {
        XdmValue v = xpath(context, "string((" + expression + ")[1])");
        return v.itemAt(0).getStringValue();
    }

    static List<String> strings(XdmNode context, String expression) {
        List<String> out = new ArrayList<>();
        xpath(context, expression).forEach(i -> out.add(i.getStringValue()));
        return out;
    }

    /** oai_dc.xsd (with simple DC and xml.xsd). */
    static synchronized Schema oaiDcSchema() {
        if (oaiDc == null) {
            oaiDc = schema("/schema/oai_dc.xsd");
        }
        return oaiDc;
    }

    /** mets.xsd, with oai_dc.xsd so that the DC inside xmlData is checked too. */
    static synchronized Schema metsSchema() {
        if (mets == null) {
            mets = schema("/xsd/mets.xsd", "/schema/oai_dc.xsd");
        }
        return mets;
    }

    /** OAI-PMH.xsd, with oai_dc.xsd and mets.xsd for the records (a tei record cannot be checked: no TEI XSD). */
    static synchronized Schema oaiPmhSchema() {
        if (oaiPmh == null) {
            oaiPmh = schema("/schema/OAI-PMH.xsd", "/schema/oai_dc.xsd", "/xsd/mets.xsd");
        }
        return oaiPmh;
    }

    /** Validates and fails with every error found. */
    static void assertValid(Schema schema, byte[] xml, String what) {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.setResourceResolver(RESOLVER);
            v.setErrorHandler(collect(errors));
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            fail(what + " is not valid:\n  " + String.join("\n  ", errors) + "\n"
                    + new String(xml, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Schema schema(String... resources) {
        List<Source> sources = new ArrayList<>();
        for (String r : resources) {
            URL url = CrosswalkFixtures.class.getResource(r);
            if (url == null) {
                fail(MISSING + " (" + r + " not found)");
            }
            try {
                sources.add(new StreamSource(new ByteArrayInputStream(withoutDoctype(url)), url.toExternalForm()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setResourceResolver(RESOLVER);
            List<String> errors = new ArrayList<>();
            f.setErrorHandler(collect(errors));
            Schema s = f.newSchema(sources.toArray(Source[]::new));
            if (!errors.isEmpty()) {
                fail("the schemas " + List.of(resources) + " do not load: " + errors);
            }
            return s;
        } catch (SAXException e) {
            throw new AssertionError("the schemas " + List.of(resources) + " do not load: " + e.getMessage(), e);
        }
    }

    private static final DOMImplementationLS LS = domLs();

    private static DOMImplementationLS domLs() {
        try {
            return (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Resolves every schema import from the class path and refuses anything else: nothing is fetched.
     */
    private static final LSResourceResolver RESOLVER = (type, namespace, publicId, systemId, baseUri) -> {
        LSInput in = LS.createLSInput();
        in.setPublicId(publicId);
        in.setSystemId(systemId);
        try {
            URL url;
            if (systemId != null && KNOWN.containsKey(systemId)) {
                url = CrosswalkFixtures.class.getResource(KNOWN.get(systemId));
            } else if (systemId != null && baseUri != null) {
                url = new URL(new URL(baseUri), systemId);
                if (!url.getProtocol().equals("jar") && !url.getProtocol().equals("file")) {
                    url = null;
                }
            } else {
                url = null;
            }
            if (url == null) {
                throw new IllegalStateException("refused to fetch " + systemId + " (from " + baseUri + ")");
            }
            in.setByteStream(new ByteArrayInputStream(withoutDoctype(url)));
            in.setSystemId(url.toExternalForm());
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };

    /**
     * A schema document's bytes without its document type declaration: xml.xsd names XMLSchema.dtd, the DTD of the
     * schema language itself, which is neither needed nor fetched.
     */
    private static byte[] withoutDoctype(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return s.replaceFirst("<!DOCTYPE[^>\\[]*(\\[[^\\]]*\\])?\\s*>", "")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static ErrorHandler collect(List<String> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                errors.add("warning: " + e.getSystemId() + ":" + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
        };
    }
}
