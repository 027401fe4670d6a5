package org.bitext.export.parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.xml.Xml;

/**
 * The aligned text of bitext TEI documents, as translation units: one per sentence link (or, for the paragraph
 * level, per unit link) whose two sides both have text, with the article it comes from. Sentences are read as plain
 * text (the text of {@code hi}, {@code foreign} and {@code seg} kept, their markup not), white space runs made one
 * space; an n:m link's sentences are joined, the Chinese without a space, the English with one. Unaligned sentences
 * ({@code ptr}) are not units.
 */
public final class AlignedText {
    /**
     * One translation unit.
     *
     * @param article the TEI document's {@code xml:id}
     * @param date    the publication date ({@code sourceDesc/bibl/date/@when}), empty when none
     * @param page    the page ({@code biblScope/@n}), empty when none
     * @param link    the link's targets without {@code #}, Chinese first: {@code zh-p1-s1 en-p1-s1 en-p1-s2}
     * @param zh      the Chinese text
     * @param en      the English text
     * @param cert    the link's {@code @cert}, or NaN when it has none
     * @param zhCount Chinese sentences (or units) in the link
     * @param enCount English sentences (or units) in the link
     */
    public record Unit(String article, String date, String page, String link, String zh, String en, double cert,
                       int zhCount, int enCount) {
        /** A stable identifier: the article and the link's first Chinese and English ids. */
        public String tuid() {
            return article + ":" + link.replace(' ', '+');
        }

        /** The link's shape, e.g. {@code 2-1}. */
        public String beads() {
            return zhCount + "-" + enCount;
        }
    }

    /** A document that cannot be exported at the level asked for. */
    public static final class ExportProblem extends Exception {
        public ExportProblem(String message) {
            super(message);
        }
    }

    private static final XPathExecutable HEADER;
    private static final XPathExecutable SENTENCE_LINKS;
    private static final XPathExecutable UNIT_LINKS;
    private static final XPathExecutable SENTENCES;
    private static final XPathExecutable SENTENCE_GROUP;
    private static final XPathExecutable UNIT_GROUP;
    private static final XPathExecutable UNITS;

