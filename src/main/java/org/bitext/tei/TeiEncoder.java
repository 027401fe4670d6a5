package org.bitext.tei;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.BuildingStreamWriter;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.align.AlignParams;
import org.bitext.align.ArticleAligner;
import org.bitext.align.Bead;
import org.bitext.align.Seg;
import org.bitext.align.LengthModel;
import org.bitext.align.Lengths;
import org.bitext.read.Article;
import org.bitext.read.Block;
import org.bitext.read.GlossEntry;
import org.bitext.read.Glossary;
import org.bitext.read.Span;
import org.bitext.segment.SentenceSplitter;
import org.bitext.segment.SentenceSplitter.Sentence;
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
            "^(\\(From Our Own Correspondent\\)|Xinhua News Agency, [^.\\[\\]【】]{1,40}?\\.(?= )|（From Our Own Correspondent）|【[^】]{1,80}】|\\[[^\\]]{1,80}\\]|本报讯|新华社[^　\\s]{1,12}?[电讯])");

    private final ArticleAligner aligner;

    public TeiEncoder() {
        this(AlignParams.DEFAULT);
    }

    /** @param params the weights of the sentence aligner ({@link ArticleAligner}) */
    public TeiEncoder(AlignParams params) {
        this.aligner = new ArticleAligner(params);
    }

    /** The TEI document for the article, as UTF-8 bytes. */
    public byte[] encode(Article article, String sourceFileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        encode(article, sourceFileName, out);
        return out.toByteArray();
    }

    /** Writes the TEI document for the article to the stream as UTF-8. */
    public void encode(Article article, String sourceFileName, OutputStream out) {
        try {
            write(article, sourceFileName, serializer(out).getXMLStreamWriter());
        } catch (SaxonApiException e) {
            throw new IllegalStateException("TEI serialisation failed for " + sourceFileName, e);
        }
    }

    /**
     * The TEI document for the article as a tree, built straight from the encoder's events (no serializing and
     * parsing in between); {@link #serialize} gives the same bytes as {@link #encode(Article, String)}. The tree
     * has no line numbers: locate problems found in it in the serialized bytes.
     *
     * @param baseUri the document's base URI, e.g. that of the file it will be written to
     */
    public XdmNode encodeTree(Article article, String sourceFileName, String baseUri) {
        DocumentBuilder builder = Xml.processor().newDocumentBuilder();
        builder.setBaseURI(java.net.URI.create(baseUri));
        try {
            BuildingStreamWriter w = builder.newBuildingStreamWriter();
            write(article, sourceFileName, w);
            return w.getDocumentNode();
        } catch (SaxonApiException e) {
            throw new IllegalStateException("TEI tree building failed for " + sourceFileName, e);
        }
    }

    /** A TEI tree of {@link #encodeTree} serialized exactly as {@link #encode(Article, String)} writes it. */
    public byte[] serialize(XdmNode tei) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try {
            serializer(out).serializeNode(tei);
        } catch (SaxonApiException e) {
            throw new IllegalStateException("TEI serialisation failed", e);
        }
        return out.toByteArray();
    }

    private static Serializer serializer(OutputStream out) {
        Serializer ser = Xml.processor().newSerializer(out);
        ser.setOutputProperty(Serializer.Property.METHOD, "xml");
        ser.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        ser.setOutputProperty(Serializer.Property.INDENT, "yes");
        ser.setOutputProperty(Serializer.Property.SAXON_SUPPRESS_INDENTATION, MIXED);
        return ser;
    }

    private void write(Article article, String sourceFileName, XMLStreamWriter w) {
        try {
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
            standOff(w, zh, en, glossaryPairs(article));
            w.writeEndElement(); // TEI
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException | JAXBException e) {
            throw new IllegalStateException("TEI serialisation failed for " + sourceFileName, e);
        }
    }

    /** The article's glossary as term → gloss pairs (the anchors of the sentence aligner); unsplit lines left out. */
    public static List<Map.Entry<String, String>> glossaryPairs(Article article) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        article.glossary().ifPresent(g -> g.entries().stream().filter(GlossEntry::split)
                .forEach(e -> out.add(Map.entry(e.term(), e.gloss()))));
        return out;
    }

    /** {@code rmrb-} and the input's base name, made a valid, stable XML name. */
    public static String documentId(String name) {
        return "rmrb-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
    }

    /** An alignment unit as written: its id and length, and the ids and lengths of its sentences. */
    private record Unit(String id, int length, List<String> sentences, int[] sentenceLengths, List<String> texts) {
    }

    /** A side's alignment units, by kind (list items count as paragraphs), and all of them in document order. */
    private record Units(List<Unit> heads, List<Unit> bylines, List<Unit> paragraphs, List<Unit> all) {
    }

    private Units side(XMLStreamWriter w, List<Block> blocks, String type, String lang, String prefix,
                       boolean english) throws XMLStreamException {
        w.writeStartElement("", "div", NS);
        w.writeAttribute("type", type);
        w.writeAttribute("xml", XML_NS, "lang", lang);
        w.writeAttribute("xml", XML_NS, "id", prefix);
        List<Unit> heads = new ArrayList<>();
        List<Unit> bylines = new ArrayList<>();
        List<Unit> paras = new ArrayList<>();
        List<Unit> all = new ArrayList<>();
        int paragraphs = 0;
        int items = 0;
        boolean firstParagraph = true;
        boolean inList = false;
        for (Block b : blocks) {
            if (inList && b.kind() != Block.Kind.ITEM) {
                w.writeEndElement(); // list
                inList = false;
            }
            String id;
            List<Unit> kind;
            switch (b.kind()) {
                case HEAD -> {
                    id = prefix + "-h" + (heads.size() + 1);
                    w.writeStartElement("", "head", NS);
                    kind = heads;
                }
                case BYLINE -> {
                    id = prefix + "-b" + (bylines.size() + 1);
                    w.writeStartElement("", "byline", NS);
                    kind = bylines;
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
                    kind = paras;
                }
                default -> {
                    id = prefix + "-p" + (++paragraphs);
                    w.writeStartElement("", "p", NS);
                    kind = paras;
                }
            }
            w.writeAttribute("xml", XML_NS, "id", id);
            if (b.kind() == Block.Kind.HEAD) {
                w.writeAttribute("type", heads.isEmpty() ? "main" : "sub");
            }
            String rend = rend(b.blankBefore(), b.right());
            if (rend != null) {
                w.writeAttribute("rend", rend);
            }
            Inline content = new Inline(NS);
            int dateline = 0;
            String text = b.text();
            if (b.kind() == Block.Kind.PARAGRAPH && firstParagraph) {
                firstParagraph = false;
                Matcher d = DATELINE.matcher(text);
                if (d.find() && (!english || !d.group().contains("*"))) {
                    content.start("seg", null, "type", "dateline");
                    content.text(d.group());
                    content.end();
                    dateline = d.group().length();
                    text = text.substring(d.end());
                }
            }
            inline(content, text, english);
            String display = content.text();
            List<Sentence> sentences = new ArrayList<>(content.acceptable(
                    english ? SentenceSplitter.english(display) : SentenceSplitter.chinese(display)));
            if (sentences.size() > 1 && sentences.get(0).end() <= dateline) {
                // a dateline ending in a full stop ("Xinhua News Agency, 4th.") opens the sentence after it
                sentences.set(0, new Sentence(sentences.get(0).start(), sentences.remove(1).end()));
            }
            List<String> ids = new ArrayList<>(sentences.size());
            int[] lengths = new int[sentences.size()];
            List<String> texts = new ArrayList<>(sentences.size());
            for (int k = 0; k < sentences.size(); k++) {
                ids.add(id + "-s" + (k + 1));
                Sentence sentence = sentences.get(k);
                texts.add(display.substring(sentence.start(), sentence.end()));
                lengths[k] = Lengths.of(texts.get(k), english);
            }
            content.write(w, sentences, ids);
            Unit unit = new Unit(id, Lengths.of(display, english), ids, lengths, texts);
            kind.add(unit);
            all.add(unit);
            w.writeEndElement();
        }
        if (inList) {
            w.writeEndElement(); // list
        }
        w.writeEndElement(); // div
        return new Units(heads, bylines, paras, all);
    }

    private static String rend(boolean blankBefore, boolean right) {
        if (blankBefore && right) {
            return "blank-before right";
        }
        return blankBefore ? "blank-before" : right ? "right" : null;
    }

    /** English text: Markdown emphasis as {@code hi}, Chinese left untranslated as {@code foreign}. Chinese: verbatim. */
    private static void inline(Inline out, String text, boolean english) {
        if (!english) {
            out.text(text);
            return;
        }
        for (Span s : Span.parse(text)) {
            if (s.style() == Span.Style.PLAIN) {
                withForeign(out, s.text());
            } else {
                out.start("hi", null, "rend", s.style() == Span.Style.BOLD ? "bold" : "italic");
                withForeign(out, s.text());
                out.end();
            }
        }
    }

    private static void withForeign(Inline out, String text) {
        Matcher m = HAN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.text(text.substring(last, m.start()));
            out.start("foreign", XML_NS, "lang", HeaderBuilder.ZH);
            out.text(m.group());
            out.end();
            last = m.end();
        }
        out.text(text.substring(last));
    }

    /** Writes English inline content (glossary heading and glosses) without sentences. */
    private static void inline(XMLStreamWriter w, String text) throws XMLStreamException {
        Inline content = new Inline(NS);
        inline(content, text, true);
        content.write(w, List.of(), List.of());
    }

    private static void glossary(XMLStreamWriter w, Glossary g) throws XMLStreamException {
        w.writeStartElement("", "back", NS);
        w.writeStartElement("", "div", NS);
        w.writeAttribute("type", "glossary");
        w.writeAttribute("xml", XML_NS, "id", "glossary");
        if (g.entries().isEmpty()) {
            // a heading with no entry under it: the heading alone (a TEI list needs an item)
            w.writeStartElement("", "head", NS);
            w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.EN);
            if (g.blankBefore()) {
                w.writeAttribute("rend", "blank-before");
            }
            inline(w, g.heading());
            w.writeEndElement();
            w.writeEndElement(); // div
            w.writeEndElement(); // back
            return;
        }
        w.writeStartElement("", "list", NS);
        w.writeAttribute("type", "glossary");
        if (g.blankBefore()) {
            w.writeAttribute("rend", "blank-before");
        }
        w.writeStartElement("", "head", NS);
        w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.EN);
        inline(w, g.heading());
        w.writeEndElement();
        for (GlossEntry e : g.entries()) {
            w.writeStartElement("", "item", NS);
            if (e.blankBefore()) {
                w.writeAttribute("rend", "blank-before");
            }
            if (!e.split()) {
                inline(w, e.gloss()); // a line that is not term and gloss, verbatim
                w.writeEndElement();
                continue;
            }
            w.writeStartElement("", "term", NS);
            w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.ZH);
            w.writeCharacters(e.term());
            w.writeEndElement();
            w.writeCharacters(e.separator());
            w.writeStartElement("", "gloss", NS);
            w.writeAttribute("xml", XML_NS, "lang", HeaderBuilder.EN);
            inline(w, e.gloss());
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement(); // list
        w.writeEndElement(); // div
        w.writeEndElement(); // back
    }

    /**
     * The alignment, made at the sentence level over the whole article ({@link ArticleAligner}: lengths, unit
     * boundaries and anchors such as numbers and the glossary's names); the unit-level links follow from it, one per
     * group of units the sentence links join, with the lowest cert of those links. When it pairs nothing at all
     * (a poem translated at three times the usual length), the one thing known is that the whole translation renders
     * the whole original: one link joins them at both levels, its cert the probability of lengths this far apart in
     * a true pair.
     */
    private void standOff(XMLStreamWriter w, Units zh, Units en, List<Map.Entry<String, String>> glossary)
            throws XMLStreamException {
        List<Seg> zs = segs(zh.all());
        List<Seg> es = segs(en.all());
        List<Bead> beads = aligner.align(zs, es, glossary);
        boolean linked = beads.stream().anyMatch(b -> !b.source().isEmpty() && !b.target().isEmpty());
        if (!linked && !zs.isEmpty() && !es.isEmpty()) {
            int zl = zs.stream().mapToInt(Seg::length).sum();
            int el = es.stream().mapToInt(Seg::length).sum();
            double cert = Math.round(LengthModel.chineseEnglish().match(zl, el) * 100) / 100.0;
            beads = List.of(new Bead(range(zs.size()), range(es.size()), cert));
        }
        w.writeStartElement("", "standOff", NS);
        startLinkGrp(w, "paragraph");
        unitLinks(w, beads, zs, es, zh.all(), en.all());
        w.writeEndElement();
        startLinkGrp(w, "sentence");
        for (Bead b : beads) {
            link(w, b.source().stream().map(i -> zs.get(i).id()).toList(),
                    b.target().stream().map(i -> es.get(i).id()).toList(), b.cert());
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static List<Seg> segs(List<Unit> units) {
        List<Seg> out = new ArrayList<>();
        for (Unit u : units) {
            for (int k = 0; k < u.sentences().size(); k++) {
                out.add(new Seg(u.sentences().get(k), u.texts().get(k), u.id(), k == 0,
                        u.id().charAt(u.id().indexOf('-') + 1), u.sentenceLengths()[k]));
            }
        }
        return out;
    }

    /**
     * One link per group of units joined by two-sided sentence links (union of the units each link touches), in the
     * order of the sentence links; a unit no two-sided link touches is unaligned.
     */
    private static void unitLinks(XMLStreamWriter w, List<Bead> beads, List<Seg> zs, List<Seg> es, List<Unit> zhUnits,
                                  List<Unit> enUnits) throws XMLStreamException {
        // union-find over the units: the units of a two-sided bead join one group
        Map<String, String> parent = new java.util.HashMap<>();
        java.util.function.UnaryOperator<String> find = new java.util.function.UnaryOperator<>() {
            @Override
            public String apply(String u) {
                String p = parent.getOrDefault(u, u);
                if (p.equals(u)) {
                    return u;
                }
                String r = apply(p);
                parent.put(u, r);
                return r;
            }
        };
        Set<String> linked = new java.util.HashSet<>();
        for (Bead b : beads) {
            if (b.source().isEmpty() || b.target().isEmpty()) {
                continue;
            }
            String root = find.apply(zs.get(b.source().get(0)).unit());
            for (int i : b.source()) {
                linked.add(zs.get(i).unit());
                parent.put(find.apply(zs.get(i).unit()), root);
            }
            for (int j : b.target()) {
                linked.add(es.get(j).unit());
                parent.put(find.apply(es.get(j).unit()), find.apply(root));
            }
        }
        // each group's units in document order, and its lowest cert, in one pass each
        Map<String, List<String>> zhOf = new java.util.HashMap<>();
        Map<String, List<String>> enOf = new java.util.HashMap<>();
        zhUnits.stream().map(Unit::id).filter(linked::contains)
                .forEach(u -> zhOf.computeIfAbsent(find.apply(u), k -> new ArrayList<>()).add(u));
        enUnits.stream().map(Unit::id).filter(linked::contains)
                .forEach(u -> enOf.computeIfAbsent(find.apply(u), k -> new ArrayList<>()).add(u));
        Map<String, Double> cert = new java.util.HashMap<>();
        for (Bead b : beads) {
            if (!b.source().isEmpty() && !b.target().isEmpty()) {
                cert.merge(find.apply(zs.get(b.source().get(0)).unit()), b.cert(), Math::min);
            }
        }
        // in the order of the beads: a group's link where its first bead is, a unit no link touches where it is
        Set<String> written = new java.util.HashSet<>();
        for (Bead b : beads) {
            if (b.source().isEmpty() || b.target().isEmpty()) {
                for (int i : b.source()) {
                    unaligned(w, zs.get(i).unit(), linked, written);
                }
                for (int j : b.target()) {
                    unaligned(w, es.get(j).unit(), linked, written);
                }
            } else {
                String root = find.apply(zs.get(b.source().get(0)).unit());
                if (written.add(root)) {
                    link(w, zhOf.get(root), enOf.get(root), cert.get(root));
                }
            }
        }
        for (Unit u : zhUnits) {
            unaligned(w, u.id(), linked, written);
        }
        for (Unit u : enUnits) {
            unaligned(w, u.id(), linked, written);
        }
    }

    /** A ptr for a unit that is in no link, once. */
    private static void unaligned(XMLStreamWriter w, String unit, Set<String> linked, Set<String> written)
            throws XMLStreamException {
        if (!linked.contains(unit) && written.add(unit)) {
            link(w, List.of(unit), List.of(), Double.NaN);
        }
    }

    /** Opens the translation linkGrp of one level: {@code paragraph} or {@code sentence}. */
    private static void startLinkGrp(XMLStreamWriter w, String level) throws XMLStreamException {
        w.writeStartElement("", "linkGrp", NS);
        w.writeAttribute("type", "translation");
        w.writeAttribute("subtype", level);
        w.writeAttribute("domains", "#zh #en");
    }

    /** A link of both sides, or one {@code ptr type="unaligned"} per unit when one side is empty. */
    private static void link(XMLStreamWriter w, List<String> zh, List<String> en, double cert)
            throws XMLStreamException {
        if (zh.isEmpty() || en.isEmpty()) {
            for (String id : zh.isEmpty() ? en : zh) {
                w.writeEmptyElement("", "ptr", NS);
                w.writeAttribute("type", "unaligned");
                w.writeAttribute("target", "#" + id);
            }
            return;
        }
        StringBuilder target = new StringBuilder();
        for (String id : zh) {
            target.append(target.isEmpty() ? "#" : " #").append(id);
        }
        for (String id : en) {
            target.append(" #").append(id);
        }
        w.writeEmptyElement("", "link", NS);
        w.writeAttribute("target", target.toString());
        if (!Double.isNaN(cert)) {
            w.writeAttribute("cert", String.format(Locale.ROOT, "%.2f", cert));
        }
    }

    private static List<Integer> range(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    private static int[] lengths(List<Unit> units) {
        return units.stream().mapToInt(Unit::length).toArray();
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
