package org.bitext.validate;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.SchemaReader;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import com.thaiopensource.validate.auto.AutoSchemaReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.bitext.xml.Xml;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.Locator;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates TEI documents against a RELAX NG schema (Jing) and, optionally, the Schematron rules of
 * {@code bitext.sch}: checked in one pass in Java ({@link #builtin}), or run by SchXslt on Saxon-HE, the reference
 * ({@link #builtinReference}); both give the same findings. Everything is compiled once, when the validator is made;
 * {@link #validate} is thread-safe and reports every problem with its line and column, Schematron findings included.
 */
public final class TeiValidator {
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final String SCHXSLT_PIPELINE = "/xslt/2.0/pipeline-for-svrl.xsl";
    private static final String BUILTIN = "/org/bitext/schemas/";
    /** Documents are validated from memory; they load nothing relative to themselves. */
    private static final String SYSTEM_ID = "urn:bitext:document";

    /** Errors reported per document before its validation stops (one wrong element can cause thousands). */
    static final int MAX_PROBLEMS = 100;

    /** What SchXslt's report is read with; made when first used, so that the Java rules start without Saxon. */
    private static final class Svrl {
        static final XPathExecutable FINDINGS = svrl("//svrl:failed-assert | //svrl:successful-report");
        static final XPathExecutable FINDING_TEXT = svrl("normalize-space(string-join(svrl:text, ' '))");
    }

    private final Schema rng;
    /** How bitext.sch is checked: not at all (RELAX NG only), in Java, or by SchXslt. */
    private enum Rules { NONE, JAVA, SCHXSLT }

    private final Rules rules;
    private final XsltExecutable schematron; // the SchXslt-compiled rules, for Rules.SCHXSLT
    /** One Jing validator per thread, reset between documents: making one per document costs as much as using it. */
    private final ThreadLocal<ReusableJing> jing = ThreadLocal.withInitial(() -> new ReusableJing());

    /** A Jing validator whose error handler is switched to each document's list of problems. */
    private final class ReusableJing {
        ErrorHandler target;
        final Validator validator;
        /** The thread's parser, reused from document to document (making one costs about as much as a parse). */
        final XMLReader reader = Xml.secureReader();

        ReusableJing() {
            PropertyMapBuilder props = new PropertyMapBuilder();
            props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
                @Override public void warning(SAXParseException e) throws SAXException {
                    target.warning(e);
                }

                @Override public void error(SAXParseException e) throws SAXException {
                    target.error(e);
                }

                @Override public void fatalError(SAXParseException e) throws SAXException {
                    target.fatalError(e);
                }
            });
            validator = rng.createValidator(props.toPropertyMap());
        }
    }

    private TeiValidator(Schema rng, Rules rules, XsltExecutable schematron) {
        this.rng = rng;
        this.rules = rules;
        this.schematron = schematron;
    }

    /**
     * The project's own schema: {@code bitext.rng} (Jing) and the rules of {@code bitext.sch}, checked in one pass in
     * Java ({@code BitextRules}), which gives SchXslt's findings several times faster.
     */
    public static TeiValidator builtin() throws IOException {
        return new TeiValidator(builtinRng(), Rules.JAVA, null);
    }

    /**
     * The project's own schema with {@code bitext.sch} run by SchXslt, the reference Schematron implementation: the
     * same findings as {@link #builtin()}, more slowly (and about a second more to start).
     */
    public static TeiValidator builtinReference() throws IOException {
        return new TeiValidator(builtinRng(), Rules.SCHXSLT, compileSchematron(resource(BUILTIN + "bitext.sch")));
    }

    private static Schema builtinRng() throws IOException {
        return loadRng(new InputSource(resource(BUILTIN + "bitext.rng").toExternalForm()));
    }

    /** Another RELAX NG schema (XML or compact syntax), without Schematron, for example the official tei_all. */
    public static TeiValidator relaxNg(Path schema) throws IOException {
        if (!Files.isReadable(schema)) {
            throw new IOException("cannot read the schema " + schema);
        }
        return new TeiValidator(loadRng(new InputSource(schema.toUri().toString())), Rules.NONE, null);
    }

    /** Validates one file; an empty list means valid. */
    public List<Problem> validate(Path file, String displayName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(new Problem(displayName, 0, 0, "xml", null, "cannot read: " + e.getMessage()));
        }
        return validate(bytes, displayName);
    }

    /**
     * Validates a document held in memory; an empty list means valid. It is parsed once (securely, with line
     * numbers): the parser's events go to Jing and, at the same time, into what the rules read (a {@link RuleDoc},
     * or a Saxon tree for SchXslt). A document that is not well-formed gets that one located error and no further
     * checks.
     */
    public List<Problem> validate(byte[] xml, String displayName) {
        List<Problem> problems = new ArrayList<>();
        ReusableJing j = jing.get();
        j.target = errorsInto(problems, displayName);
        try {
            // what the rules read: in Java, a compact record of the document; by SchXslt, a Saxon tree
            RuleDoc record = rules == Rules.JAVA ? new RuleDoc() : null;
            BuildingContentHandler tree = null;
            if (rules == Rules.SCHXSLT) {
                DocumentBuilder builder = Xml.processor().newDocumentBuilder();
                builder.setLineNumbering(true);
                tree = builder.newBuildingContentHandler();
            }
            Tee tee = new Tee(j.validator.getContentHandler(), record != null ? record
                    : tree != null ? tree : new org.xml.sax.helpers.DefaultHandler());
            XMLReader reader = j.reader;
            reader.setContentHandler(tee);
            reader.setProperty("http://xml.org/sax/properties/lexical-handler", tee);
            InputSource in = new InputSource(new ByteArrayInputStream(xml));
            in.setSystemId(SYSTEM_ID);
            reader.parse(in);
            if (record != null) {
                findings(record, displayName, problems);
            } else if (tree != null) {
                schxsltFindings(tree.getDocumentNode(), displayName, problems);
            }
        } catch (SAXParseException e) {
            return List.of(new Problem(displayName, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0),
                    "xml", null, notWellFormed(e.getMessage())));
        } catch (SAXException | IOException | SaxonApiException e) {
            Xml.ParseFailure f = e instanceof SaxonApiException x ? Xml.describe(x) : new Xml.ParseFailure(0, 0,
                    e.getMessage());
            return List.of(new Problem(displayName, f.line(), f.column(), "xml", null, notWellFormed(f.message())));
        } finally {
            j.validator.reset();
            j.target = null;
            j.reader.setContentHandler(null);
            try {
                j.reader.setProperty("http://xml.org/sax/properties/lexical-handler", null);
            } catch (SAXException e) {
                // the parser keeps its last lexical handler: it is replaced before the next parse anyway
            }
        }
        return problems;
    }

    /**
     * Sends the parser's events to Jing and to what the rules read (comments too, which end text nodes). Once Jing
     * has given up on a document (too many errors), the rest is still read, so that the rules see the whole document.
     * An error Jing finds at an end tag (an element incomplete) is placed at the last start tag before it, as when
     * Jing reads events from a tree (which has no end tags), so that {@code validate} and {@code run} report it at
     * the same place.
     */
    private static final class Tee implements ContentHandler, Locator, LexicalHandler {
        private final ContentHandler jing;
        private final ContentHandler tree;
        private boolean jingDone;
        private Locator parser;
        /** Line and column of the last start tag, given to Jing while it sees an end tag. */
        private int startLine = -1;
        private int startColumn = -1;
        private int endLine = -1;
        private int endColumn = -1;

        Tee(ContentHandler jing, ContentHandler tree) {
            this.jing = jing;
            this.tree = tree;
        }

        private interface Event {
            void to(ContentHandler h) throws SAXException;
        }

        private void both(Event e) throws SAXException {
            if (!jingDone) {
                try {
                    e.to(jing);
                } catch (TooManyErrors stop) {
                    jingDone = true;
                }
            }
            e.to(tree);
        }

        @Override public void setDocumentLocator(Locator locator) {
            parser = locator;
            jing.setDocumentLocator(this);
            tree.setDocumentLocator(locator);
        }

        @Override public String getPublicId() {
            return parser.getPublicId();
        }

        @Override public String getSystemId() {
            return parser.getSystemId();
        }

        @Override public int getLineNumber() {
            return endLine >= 0 ? endLine : parser.getLineNumber();
        }

        @Override public int getColumnNumber() {
            return endLine >= 0 ? endColumn : parser.getColumnNumber();
        }

        @Override public void startDocument() throws SAXException {
            both(ContentHandler::startDocument);
        }

        @Override public void endDocument() throws SAXException {
            both(ContentHandler::endDocument);
        }

        @Override public void startPrefixMapping(String prefix, String uri) throws SAXException {
            both(h -> h.startPrefixMapping(prefix, uri));
        }

        @Override public void endPrefixMapping(String prefix) throws SAXException {
            both(h -> h.endPrefixMapping(prefix));
        }

        @Override public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            if (parser != null) {
                startLine = parser.getLineNumber();
                startColumn = parser.getColumnNumber();
            }
            both(h -> h.startElement(uri, local, qName, atts));
        }

        @Override public void endElement(String uri, String local, String qName) throws SAXException {
            endLine = startLine;
            endColumn = startColumn;
            try {
                both(h -> h.endElement(uri, local, qName));
            } finally {
                endLine = -1;
            }
        }

        @Override public void characters(char[] ch, int start, int length) throws SAXException {
            both(h -> h.characters(ch, start, length));
        }

        @Override public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            both(h -> h.ignorableWhitespace(ch, start, length));
        }

        @Override public void processingInstruction(String target, String data) throws SAXException {
            both(h -> h.processingInstruction(target, data));
        }

        @Override public void skippedEntity(String name) throws SAXException {
            both(h -> h.skippedEntity(name));
        }

        @Override public void comment(char[] ch, int start, int length) throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.comment(ch, start, length);
            }
        }

        @Override public void startDTD(String name, String publicId, String systemId) throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.startDTD(name, publicId, systemId);
            }
        }

        @Override public void endDTD() throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.endDTD();
            }
        }

        @Override public void startEntity(String name) throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.startEntity(name);
            }
        }

        @Override public void endEntity(String name) throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.endEntity(name);
            }
        }

        @Override public void startCDATA() throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.startCDATA();
            }
        }

        @Override public void endCDATA() throws SAXException {
            if (tree instanceof LexicalHandler l) {
                l.endCDATA();
            }
        }
    }

    /**
     * Validates a document already parsed (with line numbers): Jing reads it as SAX events from the tree and the
     * Schematron runs on the same tree, so the document is not parsed again; findings carry the line and column of
     * their element.
     */
    public List<Problem> validate(XdmNode doc, String displayName) {
        List<Problem> problems = new ArrayList<>();
        ReusableJing j = jing.get();
        j.target = errorsInto(problems, displayName);
        RuleDoc record = rules == Rules.JAVA ? new RuleDoc() : null;
        try {
            Xml.processor().writeXdmValue(doc, new SAXDestination(record == null ? j.validator.getContentHandler()
                    : new Tee(j.validator.getContentHandler(), record)));
        } catch (SaxonApiException e) {
            if (!(e.getCause() instanceof TooManyErrors)) {
                problems.add(new Problem(displayName, 0, 0, "rng", null, "validation failed: " + e.getMessage()));
            }
        } finally {
            j.validator.reset();
            j.target = null;
        }
        if (record != null) {
            findings(record, displayName, problems);
        } else if (rules == Rules.SCHXSLT) {
            schxsltFindings(doc, displayName, problems);
        }
        return problems;
    }

    /** Reports grammar errors into the list: repeats at one place once, and at most {@link #MAX_PROBLEMS}. */
    private static ErrorHandler errorsInto(List<Problem> problems, String name) {
        return new ErrorHandler() {
            @Override public void warning(SAXParseException e) {
            }

            @Override public void error(SAXParseException e) throws SAXException {
                if (!problems.isEmpty()) {
                    Problem last = problems.get(problems.size() - 1);
                    if (last.line() == e.getLineNumber() && last.column() == e.getColumnNumber()
                            && last.message().equals(e.getMessage())) {
                        return; // the same error again at the same place (text split into chunks)
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    problems.add(new Problem(name, e.getLineNumber(), e.getColumnNumber(), "rng", null,
                            "more than " + MAX_PROBLEMS + " errors; validation of this document stops here"));
                    throw new TooManyErrors();
                }
                problems.add(new Problem(name, e.getLineNumber(), e.getColumnNumber(), "rng", null, e.getMessage()));
            }

            @Override public void fatalError(SAXParseException e) throws SAXException {
                error(e);
            }
        };
    }

    /** Stops a document's validation once it has given {@link #MAX_PROBLEMS} errors. */
    private static final class TooManyErrors extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    /** The parser's message; an entity refused for safety is not a well-formedness error and says so itself. */
    private static String notWellFormed(String m) {
        return m != null && m.startsWith("the entity &") ? m : "not well-formed XML: " + m;
    }

    /** The findings of bitext.sch's rules, checked in Java, on the document's record. */
    private static void findings(RuleDoc record, String name, List<Problem> problems) {
        for (BitextRules.Finding f : BitextRules.check(record)) {
            problems.add(new Problem(name, Math.max(f.node().line, 0), Math.max(f.node().column, 0), "sch", f.id(),
                    f.message()));
        }
    }

    /** The findings of bitext.sch's rules run by SchXslt on the document's tree. */
    private void schxsltFindings(XdmNode doc, String name, List<Problem> problems) {
        try {
            schxslt(doc, name, problems);
        } catch (SaxonApiException e) {
            problems.add(new Problem(name, 0, 0, "sch", null, "Schematron failed: " + e.getMessage()));
        }
    }

    private void schxslt(XdmNode doc, String name, List<Problem> problems) throws SaxonApiException {
        Xslt30Transformer t = schematron.load30();
        XdmDestination svrl = new XdmDestination();
        t.applyTemplates(doc, svrl);
        XPathSelector select = Svrl.FINDINGS.load();
        select.setContextItem(svrl.getXdmNode());
        for (XdmItem item : select) {
            XdmNode f = (XdmNode) item;
            String location = f.attribute("location");
            XPathSelector text = Svrl.FINDING_TEXT.load();
            text.setContextItem(f);
            int line = 0;
            int column = 0;
            if (location != null) {
                XdmNode node = locate(doc, location);
                if (node != null) {
                    line = node.getLineNumber();
                    column = node.getColumnNumber();
                }
            }
            problems.add(new Problem(name, Math.max(line, 0), Math.max(column, 0), "sch", f.attribute("id"),
                    text.evaluateSingle().getStringValue()));
        }
    }

    private static XdmNode locate(XdmNode doc, String location) {
        try {
            XdmValue v = Xml.processor().newXPathCompiler().evaluate(location, doc);
            if (v.size() > 0 && v.itemAt(0) instanceof XdmNode n) {
                // an attribute has no line of its own in the tree: report its element
                return n.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ATTRIBUTE ? n.getParent() : n;
            }
        } catch (SaxonApiException e) {
            // an unusual location path: report the finding without a line
        }
        return null;
    }

    private static XPathExecutable svrl(String path) {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("svrl", SVRL);
        try {
            return xp.compile(path);
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema loadRng(InputSource in) throws IOException {
        PropertyMapBuilder props = new PropertyMapBuilder();
        List<String> errors = new ArrayList<>();
        props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override public void warning(SAXParseException e) {
            }

            @Override public void error(SAXParseException e) {
                errors.add(e.getSystemId() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        props.put(ValidateProperty.XML_READER_CREATOR, (com.thaiopensource.xml.sax.XMLReaderCreator) Xml::secureReader);
        props.put(com.thaiopensource.validate.prop.rng.RngProperty.DATATYPE_LIBRARY_FACTORY,
                new com.thaiopensource.datatype.xsd.DatatypeLibraryFactoryImpl(new SaxonRegexEngine()));
        SchemaReader reader = in.getSystemId().endsWith(".rnc") ? CompactSchemaReader.getInstance()
                : new AutoSchemaReader();
        try {
            return reader.createSchema(in, props.toPropertyMap());
        } catch (IncorrectSchemaException | SAXException e) {
            throw new IOException("the schema " + in.getSystemId() + " is not usable"
                    + (errors.isEmpty() ? ": " + e.getMessage() : ": " + String.join("; ", errors)), e);
        }
    }

    private static XsltExecutable compileSchematron(URL sch) throws IOException {
        try {
            Processor proc = Xml.processor();
            XsltExecutable pipeline = proc.newXsltCompiler()
                    .compile(new StreamSource(resource(SCHXSLT_PIPELINE).toExternalForm()));
            XdmNode schema;
            try (InputStream in = sch.openStream()) {
                schema = Xml.parse(in, sch.toExternalForm());
            }
            XdmDestination compiled = new XdmDestination();
            Xslt30Transformer compile = pipeline.load30();
            // findings only (failed asserts and successful reports, with their location and text): no fired-rule
            // and active-pattern elements, which made a quarter of the Schematron's time in a profile
            compile.setStylesheetParameters(Map.of(new QName("schxslt.svrl.compact"), new XdmAtomicValue(true)));
            compile.applyTemplates(schema, compiled);
            net.sf.saxon.s9api.XsltCompiler rules = proc.newXsltCompiler();
            // the compact SVRL leaves SchXslt's generated stylesheet with empty xsl:for-each instructions, which
            // Saxon warns of (SXWN9009) on standard error at every start: warnings about generated code say
            // nothing to a user; errors are still thrown
            net.sf.saxon.lib.ErrorReporter standard = rules.getErrorReporter();
            rules.setErrorReporter(error -> {
                if (!error.isWarning()) {
                    standard.report(error);
                }
            });
            return rules.compile(compiled.getXdmNode().asSource());
        } catch (SaxonApiException e) {
            throw new IOException("the Schematron rules " + sch + " cannot be compiled: " + e.getMessage(), e);
        }
    }

    private static URL resource(String path) throws IOException {
        URL url = TeiValidator.class.getResource(path);
        if (url == null) {
            throw new IOException("missing resource " + path + " (is the build complete?)");
        }
        return url;
    }
}
