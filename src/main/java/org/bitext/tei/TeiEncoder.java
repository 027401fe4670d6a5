package org.bitext.tei;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import org.bitext.align.Bead;
import org.bitext.align.LengthAligner;
import org.bitext.read.Article;
import org.bitext.read.Block;
import org.bitext.read.GlossEntry;
import org.bitext.read.Glossary;
import org.bitext.read.Span;
import org.bitext.tei.header.Tei;
import org.bitext.xml.Xml;

/**
 * Encodes an {@link Article} as one TEI P5 document (DESIGN §3): the header by JAXB, the two sides, the glossary and
 * the alignment by StAX, all through one Saxon serializer so that the output is indented the same way every time.
 * The only class that knows the TEI mapping of the body. Thread-safe.
 */
public final class TeiEncoder {
    private static final String NS = Tei.NS;
    private static final String XML_NS = Tei.XML_NS;
    private static final JAXBContext JAXB = jaxb();
    /** Elements with mixed content, inside which the serializer must not add indentation. */
    private static final String MIXED = List.of("title", "persName", "author", "p", "head", "byline", "item", "note",
            "biblScope", "date", "language", "change", "label", "hi", "seg", "foreign", "term", "gloss")
            .stream().map(n -> "{" + NS + "}" + n).collect(Collectors.joining(" "));
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+(?:[\\p{IsHan}\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20]*\\p{IsHan})?");
    private static final Pattern DATELINE = Pattern.compile(
            "^(\\(From Our Own Correspondent\\)|（From Our Own Correspondent）|【[^】]{1,80}】|\\[[^\\]]{1,80}\\]|本报讯|新华社[^　\\s]{1,12}?[电讯])");

    private final LengthAligner aligner;

    public TeiEncoder() {
        this(LengthAligner.chineseEnglish());
    }

    public TeiEncoder(LengthAligner aligner) {
        this.aligner = aligner;
    }

    /** The TEI document for the article, as UTF-8 bytes. */
    public byte[] encode(Article article, String sourceFileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        encode(article, sourceFileName, out);
        return out.toByteArray();
    }

    /** Writes the TEI document for the article to the stream as UTF-8. */
    public void encode(Article article, String sourceFileName, OutputStream out) {
        Serializer ser = Xml.processor().newSerializer(out);
        ser.setOutputProperty(Serializer.Property.METHOD, "xml");
        ser.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        ser.setOutputProperty(Serializer.Property.INDENT, "yes");
        ser.setOutputProperty(Serializer.Property.SAXON_SUPPRESS_INDENTATION, MIXED);
        try {
            XMLStreamWriter w = ser.getXMLStreamWriter();
            w.writeStartDocument("UTF-8", "1.0");
            w.setDefaultNamespace(NS);
            w.writeStartElement("", "TEI", NS);
            w.writeDefaultNamespace(NS);
            w.writeAttribute("xml", XML_NS, "id", documentId(article.name()));
            Marshaller m = JAXB.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            m.marshal(HeaderBuilder.build(article, sourceFileName), new DefaultNamespaceWriter(w, NS));
            w.writeStartElement("", "text", NS);
            w.writeStartElement("", "body", NS);
            Units zh = side(w, article.chinese(), "original", HeaderBuilder.ZH, "zh", false);
            Units en = side(w, article.english(), "translation", HeaderBuilder.EN, "en", true);
            w.writeEndElement(); // body
            if (article.glossary().isPresent()) {
                glossary(w, article.glossary().get());
            }
            w.writeEndElement(); // text
            standOff(w, zh, en);
            w.writeEndElement(); // TEI
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException | JAXBException | SaxonApiException e) {
            throw new IllegalStateException("TEI serialisation failed for " + sourceFileName, e);
        }
    }

    /** {@code rmrb-} and the input's base name, made a valid, stable XML name. */
    static String documentId(String name) {
        return "rmrb-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
    }

