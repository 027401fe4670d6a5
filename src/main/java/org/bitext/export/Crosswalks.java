package org.bitext.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;
import org.bitext.Bitext;
import org.bitext.batch.BatchReport;
import org.bitext.batch.Output;
import org.bitext.render.RenderException;
import org.bitext.render.Stylesheets;
import org.bitext.xml.Xml;

/**
 * The metadata crosswalks from TEI: Dublin Core ({@code xslt/dc.xsl}, an {@code oai_dc:dc} record) and METS
 * ({@code xslt/mets.xsl}, DC and the TEI header wrapped, the article's files with their SHA-256). Both stylesheets are
 * compiled once, when the crosswalks are loaded; every method is thread-safe.
 */
public final class Crosswalks {

    private final XsltExecutable dc;
    private final XsltExecutable mets;

    /**
     * One file of an article, as the METS {@code fileSec} lists it.
     *
     * @param use      {@code tei}, {@code html}, {@code text} or {@code source} (the METS fileGrp, upper-cased)
     * @param href     its location, written as given into {@code FLocat/@xlink:href} (bitext: the path relative to
     *                 the output folder, with {@code /})
     * @param mimetype its media type
     * @param size     its size in bytes
     * @param sha256   the SHA-256 of its bytes, lower-case hex
     */
    public record FileEntry(String use, String href, String mimetype, long size, String sha256) {
        public FileEntry {
            Objects.requireNonNull(use, "use");
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(mimetype, "mimetype");
            Objects.requireNonNull(sha256, "sha256");
        }

        /**
         * The entry of one output of a run's report: its use is the first folder of its path (tei/, html/…), its
         * media type follows from the use.
         */
        public static FileEntry of(Output output) {
            String path = output.path();
            int slash = path.indexOf('/');
            String use = slash > 0 ? path.substring(0, slash) : "file";
            return new FileEntry(use, path, mimetype(use, path), output.bytes(), output.sha256());
        }

        /** The media type of a file of a run, by its use, else by its extension. */
        public static String mimetype(String use, String path) {
            switch (use) {
                case "tei":
                    return "application/tei+xml";
                case "html":
                    return "text/html";
                case "text":
                case "source":
                    return "text/plain";
                default:
                    break;
            }
            String p = path.toLowerCase(Locale.ROOT);
            if (p.endsWith(".xml")) {
                return "application/xml";
            } else if (p.endsWith(".html") || p.endsWith(".htm")) {
                return "text/html";
            } else if (p.endsWith(".txt")) {
                return "text/plain";
            } else if (p.endsWith(".json")) {
                return "application/json";
            }
            return "application/octet-stream";
        }
    }

    private Crosswalks(Path folder) throws IOException {
        dc = Stylesheets.compile(folder, "dc.xsl");
        mets = Stylesheets.compile(folder, "mets.xsl");
    }

    /** The crosswalks built into bitext. */
    public static Crosswalks builtin() throws IOException {
        return new Crosswalks(null);
    }

    /**
     * The crosswalks of a folder holding {@code dc.xsl}, {@code mets.xsl} and the {@code common/} modules they use.
     *
     * @param folder the folder, or {@code null} for those built into bitext
     */
    public static Crosswalks load(Path folder) throws IOException {
        return new Crosswalks(folder);
    }

    /** The Dublin Core record ({@code oai_dc:dc}) of a TEI document, serialized as UTF-8 XML. */
    public byte[] dc(XdmNode tei) throws RenderException {
        return dc(tei, null);
    }

    /**
     * The Dublin Core record of a TEI document.
     *
     * @param identifierUri a URI of the resource, written as a second {@code dc:identifier}; {@code null} for none
     */
    public byte[] dc(XdmNode tei, String identifierUri) throws RenderException {
        Map<QName, XdmValue> params = new HashMap<>();
        if (identifierUri != null) {
            params.put(new QName("identifier-uri"), new XdmAtomicValue(identifierUri));
        }
        return transform(dc, "dc", tei, params);
    }

    /**
     * The METS document of a TEI article and its files.
     *
     * @param files the article's files, in any order (the fileSec groups them by use); may be empty
     */
    public byte[] mets(XdmNode tei, List<FileEntry> files) throws RenderException {
        return mets(tei, files, null);
    }

