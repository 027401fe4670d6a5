package org.bitext.jmh;

import com.thaiopensource.util.PropertyMap;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.auto.AutoSchemaReader;
import com.thaiopensource.xml.sax.XMLReaderCreator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XsltExecutable;
import org.bitext.validate.Problem;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validation of one TEI document: RELAX NG alone, Schematron alone, and both as {@code bitext validate} and
 * {@code bitext run} do ({@link TeiValidator#validate(XdmNode, String)} on the shared tree).
 *
 * <p>TeiValidator makes public only the two checks together, so RELAX NG alone and Schematron alone are measured
 * through the public APIs of Jing and Saxon, the way TeiValidator uses them: the grammar {@code schemas/bitext.rng}
 * loaded by Jing and fed the tree's SAX events, and the rules {@code schemas/bitext.sch} compiled by SchXslt's
 * pipeline (from the jar) into a stylesheet that writes SVRL, whose findings are then selected. Beside them: RELAX NG
 * from the TEI bytes with Jing's {@link ValidationDriver} (it parses them itself and keeps one validator, reset
 * between documents, as the {@code jing} command does), RELAX NG from the tree with a validator kept the same way,
 * and the tree's SAX events alone, the part of {@code relaxNg} that is not Jing's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Saxon-run code (stylesheets, the Schematron) takes the JIT longer to settle than the reader or the encoder
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class Validate {
    private static final String SCHXSLT_PIPELINE = "/xslt/2.0/pipeline-for-svrl.xsl";

    private TeiValidator validator;
    private Schema rng;
    private XsltExecutable schematron;
    private XPathExecutable findings;

    /** Compiles the schemas once. Measured on valid documents, the common case: invalid ones stop the run. */
    @Setup(Level.Trial)
    public void compile(Inputs in) throws IOException, SAXException, IncorrectSchemaException, SaxonApiException {
        Path schemas = Inputs.root().resolve("schemas");
        validator = TeiValidator.builtin();
        rng = new AutoSchemaReader().createSchema(new InputSource(schemas.resolve("bitext.rng").toUri().toString()),
                properties());
        Processor proc = Xml.processor();
        XsltExecutable pipeline = proc.newXsltCompiler().compile(new StreamSource(
                TeiValidator.class.getResource(SCHXSLT_PIPELINE).toExternalForm()));
        XdmNode sch;
        try (InputStream s = Files.newInputStream(schemas.resolve("bitext.sch"))) {
            sch = Xml.parse(s, schemas.resolve("bitext.sch").toUri().toString());
        }
        XdmDestination compiled = new XdmDestination();
        pipeline.load30().applyTemplates(sch, compiled);
        schematron = proc.newXsltCompiler().compile(compiled.getXdmNode().asSource());
        XPathCompiler xp = proc.newXPathCompiler();
        xp.declareNamespace("svrl", "http://purl.oclc.org/dsdl/svrl");
        findings = xp.compile("//svrl:failed-assert | //svrl:successful-report");
        for (int i = 0; i < in.trees.length; i++) {
            List<Problem> problems = validator.validate(in.trees[i], in.systemId(i));
            if (!problems.isEmpty()) {
                throw new IllegalStateException(in.names[i] + " is not valid: " + problems);
            }
        }
    }

    /** What a thread keeps across documents: a Jing driver, and a Jing validator (neither is thread-safe). */
    @State(Scope.Thread)
    public static class Kept {
        ValidationDriver driver;
        Validator validator;

        @Setup(Level.Trial)
        public void load(Validate v) throws IOException, SAXException {
            driver = new ValidationDriver(properties());
            if (!driver.loadSchema(ValidationDriver.fileInputSource(Inputs.root().resolve("schemas/bitext.rng").toFile()))) {
                throw new IOException("schemas/bitext.rng does not load");
            }
            validator = v.rng.createValidator(properties());
        }
    }

    /** RELAX NG and Schematron on the shared tree: TeiValidator, as validate and run use it. */
    @Benchmark
    public List<Problem> both(Inputs in) {
        int i = in.next();
        return validator.validate(in.trees[i], in.systemId(i));
    }

    /** RELAX NG alone: a new Jing validator fed the tree's SAX events, as TeiValidator does for each document. */
    @Benchmark
    public void relaxNg(Inputs in, Blackhole bh) throws SaxonApiException {
        int i = in.next();
        Validator v = rng.createValidator(properties());
        Xml.processor().writeXdmValue(in.trees[i], new SAXDestination(v.getContentHandler()));
        bh.consume(v);
    }

    /** RELAX NG alone from the tree, with one Jing validator kept by the thread and reset after each document. */
    @Benchmark
    public void relaxNgKept(Inputs in, Kept k, Blackhole bh) throws SaxonApiException {
        int i = in.next();
        Xml.processor().writeXdmValue(in.trees[i], new SAXDestination(k.validator.getContentHandler()));
        k.validator.reset();
        bh.consume(k.validator);
    }

    /** RELAX NG alone from the TEI bytes: Jing's ValidationDriver parses them itself (the jing command's way). */
    @Benchmark
    public boolean relaxNgBytes(Inputs in, Kept k) throws IOException, SAXException {
        int i = in.next();
        InputSource source = new InputSource(new ByteArrayInputStream(in.tei[i]));
        source.setSystemId(in.systemId(i));
        return k.driver.validate(source);
    }

    /** The baseline of relaxNg: the tree's SAX events to a handler that does nothing. */
    @Benchmark
    public void treeEvents(Inputs in) throws SaxonApiException {
        int i = in.next();
        Xml.processor().writeXdmValue(in.trees[i], new SAXDestination(new DefaultHandler()));
    }

    /** Schematron alone on the shared tree: the SchXslt-compiled rules write SVRL, whose findings are selected. */
    @Benchmark
    public void schematron(Inputs in, Blackhole bh) throws SaxonApiException {
        int i = in.next();
        XdmDestination svrl = new XdmDestination();
        schematron.load30().applyTemplates(in.trees[i], svrl);
        XPathSelector select = findings.load();
        select.setContextItem(svrl.getXdmNode());
        for (XdmItem f : select) {
            bh.consume(f);
        }
    }

    /** Jing's properties: an error stops the run (the documents are valid); XML read by bitext's secure parser. */
    private static PropertyMap properties() {
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override public void warning(SAXParseException e) {
            }

            @Override public void error(SAXParseException e) {
                throw new IllegalStateException("not valid: " + e.getMessage(), e);
            }

            @Override public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        props.put(ValidateProperty.XML_READER_CREATOR, (XMLReaderCreator) Xml::secureReader);
        return props.toPropertyMap();
    }
}