    /** The ids and lengths of a side's alignment units, by kind. */
    private record Units(List<String> heads, int[] headLengths, List<String> bylines, int[] bylineLengths,
                         List<String> paragraphs, int[] paragraphLengths) {
    }

    private Units side(XMLStreamWriter w, List<Block> blocks, String type, String lang, String prefix,
                       boolean english) throws XMLStreamException {
        w.writeStartElement("", "div", NS);
        w.writeAttribute("type", type);
        w.writeAttribute("xml", XML_NS, "lang", lang);
        w.writeAttribute("xml", XML_NS, "id", prefix);
        List<String> heads = new ArrayList<>();
        List<String> bylines = new ArrayList<>();
        List<String> paras = new ArrayList<>(); // body units: paragraphs and list items, in document order
        int paragraphs = 0;
        int items = 0;
        List<Integer> hl = new ArrayList<>();
        List<Integer> bl = new ArrayList<>();
        List<Integer> pl = new ArrayList<>();
        boolean firstParagraph = true;
        boolean inList = false;
        for (Block b : blocks) {
            if (inList && b.kind() != Block.Kind.ITEM) {
                w.writeEndElement(); // list
                inList = false;
            }
            String id;
            switch (b.kind()) {
                case HEAD -> {
                    id = prefix + "-h" + (heads.size() + 1);
                    w.writeStartElement("", "head", NS);
                    heads.add(id);
                    hl.add(length(b.text(), english));
                }
                case BYLINE -> {
                    id = prefix + "-b" + (bylines.size() + 1);
                    w.writeStartElement("", "byline", NS);
                    bylines.add(id);
                    bl.add(length(b.text(), english));
                }
                case ITEM -> {
                    if (!inList) {
                        w.writeStartElement("", "list", NS);
                        w.writeAttribute("type", "bulleted");
                        inList = true;
                    }
                    w.writeStartElement("", "label", NS);
                    w.writeCharacters(b.marker());
                    w.writeEndElement();
                    id = prefix + "-i" + (++items);
                    w.writeStartElement("", "item", NS);
                    paras.add(id);
                    pl.add(length(b.text(), english));
                }
                default -> {
                    id = prefix + "-p" + (++paragraphs);
                    w.writeStartElement("", "p", NS);
                    paras.add(id);
                    pl.add(length(b.text(), english));
                }
            }
            w.writeAttribute("xml", XML_NS, "id", id);
            if (b.kind() == Block.Kind.HEAD) {
                w.writeAttribute("type", heads.size() == 1 ? "main" : "sub");
            }
            String rend = rend(b.blankBefore(), b.right());
            if (rend != null) {
                w.writeAttribute("rend", rend);
            }
            String text = b.text();
            if (b.kind() == Block.Kind.PARAGRAPH && firstParagraph) {
                firstParagraph = false;
                Matcher d = DATELINE.matcher(text);
                if (d.find() && (!english || !d.group().contains("*"))) {
                    w.writeStartElement("", "seg", NS);
                    w.writeAttribute("type", "dateline");
                    w.writeCharacters(d.group());
                    w.writeEndElement();
                    text = text.substring(d.end());
                }
            }
            inline(w, text, english);
            w.writeEndElement();
        }
        if (inList) {
            w.writeEndElement(); // list
        }
        w.writeEndElement(); // div
        return new Units(heads, ints(hl), bylines, ints(bl), paras, ints(pl));
    }

    private static String rend(boolean blankBefore, boolean right) {
        if (blankBefore && right) {
            return "blank-before right";
        }
        return blankBefore ? "blank-before" : right ? "right" : null;
    }

    /** English text: Markdown emphasis as {@code hi}, Chinese left untranslated as {@code foreign}. Chinese: verbatim. */
    private static void inline(XMLStreamWriter w, String text, boolean english) throws XMLStreamException {
        if (!english) {
            w.writeCharacters(text);
            return;
        }
        for (Span s : Span.parse(text)) {
            if (s.style() == Span.Style.PLAIN) {
                withForeign(w, s.text());
            } else {
                w.writeStartElement("", "hi", NS);
                w.writeAttribute("rend", s.style() == Span.Style.BOLD ? "bold" : "italic");
                withForeign(w, s.text());
                w.writeEndElement();
            }
        }
    }

