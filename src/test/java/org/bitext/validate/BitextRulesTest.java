package org.bitext.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.bitext.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSOutput;
import org.w3c.dom.ls.LSSerializer;

/**
 * The one-pass Java rules give exactly the findings of SchXslt running {@code bitext.sch} (same rules, lines,
 * columns, messages, order) on the corpus's TEI, the test samples, TEI from other projects and thousands of
 * documents mutated at random (fixed seed) where the rules bite: pointers, ids, links, sentences, languages, dates,
 * both sides. Every assert and report of the schema must fire somewhere in the run, so that no rule goes untested.
 */
class BitextRulesTest {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final Path SCH = Path.of("schemas", "bitext.sch");
    private static TeiValidator fast;
    private static TeiValidator reference;

    @BeforeAll
    static void load() throws Exception {
        fast = TeiValidator.builtin();
        reference = TeiValidator.builtinReference();
    }

    /** Documents as they are: the corpus's TEI, the valid and invalid samples, TEI by others. */
    static List<byte[]> documents() throws Exception {
        List<byte[]> docs = new ArrayList<>();
        for (Path article : Corpus.articles()) {
            docs.add(Corpus.tei(article));
        }
        for (String dir : new String[] {"src/test/resources/valid", "src/test/resources/invalid"}) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    docs.add(Files.readAllBytes(p));
                }
            }
        }
        Path foreign = Path.of("..", "shared", "foreign-tei");
        if (Files.isDirectory(foreign)) {
            try (Stream<Path> s = Files.list(foreign)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    docs.add(Files.readAllBytes(p));
                }
            }
        }
        return docs;
    }

    @Test
    void sameFindingsAsSchxsltOnRealAndMutatedDocuments() throws Exception {
        List<byte[]> originals = documents();
        TreeMap<String, Integer> fired = new TreeMap<>();
        int compared = 0;
        int withFindings = 0;
        for (int i = 0; i < originals.size(); i++) {
            compared++;
            withFindings += compare(originals.get(i), "doc" + i, fired) ? 1 : 0;
        }
        Random random = new Random(20261202L);
        int mutants = 40;
        for (int i = 0; i < originals.size(); i++) {
            for (int m = 0; m < mutants; m++) {
                Document d = parse(originals.get(i));
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    mutate(d, random);
                }
                if (random.nextInt(10) == 0) {
                    prefixTei(d);
                }
                compared++;
                withFindings += compare(serialize(d), "mutant" + i + "-" + m, fired) ? 1 : 0;
            }
        }
        Set<String> ids = schemaIds();
        assertTrue(ids.size() >= 17, () -> "the schema's assert and report ids: " + ids);
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(fired.keySet());
        assertTrue(missing.isEmpty(), "rules that never fired in " + compared + " documents: " + missing + "; fired: " + fired);
        assertTrue(withFindings > compared / 4, withFindings + " of " + compared + " documents had findings");
        System.out.println("BitextRulesTest: " + compared + " documents, " + withFindings + " with findings; findings by rule: " + fired);
    }

    @Test
    void aCommentEndsTheLooseTextNode() throws Exception {
        Document d = parse(Corpus.tei(Corpus.articles().get(0)));
        Element p = elements(d).stream().filter(e -> "p".equals(e.getLocalName())
                && "translation".equals(((Element) e.getParentNode()).getAttribute("type"))).findFirst().orElseThrow();
        p.insertBefore(d.createTextNode(" first part "), p.getFirstChild());
        p.insertBefore(d.createComment(" between "), p.getFirstChild().getNextSibling());
        p.insertBefore(d.createTextNode(" second part "), p.getFirstChild().getNextSibling().getNextSibling());
        byte[] xml = serialize(d);
        List<Problem> problems = fast.validate(xml, "commented.xml");
        assertEquals(reference.validate(xml, "commented.xml"), problems);
        assertTrue(problems.stream().anyMatch(x -> "sentences-cover".equals(x.rule())
                && x.message().contains("\"first part\" lies outside") && !x.message().contains("second")), problems::toString);
    }

    /** Both validators on one document: equal problem lists; true if there were Schematron findings. */
    private static boolean compare(byte[] xml, String name, TreeMap<String, Integer> fired) {
        List<Problem> expected = reference.validate(xml, name);
        List<Problem> actual = fast.validate(xml, name);
        assertEquals(expected, actual, () -> "findings differ on\n" + new String(xml, StandardCharsets.UTF_8));
        boolean any = false;
        for (Problem p : expected) {
            if (p.source().equals("sch")) {
                fired.merge(p.rule(), 1, Integer::sum);
                any = true;
            }
        }
        return any;
    }

    /** The ids of the schema's asserts and reports. */
    private static Set<String> schemaIds() throws Exception {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("<sch:(?:assert|report) id=\"([^\"]+)\"").matcher(Files.readString(SCH));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    // ---- mutations ---------------------------------------------------------------------------------------------

    private static final String[] ATTRIBUTES = {"xml:id", "target", "type", "subtype", "when", "who", "xml:lang",
        "ident", "domains"};
    private static final String[] NAMES = {"p", "head", "byline", "item", "s", "div", "list", "link", "ptr", "linkGrp",
        "note", "ab", "date", "body", "bibl", "seg"};
    private static final String[] WORDS = {"", " ", "original", "translation", "sentence", "paragraph", "bitext",
        "#bitext", "zh-Hans", "en", "fr", "missing", "#nope", "nohash", "#", "1960-06-14", "1960-02-30", "1960-6-14",
        "0000-01-01", "2000-02-29", "1900-02-29", "1960-06-14\n", " 1960-06-14", "1960-13-01", "１９６０-06-14",
        "-1960-06-14", "1960-06-14Z", "bulleted", "unaligned"};

    private static void mutate(Document d, Random r) {
        List<Element> all = elements(d);
        Element e = all.get(r.nextInt(all.size()));
        Element root = d.getDocumentElement();
        switch (r.nextInt(13)) {
            case 0 -> { // remove an attribute
                NamedNodeMap as = e.getAttributes();
                if (as.getLength() > 0) {
                    e.removeAttributeNode((Attr) as.item(r.nextInt(as.getLength())));
                }
            }
            case 1 -> setAttribute(e, ATTRIBUTES[r.nextInt(ATTRIBUTES.length)], value(d, r));
            case 2 -> { // edit the tokens of a pointer list
                List<Element> holders = all.stream().filter(x -> x.hasAttribute("target")).toList();
                if (!holders.isEmpty()) {
                    Element h = holders.get(r.nextInt(holders.size()));
                    List<String> t = new ArrayList<>(List.of(h.getAttribute("target").trim().split("\\s+")));
                    switch (r.nextInt(4)) {
                        case 0 -> java.util.Collections.reverse(t);
                        case 1 -> t.remove(r.nextInt(t.size()));
                        case 2 -> t.add(r.nextInt(t.size() + 1), t.get(r.nextInt(t.size())));
                        default -> t.add(r.nextInt(t.size() + 1), ref(d, r));
                    }
                    h.setAttribute("target", String.join(r.nextBoolean() ? " " : "  ", t));
                }
            }
            case 3 -> { // delete an element
                if (e != root) {
                    e.getParentNode().removeChild(e);
                }
            }
            case 4 -> { // duplicate an element, ids and all
                if (e != root) {
                    e.getParentNode().insertBefore(e.cloneNode(true), e.getNextSibling());
                }
            }
            case 5 -> d.renameNode(e, TEI, NAMES[r.nextInt(NAMES.length)]);
            case 6 -> d.renameNode(e, "urn:example:other", "o:" + e.getLocalName());
            case 7 -> { // unwrap an element
                if (e != root) {
                    while (e.getFirstChild() != null) {
                        e.getParentNode().insertBefore(e.getFirstChild(), e);
                    }
                    e.getParentNode().removeChild(e);
                }
            }
            case 8 -> { // loose text, white space, an element, a comment, a processing instruction or CDATA inside
                Node n = switch (r.nextInt(6)) {
                    case 0 -> d.createTextNode(" loose words ");
                    case 1 -> d.createTextNode("\n   ");
                    case 2 -> d.createComment(" a comment ends a text node ");
                    case 3 -> d.createProcessingInstruction("pi", "so does this");
                    case 4 -> d.createCDATASection(" text in CDATA ");
                    default -> d.createElementNS(TEI, "hi");
                };
                if (n instanceof Element x) {
                    x.setTextContent("emphasis");
                }
                e.insertBefore(n, r.nextBoolean() ? e.getFirstChild() : null);
            }
            case 9 -> { // an id used twice, or a pointed-at id changed
                List<Element> withId = all.stream().filter(x -> x.hasAttributeNS(XML, "id")).toList();
                if (!withId.isEmpty()) {
                    Element other = withId.get(r.nextInt(withId.size()));
                    setAttribute(e, "xml:id", r.nextBoolean() ? other.getAttributeNS(XML, "id") : "x" + r.nextInt(5));
                }
            }
            case 10 -> setAttribute(e, "xml:lang", new String[] {"zh-Hans", "en", "fr", "", "de", "zh"}[r.nextInt(6)]);
            case 11 -> { // the source date
                NodeList dates = d.getElementsByTagNameNS(TEI, "date");
                if (dates.getLength() > 0) {
                    Element date = (Element) dates.item(r.nextInt(dates.getLength()));
                    String v = WORDS[15 + r.nextInt(11)];
                    if (r.nextBoolean()) {
                        date.setAttribute("when", v);
                    } else {
                        date.setTextContent(r.nextBoolean() ? v : "");
                    }
                }
            }
            default -> { // a note that a side is missing
                NodeList bodies = d.getElementsByTagNameNS(TEI, "body");
                if (bodies.getLength() > 0) {
                    Element note = d.createElementNS(TEI, "note");
                    note.setAttribute("type", r.nextBoolean() ? "missing" : "other");
                    note.setTextContent(r.nextBoolean() ? "The translation was never made." : " ");
                    bodies.item(0).appendChild(note);
                }
            }
        }
    }

    private static String value(Document d, Random r) {
        return r.nextInt(3) == 0 ? ref(d, r) : WORDS[r.nextInt(WORDS.length)];
    }

    /** "#" and an id of the document, now and then two of them. */
    private static String ref(Document d, Random r) {
        List<Element> withId = elements(d).stream().filter(x -> x.hasAttributeNS(XML, "id")).toList();
        if (withId.isEmpty()) {
            return "#none";
        }
        String one = "#" + withId.get(r.nextInt(withId.size())).getAttributeNS(XML, "id");
        return r.nextInt(4) == 0 ? one + " #" + withId.get(r.nextInt(withId.size())).getAttributeNS(XML, "id") : one;
    }

    private static void setAttribute(Element e, String name, String value) {
        if (name.startsWith("xml:")) {
            e.setAttributeNS(XML, name, value);
        } else {
            e.setAttribute(name, value);
        }
    }

    /** Writes the TEI elements with a tei: prefix: name() then differs from local-name(). */
    private static void prefixTei(Document d) {
        for (Element e : elements(d)) {
            if (TEI.equals(e.getNamespaceURI())) {
                d.renameNode(e, TEI, "tei:" + e.getLocalName());
            }
        }
    }

    private static List<Element> elements(Document d) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            out.add((Element) all.item(i));
        }
        return out;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static byte[] serialize(Document d) {
        DOMImplementationLS ls = (DOMImplementationLS) d.getImplementation();
        LSSerializer s = ls.createLSSerializer();
        LSOutput out = ls.createLSOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.setByteStream(bytes);
        out.setEncoding("UTF-8");
        s.write(d, out);
        return bytes.toByteArray();
    }
}