    static {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        try {
            HEADER = xp.compile("let $b := (/TEI/teiHeader/fileDesc/sourceDesc/bibl)[1] return (string(/TEI/@xml:id), "
                    + "string(($b/date/@when)[1]), string(($b/biblScope[@unit = 'page'][lang('zh')]/@n, "
                    + "$b/biblScope/@n)[1]))");
            SENTENCE_LINKS = xp.compile("/TEI/standOff/linkGrp[@type = 'translation'][@subtype = 'sentence']/link");
            UNIT_LINKS = xp.compile("/TEI/standOff/linkGrp[@type = 'translation'][not(@subtype) or @subtype = "
                    + "'paragraph']/link");
            SENTENCE_GROUP = xp.compile("/TEI/standOff/linkGrp[@type = 'translation'][@subtype = 'sentence']");
            UNIT_GROUP = xp.compile("/TEI/standOff/linkGrp[@type = 'translation'][not(@subtype) or @subtype = "
                    + "'paragraph']");
            SENTENCES = xp.compile("/TEI/text/body/div[@type = ('original', 'translation')]//s[@xml:id]");
            UNITS = xp.compile("/TEI/text/body/div[@type = ('original', 'translation')]/(head | byline | p | "
                    + "list[@type = 'bulleted']/item)[@xml:id]");
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private AlignedText() {
    }

    /**
     * The TEI files to export, in a stable order: a run's output folder gives its {@code tei/} tree; another folder
     * its {@code *.xml} tree; a file itself.
     */
    public static List<Path> teiFiles(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                Path root = Files.isDirectory(p.resolve("tei")) ? p.resolve("tei") : p;
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".xml")
                            && !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new NoSuchFileException(p.toString(), null, "no such file or folder");
            }
        }
        return out;
    }

    /**
     * The units of one document.
     *
     * @param where      the document's name for messages
     * @param paragraphs one unit per paragraph-level link instead of per sentence link
     * @param minCert    links whose {@code @cert} is below it are left out (links without one are kept)
     * @throws ExportProblem when the document has no alignment at that level (older output, TEI from elsewhere)
     */
    public static List<Unit> units(XdmNode tei, String where, boolean paragraphs, double minCert)
            throws ExportProblem {
        try {
            if (!hasLinkGroup(tei, paragraphs)) {
                throw new ExportProblem(where + ":1:1: error: no " + (paragraphs ? "paragraph" : "sentence")
                        + "-level alignment (standOff/linkGrp[@type='translation'][@subtype='"
                        + (paragraphs ? "paragraph" : "sentence") + "']): TEI from an older bitext or from elsewhere. "
                        + (paragraphs ? "Convert its input again with `bitext run`."
                        : "Convert its input again with `bitext run`, or export the paragraph level with --paragraphs."));
            }
            List<String> h = strings(HEADER, tei);
            Map<String, String[]> text = new HashMap<>(); // id -> {side, text}
            for (XdmItem s : select(paragraphs ? UNITS : SENTENCES, tei)) {
                XdmNode n = (XdmNode) s;
                String id = n.getAttributeValue(new net.sf.saxon.s9api.QName("http://www.w3.org/XML/1998/namespace",
                        "id"));
                String side = id.startsWith("zh-") ? "zh" : id.startsWith("en-") ? "en" : side(n);
                text.put(id, new String[] {side, n.getStringValue().replaceAll("[\\s\u00A0]+", " ").strip()});
            }
            List<Unit> out = new ArrayList<>();
            for (XdmItem item : select(paragraphs ? UNIT_LINKS : SENTENCE_LINKS, tei)) {
                XdmNode link = (XdmNode) item;
                String certText = link.getAttributeValue(new net.sf.saxon.s9api.QName("cert"));
                double cert = certText == null || certText.isBlank() ? Double.NaN : Double.parseDouble(certText);
                if (!Double.isNaN(cert) && cert < minCert) {
                    continue;
                }
                List<String> zh = new ArrayList<>();
                List<String> en = new ArrayList<>();
                List<String> zhIds = new ArrayList<>();
                List<String> enIds = new ArrayList<>();
                String target = link.getAttributeValue(new net.sf.saxon.s9api.QName("target"));
                for (String t : target.strip().split("\\s+")) {
                    String id = t.startsWith("#") ? t.substring(1) : t;
                    String[] st = text.get(id);
                    if (st == null) {
                        throw new ExportProblem(where + ": error: the link target \"" + t + "\" names no "
                                + (paragraphs ? "unit" : "sentence") + " of the document; validate it with `bitext "
                                + "validate`");
                    }
                    if (st[0].equals("zh")) {
                        zh.add(st[1]);
                        zhIds.add(id);
                    } else {
                        en.add(st[1]);
                        enIds.add(id);
                    }
                }
                String zhText = String.join("", zh).strip();
                String enText = String.join(" ", en).strip();
                if (zhText.isEmpty() || enText.isEmpty()) {
                    continue;
                }
                List<String> ids = new ArrayList<>(zhIds);
                ids.addAll(enIds);
                out.add(new Unit(h.get(0), h.get(1), h.get(2), String.join(" ", ids), zhText, enText, cert,
                        zhIds.size(), enIds.size()));
            }
            return out;
        } catch (SaxonApiException e) {
            throw new ExportProblem(where + ": error: " + e.getMessage());
        }
    }

    /**
     * One sentence of a document with the ids of its counterparts in the other language (the other side's targets of
     * the sentence link it is in; none when it is unaligned or the document has no sentence-level alignment).
     *
     * @param id           the sentence's {@code xml:id}
     * @param lang         {@code zh} or {@code en}
     * @param text         its plain text, white space runs made one space
     * @param counterparts the ids of its counterparts, in the link's order
     */
    public record Sentence(String id, String lang, String text, List<String> counterparts) {
        public Sentence {
            counterparts = List.copyOf(counterparts);
        }
    }

    /** Every sentence of a document, in document order (Chinese side first), with its counterparts. */
    public static List<Sentence> sentences(XdmNode tei) throws SaxonApiException {
        Map<String, List<String>> counterparts = new HashMap<>();
        Map<String, String> sides = new HashMap<>();
        List<XdmNode> nodes = new ArrayList<>();
        for (XdmItem s : select(SENTENCES, tei)) {
            XdmNode n = (XdmNode) s;
            String id = n.getAttributeValue(XML_ID);
            sides.put(id, id.startsWith("zh-") ? "zh" : id.startsWith("en-") ? "en" : side(n));
            nodes.add(n);
        }
        for (XdmItem item : select(SENTENCE_LINKS, tei)) {
            List<String> ids = new ArrayList<>();
            for (String t : ((XdmNode) item).getAttributeValue(new net.sf.saxon.s9api.QName("target")).strip()
                    .split("\\s+")) {
                ids.add(t.startsWith("#") ? t.substring(1) : t);
            }
            for (String a : ids) {
                for (String b : ids) {
                    if (sides.containsKey(a) && sides.containsKey(b) && !sides.get(a).equals(sides.get(b))) {
                        counterparts.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                    }
                }
            }
        }
        List<Sentence> out = new ArrayList<>(nodes.size());
        for (XdmNode n : nodes) {
            String id = n.getAttributeValue(XML_ID);
            out.add(new Sentence(id, sides.get(id), n.getStringValue().replaceAll("[\\s\u00A0]+", " ").strip(),
                    counterparts.getOrDefault(id, List.of())));
        }
        return out;
    }

    private static final net.sf.saxon.s9api.QName XML_ID =
            new net.sf.saxon.s9api.QName("http://www.w3.org/XML/1998/namespace", "id");

    private static boolean hasLinkGroup(XdmNode tei, boolean paragraphs) throws SaxonApiException {
        return select(paragraphs ? UNIT_GROUP : SENTENCE_GROUP, tei).size() > 0;
    }

    private static String side(XdmNode n) {
        for (XdmNode a = n.getParent(); a != null; a = a.getParent()) {
            String type = a.getAttributeValue(new net.sf.saxon.s9api.QName("type"));
            if ("original".equals(type)) {
                return "zh";
            }
            if ("translation".equals(type)) {
                return "en";
            }
        }
        return "en";
    }

    private static net.sf.saxon.s9api.XdmValue select(XPathExecutable x, XdmNode doc) throws SaxonApiException {
        XPathSelector s = x.load();
        s.setContextItem(doc);
        return s.evaluate();
    }

    private static List<String> strings(XPathExecutable x, XdmNode doc) throws SaxonApiException {
        List<String> out = new ArrayList<>();
        for (XdmItem i : select(x, doc)) {
            out.add(i.getStringValue());
        }
        return out;
    }
}