    /**
     * The METS document of a TEI article and its files, the embedded Dublin Core record with a URI.
     *
     * @param identifierUri a URI of the resource for the Dublin Core record; {@code null} for none
     */
    public byte[] mets(XdmNode tei, List<FileEntry> files, String identifierUri) throws RenderException {
        Map<QName, XdmValue> params = new HashMap<>();
        params.put(new QName("files"), fileElements(files));
        params.put(new QName("creator-agent"), new XdmAtomicValue("bitext " + Bitext.version()));
        if (identifierUri != null) {
            params.put(new QName("identifier-uri"), new XdmAtomicValue(identifierUri));
        }
        return transform(mets, "mets", tei, params);
    }

    /**
     * The files of every article of a run's output folder, from its {@code report.json}: for each input with a TEI
     * output, that output's path (e.g. {@code tei/NAME.xml}) → all its outputs, in the report's order.
     *
     * @return empty when the folder has no readable report
     */
    public static Map<String, List<FileEntry>> reportFiles(Path outputFolder) {
        Map<String, List<FileEntry>> byTei = new LinkedHashMap<>();
        BatchReport.read(outputFolder).ifPresent(report -> {
            if (report.inputs() == null) {
                return;
            }
            for (BatchReport.Entry e : report.inputs()) {
                if (e.outputs() == null) {
                    continue;
                }
                List<FileEntry> files = new ArrayList<>();
                String tei = null;
                for (Output o : e.outputs()) {
                    if (o == null || o.path() == null || o.sha256() == null) {
                        continue;
                    }
                    FileEntry f = FileEntry.of(o);
                    files.add(f);
                    if (tei == null && f.use().equals("tei")) {
                        tei = o.path();
                    }
                }
                if (tei != null) {
                    byTei.put(tei, List.copyOf(files));
                }
            }
        });
        return byTei;
    }

    /**
     * The files of one article of a run's output folder, from its {@code report.json}.
     *
     * @param teiPath the article's TEI file, relative to the output folder with {@code /} ({@code tei/NAME.xml})
     * @return empty when the report does not list it
     */
    public static List<FileEntry> reportFiles(Path outputFolder, String teiPath) {
        return reportFiles(outputFolder).getOrDefault(teiPath, List.of());
    }

    /** The {@code <file/>} elements of the {@code files} parameter of mets.xsl. */
    private static XdmValue fileElements(List<FileEntry> files) throws RenderException {
        if (files.isEmpty()) {
            return XdmValue.makeSequence(List.of());
        }
        try {
            BuildingStreamWriter w = Xml.processor().newDocumentBuilder().newBuildingStreamWriter();
            XMLStreamWriter x = w;
            x.writeStartDocument();
            x.writeStartElement("files");
            for (FileEntry f : files) {
                x.writeEmptyElement("file");
                x.writeAttribute("use", f.use());
                x.writeAttribute("href", f.href());
                x.writeAttribute("mimetype", f.mimetype());
                x.writeAttribute("size", Long.toString(f.size()));
                x.writeAttribute("sha256", f.sha256());
            }
            x.writeEndElement();
            x.writeEndDocument();
            XdmNode doc = w.getDocumentNode();
            List<XdmNode> elements = new ArrayList<>();
            for (XdmNode root : doc.children("files")) {
                root.children("file").forEach(elements::add);
            }
            return new XdmValue(elements);
        } catch (XMLStreamException | SaxonApiException e) {
            throw new RenderException("cannot pass the file list to mets.xsl: " + e.getMessage(), e);
        }
    }

    private static byte[] transform(XsltExecutable exe, String name, XdmNode tei, Map<QName, XdmValue> params)
            throws RenderException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try {
            Xslt30Transformer t = exe.load30();
            t.setStylesheetParameters(params);
            t.applyTemplates(tei.getNodeKind() == XdmNodeKind.DOCUMENT ? tei : tei.getRoot(), t.newSerializer(out));
        } catch (SaxonApiException e) {
            throw new RenderException(name + " crosswalk failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
