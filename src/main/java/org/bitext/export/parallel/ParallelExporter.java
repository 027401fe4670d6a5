package org.bitext.export.parallel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.Bitext;
import org.bitext.io.AtomicFiles;
import org.bitext.xml.Xml;

/**
 * The aligned sentences of bitext TEI documents as a parallel corpus for translators and corpus work: a TMX 1.4b
 * translation memory ({@link #tmx}), or sentence pairs as a TSV file and the Moses layout ({@link #pairs}). Both are
 * streamed (one document in memory at a time), written atomically, and the same bytes every time for the same TEI
 * (no date from the clock).
 */
public final class ParallelExporter {
    /**
     * What to export.
     *
     * @param paragraphs one unit per paragraph-level link instead of per sentence link
     * @param minCert    links whose {@code @cert} is below it are left out
     */
    public record Options(boolean paragraphs, double minCert) {
    }

    /**
     * What was exported.
     *
     * @param documents TEI documents read
     * @param units     units written
     * @param refused   documents left out, each with a located error
     */
    public record Summary(int documents, int units, List<String> refused) {
    }

    private ParallelExporter() {
    }

    /** The TMX 1.4b document of the TEI files, to {@code target}. */
    public static Summary tmx(List<Path> teiFiles, Path target, Options options, Consumer<String> errors)
            throws IOException {
        int[] counts = new int[2];
        List<String> refused = new java.util.ArrayList<>();
        AtomicFiles.write(target, out -> {
            try {
                // the JDK's own writer, whatever StAX implementation is on the class path: the same bytes everywhere
                XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(
                        new OutputStreamWriter(out, StandardCharsets.UTF_8));
                x.writeStartDocument("UTF-8", "1.0");
                x.writeCharacters("\n");
                x.writeStartElement("tmx");
                x.writeAttribute("version", "1.4");
                x.writeCharacters("\n  ");
                x.writeEmptyElement("header");
                x.writeAttribute("creationtool", "bitext");
                x.writeAttribute("creationtoolversion", Bitext.version());
                x.writeAttribute("segtype", options.paragraphs() ? "paragraph" : "sentence");
                x.writeAttribute("o-tmf", "bitext TEI P5");
                x.writeAttribute("adminlang", "en");
                x.writeAttribute("srclang", "zh-Hans");
                x.writeAttribute("datatype", "plaintext");
                x.writeCharacters("\n  ");
                x.writeStartElement("body");
                for (AlignedText.Unit u : (Iterable<AlignedText.Unit>) () -> units(teiFiles, options, refused, errors,
                        counts)) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement("tu");
                    x.writeAttribute("tuid", u.tuid());
                    if (!Double.isNaN(u.cert())) {
                        prop(x, "x-cert", String.format(Locale.ROOT, "%.2f", u.cert()));
                    }
                    prop(x, "x-article", u.article());
                    if (!u.date().isEmpty()) {
                        prop(x, "x-date", u.date());
                    }
                    if (!u.page().isEmpty()) {
                        prop(x, "x-page", u.page());
                    }
                    prop(x, "x-beads", u.beads());
                    tuv(x, "zh-Hans", u.zh());
                    tuv(x, "en", u.en());
                    x.writeCharacters("\n    ");
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement(); // body
                x.writeCharacters("\n");
                x.writeEndElement(); // tmx
                x.writeCharacters("\n");
                x.writeEndDocument();
                x.flush();
                x.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write the TMX: " + e.getMessage(), e);
            }
        });
        return new Summary(counts[0], counts[1], refused);
    }

    private static void prop(XMLStreamWriter x, String type, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeStartElement("prop");
        x.writeAttribute("type", type);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static void tuv(XMLStreamWriter x, String lang, String text) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeStartElement("tuv");
        x.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
        x.writeStartElement("seg");
        x.writeCharacters(text);
        x.writeEndElement();
        x.writeEndElement();
    }

    /**
     * The pairs of the TEI files into a folder: {@code pairs.tsv} (a header line, then zh, en, cert, article, date,
     * link; a tab or line break inside a text becomes a space) and the Moses layout {@code corpus.zh-Hans} /
     * {@code corpus.en}, line by line the same pairs.
     */
    public static Summary pairs(List<Path> teiFiles, Path dir, Options options, Consumer<String> errors)
            throws IOException {
        int[] counts = new int[2];
        List<String> refused = new java.util.ArrayList<>();
        // three files in one pass: each is renamed into place only when the whole pass has succeeded
        AtomicFiles.write(dir.resolve("pairs.tsv"), tsvOut -> AtomicFiles.write(dir.resolve("corpus.zh-Hans"),
                zhOut -> AtomicFiles.write(dir.resolve("corpus.en"), enOut -> {
                    Writer tsv = writer(tsvOut);
                    Writer zh = writer(zhOut);
                    Writer en = writer(enOut);
                    tsv.write("zh\ten\tcert\tarticle\tdate\tlink\n");
                    for (AlignedText.Unit u : (Iterable<AlignedText.Unit>) () -> units(teiFiles, options, refused,
                            errors, counts)) {
                        String z = oneLine(u.zh());
                        String e = oneLine(u.en());
                        tsv.write(z + "\t" + e + "\t" + (Double.isNaN(u.cert()) ? ""
                                : String.format(Locale.ROOT, "%.2f", u.cert())) + "\t" + u.article() + "\t"
                                + u.date() + "\t" + u.link() + "\n");
                        zh.write(z + "\n");
                        en.write(e + "\n");
                    }
                    en.flush();
                    zh.flush();
                    tsv.flush();
                })));
        return new Summary(counts[0], counts[1], refused);
    }

    private static Writer writer(OutputStream out) {
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    /** Tabs and line breaks (and any other vertical white space) as one space: one pair per line. */
    static String oneLine(String s) {
        return s.replaceAll("[\\t\\n\\r\\u000B\\f\\u0085\\u2028\\u2029]+", " ");
    }

    /**
     * The units of the documents one after the other, each document read when the previous one's units are used up;
     * {@code counts}: documents read, units given.
     */
    private static java.util.Iterator<AlignedText.Unit> units(List<Path> files, Options options, List<String> refused,
                                                              Consumer<String> errors, int[] counts) {
        return new java.util.Iterator<>() {
            private int next;
            private java.util.Iterator<AlignedText.Unit> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < files.size()) {
                    List<AlignedText.Unit> units = read(files.get(next++), options, refused, errors);
                    if (units != null) {
                        counts[0]++;
                        current = units.iterator();
                    }
                }
                return current.hasNext();
            }

            @Override
            public AlignedText.Unit next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                counts[1]++;
                return current.next();
            }
        };
    }

    /** One document's units, or null (with its error reported) when it cannot be exported. */
    private static List<AlignedText.Unit> read(Path f, Options options, List<String> refused, Consumer<String> errors) {
        try {
            XdmNode doc = Xml.parse(f);
            return AlignedText.units(doc, f.toString(), options.paragraphs(), options.minCert());
        } catch (SaxonApiException e) {
            String m = Xml.describe(e).at(f.toString(), "error");
            refused.add(m);
            errors.accept(m);
        } catch (AlignedText.ExportProblem e) {
            refused.add(e.getMessage());
            errors.accept(e.getMessage());
        } catch (IOException e) {
            String m = f + ":0:0: error: cannot read: " + e.getMessage();
            refused.add(m);
            errors.accept(m);
        }
        return null;
    }
}
