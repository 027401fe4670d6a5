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
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates TEI documents against a RELAX NG schema (Jing) and, optionally, Schematron rules (SchXslt on
 * Saxon-HE). Both are compiled once, when the validator is made; {@link #validate} is thread-safe and reports every
 * problem with its line and column, Schematron findings included (their failing node is mapped back to its line).
 */
public final class TeiValidator {
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    private static final String SCHXSLT_PIPELINE = "/xslt/2.0/pipeline-for-svrl.xsl";
    private static final String BUILTIN = "/org/bitext/schemas/";
    /** Documents are validated from memory; they load nothing relative to themselves. */
    private static final String SYSTEM_ID = "urn:bitext:document";

    /** Errors reported per document before its validation stops (one wrong element can cause thousands). */
    static final int MAX_PROBLEMS = 100;

    private static final XPathExecutable FINDINGS = svrl("//svrl:failed-assert | //svrl:successful-report");
    private static final XPathExecutable FINDING_TEXT = svrl("normalize-space(string-join(svrl:text, ' '))");

    private final Schema rng;
    private final XsltExecutable schematron; // null: RELAX NG only
    /** One Jing validator per thread, reset between documents: making one per document costs as much as using it. */
    private final ThreadLocal<ReusableJing> jing = ThreadLocal.withInitial(() -> new ReusableJing());

    /** A Jing validator whose error handler is switched to each document's list of problems. */
    private final class ReusableJing {
        ErrorHandler target;
        final Validator validator;

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

    private TeiValidator(Schema rng, XsltExecutable schematron) {
        this.rng = rng;
        this.schematron = schematron;
    }

    /** The project's own schema: {@code bitext.rng} and {@code bitext.sch}. */
    public static TeiValidator builtin() throws IOException {
        URL rng = resource(BUILTIN + "bitext.rng");
        URL sch = resource(BUILTIN + "bitext.sch");
        return new TeiValidator(loadRng(new InputSource(rng.toExternalForm())), compileSchematron(sch));
    }

    /** Another RELAX NG schema (XML or compact syntax), without Schematron, for example the official tei_all. */
    public static TeiValidator relaxNg(Path schema) throws IOException {
        if (!Files.isReadable(schema)) {
            throw new IOException("cannot read the schema " + schema);
        }
        return new TeiValidator(loadRng(new InputSource(schema.toUri().toString())), null);
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
     * numbers); a document that is not well-formed gets that one located error and no further checks.
     */
    public List<Problem> validate(byte[] xml, String displayName) {
        XdmNode doc;
        try {
            doc = Xml.parse(new ByteArrayInputStream(xml), SYSTEM_ID);
        } catch (SaxonApiException e) {
            Xml.ParseFailure f = Xml.describe(e);
            return List.of(new Problem(displayName, f.line(), f.column(), "xml", null, notWellFormed(f.message())));
        }
        return validate(doc, displayName);
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
        try {
            Xml.processor().writeXdmValue(doc, new SAXDestination(j.validator.getContentHandler()));
        } catch (SaxonApiException e) {
            if (!(e.getCause() instanceof TooManyErrors)) {
                problems.add(new Problem(displayName, 0, 0, "rng", null, "validation failed: " + e.getMessage()));
            }
        } finally {
            j.validator.reset();
            j.target = null;
        }
        if (schematron != null) {
            try {
                schematron(doc, displayName, problems);
            } catch (SaxonApiException e) {
                problems.add(new Problem(displayName, 0, 0, "sch", null, "Schematron failed: " + e.getMessage()));
            }
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

    private void schematron(XdmNode doc, String name, List<Problem> problems) throws SaxonApiException {
        Xslt30Transformer t = schematron.load30();
        XdmDestination svrl = new XdmDestination();
        t.applyTemplates(doc, svrl);
        XPathSelector select = FINDINGS.load();
        select.setContextItem(svrl.getXdmNode());
        for (XdmItem item : select) {
            XdmNode f = (XdmNode) item;
            String location = f.attribute("location");
            XPathSelector text = FINDING_TEXT.load();
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
