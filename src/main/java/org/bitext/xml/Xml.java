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
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * The one place where XML from outside is parsed: DTDs are not loaded, external entities are not resolved and
 * entity expansion is bounded (JAXP secure processing), so neither XXE nor entity bombs get through. Also holds the
 * process-wide Saxon {@link Processor}, shared by every stage and thread.
 */
public final class Xml {
    /** Made when first asked for: {@code validate} reads XML without it, and making it takes a fifth of a second. */
    private static final class Shared {
        static final Processor PROCESSOR = quietProcessor();
    }

    private static final SAXParserFactory FACTORY = secureFactory();

    private Xml() {
    }

    /** The shared Saxon-HE processor. */
    public static Processor processor() {
        return Shared.PROCESSOR;
    }

    /**
     * A new namespace-aware SAX parser with DTD loading and external entities off. An entity it therefore does not
     * load is an error at its place, not a silent gap in the text.
     */
    public static XMLReader secureReader() {
        try {
            XMLReader parser = FACTORY.newSAXParser().getXMLReader();
            limitEntityExpansion(parser);
            return new NoSkippedEntities(parser);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    /**
     * Entity expansions allowed per document: enough for the character entities a hand-made internal subset
     * declares, far too few for an expansion bomb, which is then refused at once. The JDK's own limit is 64,000.
     */
    static final int ENTITY_EXPANSION_LIMIT = 2000;

    private static void limitEntityExpansion(XMLReader parser) {
        for (String property : new String[] {"jdk.xml.entityExpansionLimit",
                "http://www.oracle.com/xml/jaxp/properties/entityExpansionLimit"}) {
            try {
                parser.setProperty(property, String.valueOf(ENTITY_EXPANSION_LIMIT));
                return;
            } catch (SAXException e) {
                // not this parser's name for it: try the next; secure processing keeps the JDK's limit anyway
            }
        }
    }

    /** Turns the parser's report of an entity it did not load into a located fatal error. */
    private static final class NoSkippedEntities extends XMLFilterImpl {
        private Locator locator;

        NoSkippedEntities(XMLReader parent) {
            super(parent);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
            super.setDocumentLocator(locator);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            SAXParseException e = new SAXParseException("the entity &" + name + "; was not loaded: bitext reads no "
                    + "external entities or DTDs (a safety measure); replace the reference by the text it stands for",
                    locator);
            if (getErrorHandler() != null) {
                getErrorHandler().fatalError(e);
            }
            throw e;
        }
    }

    /** A SAX source for the stream, read by a secure parser. */
    public static SAXSource secureSource(InputStream in, String systemId) {
        return secureSource(secureReader(), in, systemId);
    }

    private static SAXSource secureSource(XMLReader reader, InputStream in, String systemId) {
        InputSource is = new InputSource(in);
        is.setSystemId(systemId);
        return new SAXSource(reader, is);
    }

    /** Each thread's parser for {@link #parse}, reused: making one costs a good part of a parse. */
    private static final ThreadLocal<Reusable> READERS = ThreadLocal.withInitial(Reusable::new);

    private static final class Reusable {
        final XMLReader reader = secureReader();
        boolean busy;
    }

    /** Parses a file into a Saxon tree with line numbers, securely. */
    public static XdmNode parse(Path file) throws IOException, SaxonApiException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toUri().toString());
        }
    }

    /** Parses a stream into a Saxon tree with line numbers, securely. */
    public static XdmNode parse(InputStream in, String systemId) throws SaxonApiException {
        DocumentBuilder builder = processor().newDocumentBuilder();
        builder.setLineNumbering(true);
        Reusable r = READERS.get();
        if (r.busy) { // a parse started while this thread's parser is in use: a parser of its own
            return builder.build(secureSource(in, systemId));
        }
        r.busy = true;
        // Saxon gives a parser without an error handler one of its own, which counts errors and fails the build
        // when there are any: a new one per document, or the errors of earlier documents would count too
        r.reader.setErrorHandler(null);
        try {
            return builder.build(secureSource(r.reader, in, systemId));
        } finally {
            r.busy = false;
        }
    }

    /** Saxon-HE whose errors reach the caller as exceptions only, never printed by Saxon itself. */
    private static Processor quietProcessor() {
        Processor p = new Processor(false);
        p.getUnderlyingConfiguration().setErrorReporterFactory(config -> error -> { });
        return p;
    }

    /**
     * Where a parse failed and why.
     *
     * @param line    one-based line, 0 when unknown
     * @param column  one-based column, 0 when unknown
     * @param message the parser's message, without Saxon's error-code prefix
     */
    public record ParseFailure(int line, int column, String message) {
        /** {@code FILE:LINE:COLUMN: SEVERITY: MESSAGE}, the form of every located message of bitext. */
        public String at(String file, String severity) {
            return file + ":" + line + ":" + column + ": " + severity + ": " + message;
        }
    }

    /** Where a parse failure happened and what it was. */
    public static ParseFailure describe(SaxonApiException e) {
        int line = Math.max(e.getLineNumber(), 0);
        int column = 0;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException p) {
                return new ParseFailure(Math.max(p.getLineNumber(), 0), Math.max(p.getColumnNumber(), 0), p.getMessage());
            }
            if (t instanceof net.sf.saxon.trans.XPathException x && x.getLocator() != null) {
                line = Math.max(x.getLocator().getLineNumber(), 0);
                column = Math.max(x.getLocator().getColumnNumber(), 0);
            }
        }
        String message = String.valueOf(e.getMessage()).replaceFirst("^SXXP0003\\s+Error reported by XML parser:\\s*", "");
        return new ParseFailure(line, column, message);
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
