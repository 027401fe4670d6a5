package org.bitext.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The one place where XML from outside is parsed: DTDs are not loaded, external entities are not resolved and
 * entity expansion is bounded (JAXP secure processing), so neither XXE nor entity bombs get through. Also holds the
 * process-wide Saxon {@link Processor}, shared by every stage and thread.
 */
public final class Xml {
    private static final Processor PROCESSOR = new Processor(false);
    private static final SAXParserFactory FACTORY = secureFactory();

    private Xml() {
    }

    /** The shared Saxon-HE processor. */
    public static Processor processor() {
        return PROCESSOR;
    }

    /** A new namespace-aware SAX parser with DTD loading and external entities off. */
    public static XMLReader secureReader() {
        try {
            return FACTORY.newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    /** A SAX source for the stream, read by a secure parser. */
    public static SAXSource secureSource(InputStream in, String systemId) {
        InputSource is = new InputSource(in);
        is.setSystemId(systemId);
        return new SAXSource(secureReader(), is);
    }

    /** Parses a file into a Saxon tree with line numbers, securely. */
    public static XdmNode parse(Path file) throws IOException, SaxonApiException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toUri().toString());
        }
    }

    /** Parses a stream into a Saxon tree with line numbers, securely. */
    public static XdmNode parse(InputStream in, String systemId) throws SaxonApiException {
        DocumentBuilder builder = PROCESSOR.newDocumentBuilder();
        builder.setLineNumbering(true);
        return builder.build(secureSource(in, systemId));
    }

    private static SAXParserFactory secureFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }
}