    private static void withForeign(XMLStreamWriter w, String text) throws XMLStreamException {
        Matcher m = HAN.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                w.writeCharacters(text.substring(last, m.start()));
            }
            w.writeStartElement("", "foreign", NS);
            w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.ZH);
            w.writeCharacters(m.group());
            w.writeEndElement();
            last = m.end();
        }
        if (last < text.length()) {
            w.writeCharacters(text.substring(last));
        }
    }

    private static void glossary(XMLStreamWriter w, Glossary g) throws XMLStreamException {
        w.writeStartElement("", "back", NS);
        w.writeStartElement("", "div", NS);
        w.writeAttribute("type", "glossary");
        w.writeAttribute("xml", XML_NS, "id", "glossary");
        w.writeStartElement("", "list", NS);
        w.writeAttribute("type", "glossary");
        if (g.blankBefore()) {
            w.writeAttribute("rend", "blank-before");
        }
        w.writeStartElement("", "head", NS);
        w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.EN);
        inline(w, g.heading(), true);
        w.writeEndElement();
        for (GlossEntry e : g.entries()) {
            w.writeStartElement("", "item", NS);
            if (e.blankBefore()) {
                w.writeAttribute("rend", "blank-before");
            }
            w.writeStartElement("", "term", NS);
            w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.ZH);
            w.writeCharacters(e.term());
            w.writeEndElement();
            w.writeCharacters(e.separator());
            w.writeStartElement("", "gloss", NS);
            w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.EN);
            inline(w, e.gloss(), true);
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement(); // list
        w.writeEndElement(); // div
        w.writeEndElement(); // back
    }

    private void standOff(XMLStreamWriter w, Units zh, Units en) throws XMLStreamException {
        w.writeStartElement("", "standOff", NS);
        w.writeStartElement("", "linkGrp", NS);
        w.writeAttribute("type", "translation");
        w.writeAttribute("domains", "#zh #en");
        links(w, zh.heads(), zh.headLengths(), en.heads(), en.headLengths());
        links(w, zh.bylines(), zh.bylineLengths(), en.bylines(), en.bylineLengths());
        links(w, zh.paragraphs(), zh.paragraphLengths(), en.paragraphs(), en.paragraphLengths());
        w.writeEndElement();
        w.writeEndElement();
    }

    private void links(XMLStreamWriter w, List<String> zhIds, int[] zhLen, List<String> enIds, int[] enLen)
            throws XMLStreamException {
        for (Bead bead : aligner.align(zhLen, enLen)) {
            List<String> targets = new ArrayList<>();
            bead.source().forEach(i -> targets.add("#" + zhIds.get(i)));
            bead.target().forEach(i -> targets.add("#" + enIds.get(i)));
            if (bead.source().isEmpty() || bead.target().isEmpty()) {
                for (String t : targets) {
                    w.writeEmptyElement("", "ptr", NS);
                    w.writeAttribute("type", "unaligned");
                    w.writeAttribute("target", t);
                }
                continue;
            }
            w.writeEmptyElement("", "link", NS);
            w.writeAttribute("target", String.join(" ", targets));
            if (bead.guessed()) {
                w.writeAttribute("cert", String.format(Locale.ROOT, "%.2f", bead.cert()));
            }
        }
    }

    /** Alignment length: characters of English, non-space characters of Chinese. */
    static int length(String text, boolean english) {
        if (english) {
            return text.length();
        }
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp) && cp != 0x3000) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static JAXBContext jaxb() {
        try {
            return JAXBContext.newInstance(Tei.Header.class, Tei.BiblTitle.class, Tei.BiblAuthor.class,
                    Tei.Date.class, Tei.BiblScope.class, Tei.Note.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the TEI header binding cannot be initialised", e);
        }
    }
}
