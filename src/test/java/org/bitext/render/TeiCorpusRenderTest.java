package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.validate.TeiValidator;
import org.bitext.xml.Xml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A teiCorpus renders every member: the corpus's header, then each member TEI in document order with its header and
 * all the text of its text element. HTML: one page, a member an article whose ids are its own; text: the members
 * after numbered rule lines.
 */
class TeiCorpusRenderTest {
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    /** Four members (prose, verse, two bitext notices) under a corpus header, two of them in a nested corpus. */
    static final Path CORPUS = TextBySentenceTest.FIXTURES.resolve("corpus/harbour-miscellany.xml");
    /** The rule line before a member in the text: its number between rules of '=' or '-'. */
    private static final Pattern RULE = Pattern.compile("(?m)^[=-]{4} ([0-9.]+) [=-]+$");
    private static Renderer renderer;

    @BeforeAll
    static void load() throws Exception {
        renderer = Renderer.load(null, List.of(Format.HTML, Format.TEXT), false);
    }

    /**
     * One member TEI of a corpus: its number ("2.1"), its titles, and the text nodes of its text element by side
     * (original, translation, or "" for any other text, the whole of a foreign document), each in document order.
     */
    record Member(String number, List<String> titles, Map<String, List<String>> texts) {
        String htmlId() {
            return "m" + number.replace('.', '-');
        }
    }

    private static XPathCompiler xpath() {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", TEI);
        return xp;
    }

    private static List<String> strings(String expr, XdmNode context) throws Exception {
        return xpath().evaluate(expr, context).stream().map(XdmItem::getStringValue).toList();
    }

    /** The member TEIs of a corpus file, in document order, nested ones included. */
    static List<Member> members(XdmNode corpus) throws Exception {
        List<Member> all = new ArrayList<>();
        for (XdmItem item : xpath().evaluate("//t:TEI", corpus)) {
            XdmNode tei = (XdmNode) item;
            String number = strings("string-join(ancestor-or-self::*[self::t:TEI or self::t:teiCorpus][parent::t:teiCorpus]"
                    + " ! string(count(preceding-sibling::*[self::t:TEI or self::t:teiCorpus]) + 1), '.')", tei).get(0);
            List<String> titles = strings("t:teiHeader/t:fileDesc/t:titleStmt/t:title[normalize-space()]/normalize-space()", tei);
            Map<String, List<String>> texts = new LinkedHashMap<>();
            for (XdmItem t : xpath().evaluate("t:text//text()[normalize-space()]", tei)) {
                String side = strings("string((ancestor::t:div[@type = ('original', 'translation')])[1]/@type)",
                        (XdmNode) t).get(0);
                texts.computeIfAbsent(side, k -> new ArrayList<>()).add(squeeze(t.getStringValue()));
            }
            all.add(new Member(number, titles, texts));
        }
        return all;
    }

    private static String html(XdmNode doc) throws Exception {
        return new String(renderer.render(doc, Format.HTML, Map.of()), StandardCharsets.UTF_8);
    }

    private static String text(XdmNode doc, Map<String, String> params) throws Exception {
        return new String(renderer.render(doc, Format.TEXT, params), StandardCharsets.UTF_8);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Each string of each side is found in {@code where}, after the one before it of the same side. */
    private static void assertInOrder(Map<String, List<String>> texts, String where, String what) {
        for (Map.Entry<String, List<String>> side : texts.entrySet()) {
            int from = 0;
            for (String s : side.getValue()) {
                int at = where.indexOf(s, from);
                assertTrue(at >= 0, () -> what + ": missing, or out of order (" + side.getKey() + "): " + s);
                from = at + s.length();
            }
        }
    }

    /** The article of each member, in page order, with the member's number as id. */
    private static List<Element> articles(Document page, List<Member> members) {
        List<Element> articles = page.select("main article.member");
        assertEquals(members.stream().map(Member::htmlId).toList(), articles.stream().map(Element::id).toList(),
                "one article per member, in document order");
        return articles;
    }

    /** The fixture is TEI as anyone may write it: valid against the official tei_all. */
    @Test
    void fixtureIsValidTei() throws Exception {
        String teiAll = System.getProperty("tei.all");
        Assumptions.assumeTrue(teiAll != null && !teiAll.isBlank(), "tei.all not set");
        assertEquals(List.of(), TeiValidator.relaxNg(Path.of(teiAll)).validate(CORPUS, CORPUS.getFileName().toString()));
    }

    @Test
    void htmlShowsTheCorpusHeaderThenEveryMemberWithAllItsText() throws Exception {
        XdmNode corpus = Xml.parse(CORPUS);
        List<Member> members = members(corpus);
        assertEquals(List.of("1", "2.1", "2.2", "3"), members.stream().map(Member::number).toList());
        Document page = Jsoup.parse(html(corpus));

        assertEquals("The Harbour Town Miscellany", page.title());
        Element header = page.selectFirst("body > .page > header.panel");
        assertNotNull(header, "the corpus's panel");
        assertEquals("The Harbour Town Miscellany", header.selectFirst("h1").text());
        for (String s : List.of("Logs, songs and notices from Saltmere", "Mara Quillfeather", "The Saltmere Reading Society",
                "9 March 2024", "Prose, verse and bilingual notices")) {
            assertTrue(header.text().contains(s), "corpus header: " + s);
        }
        Element part = page.getElementById("m2");
        assertNotNull(part, "the nested corpus's section");
        assertTrue(part.selectFirst("> header.panel").text().contains("Songs and Notices of the Quay"));
        assertTrue(part.selectFirst("> header.panel").text().contains("Ivo Stanmer"));

        List<Element> articles = articles(page, members);
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            Element article = articles.get(i);
            String panel = article.selectFirst("> header.panel").text();
            for (String title : m.titles()) {
                assertTrue(panel.contains(title), m.number() + ": title " + title);
            }
            Element content = article.selectFirst("> div.member-text, > div.reading");
            assertNotNull(content, m.number() + ": the member's text");
            assertInOrder(m.texts(), squeeze(content.wholeText()), "member " + m.number());
        }
        assertTrue(articles.get(0).selectFirst("> header.panel").text().contains("Tobias Wren"), "author");
        assertTrue(articles.get(0).selectFirst("> header.panel").text().contains("1911"), "date");
        assertTrue(articles.get(1).hasClass("generic") && articles.get(2).hasClass("bitext")
                && articles.get(3).hasClass("bitext"), "bitext members as the reading view, others generically");
        assertEquals(1, articles.get(2).select("table.parallel").size(), "the paragraph-aligned member's table");
        assertEquals(1, articles.get(3).select("table.parallel.by-sentence").size(), "the sentence-aligned member's table");
        assertEquals(1, articles.get(3).select("section.glossary").size(), "the glossary");
        assertEquals(1, page.select("script").size(), "the highlighting script, once");
    }

    @Test
    void htmlIdsAreUniqueAndEveryReferenceStaysInItsMember() throws Exception {
        XdmNode corpus = Xml.parse(CORPUS);
        Document page = Jsoup.parse(html(corpus));
        assertUniqueIds(page);
        // the table of contents links to every member and to the nested corpus
        assertEquals(List.of("#m1", "#m2", "#m2-1", "#m2-2", "#m3"),
                page.select("nav.toc a").stream().map(a -> a.attr("href")).toList());
        assertLinksResolve(page);
        Set<String> groups = new HashSet<>();
        for (Element article : page.select("article.member.bitext")) {
            // each reading view has a language switch of its own
            List<String> names = article.select("input[type=radio]").stream().map(e -> e.attr("name")).distinct().toList();
            assertEquals(1, names.size(), article.id() + ": one radio group");
            assertTrue(groups.add(names.get(0)), article.id() + ": a radio group of its own");
            // the counterparts of a sentence are in the same member
            for (Element s : article.select("[data-links]")) {
                for (String id : s.attr("data-links").split(" ")) {
                    Element c = page.getElementById(id);
                    assertNotNull(c, article.id() + ": counterpart " + id);
                    assertEquals(article, c.closest("article"), article.id() + ": counterpart " + id + " elsewhere");
                }
            }
            for (Element e : article.select("* [id]")) {
                assertTrue(e.id().startsWith(article.id() + "-"), article.id() + ": id without the member's prefix: " + e.id());
            }
        }
        assertEquals(2, groups.size());
    }

    private static void assertUniqueIds(Document page) {
        Set<String> seen = new HashSet<>();
        for (Element e : page.select("[id]")) {
            assertTrue(seen.add(e.id()), "id twice on the page: " + e.id());
        }
    }

    private static void assertLinksResolve(Document page) {
        for (Element a : page.select("a[href^=#]")) {
            assertNotNull(page.getElementById(a.attr("href").substring(1)), "link to nothing: " + a.attr("href"));
        }
    }

    /** Members of a corpus may share xml:ids (the corpus is then not valid, but such files exist): ids stay unique. */
    @Test
    void htmlIdsStayUniqueWhenMembersShareXmlIds() throws Exception {
        String member = "<TEI><teiHeader><fileDesc><titleStmt><title>%s</title></titleStmt>"
                + "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
                + "<text><body><div xml:id=\"d1\"><p xml:id=\"p1\">%s <ref target=\"#p1\">here</ref></p></div></body></text></TEI>";
        String xml = "<teiCorpus xmlns=\"" + TEI + "\"><teiHeader><fileDesc><titleStmt><title>Twins</title></titleStmt>"
                + "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
                + String.format(member, "First", "One") + String.format(member, "Second", "Two") + "</teiCorpus>";
        XdmNode corpus = Xml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "twins.xml");
        Document page = Jsoup.parse(html(corpus));
        assertUniqueIds(page);
        assertLinksResolve(page);
        for (String m : List.of("m1", "m2")) {
            Element link = page.getElementById(m).selectFirst("a.ref");
            assertEquals("#" + m + "-p1", link.attr("href"), "a link to an id of its own member");
            assertEquals(page.getElementById(m), page.getElementById(m + "-p1").closest("article"));
        }
    }

    /** The text between the rule lines: the corpus header first (key ""), then each member by number. */
    private static Map<String, String> segments(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher m = RULE.matcher(text);
        String key = "";
        int from = 0;
        while (m.find()) {
            parts.put(key, text.substring(from, m.start()));
            key = m.group(1);
            from = m.end();
        }
        parts.put(key, text.substring(from));
        return parts;
    }

    @Test
    void textGivesTheCorpusHeaderThenEveryMemberAfterANumberedRule() throws Exception {
        XdmNode corpus = Xml.parse(CORPUS);
        List<Member> members = members(corpus);
        String text = text(corpus, Map.of("width", "0"));
        assertTrue(text.startsWith("The Harbour Town Miscellany\nLogs, songs and notices from Saltmere\n"), text);
        Map<String, String> parts = segments(text);
        assertEquals(List.of("", "1", "2", "2.1", "2.2", "3"), List.copyOf(parts.keySet()), "members in document order");
        assertTrue(parts.get("").contains("Mara Quillfeather"));
        assertTrue(parts.get("2").contains("Songs and Notices of the Quay"), "the nested corpus's header");
        for (Member m : members) {
            String part = parts.get(m.number());
            for (String title : m.titles()) {
                assertTrue(part.contains(title), m.number() + ": title " + title);
            }
            assertInOrder(m.texts(), squeeze(part), "member " + m.number());
        }
        assertTrue(parts.get("1").contains("Tobias Wren\n1911\n"), "a generic member's author and date");
        assertTrue(text.endsWith("\n") && !text.endsWith("\n\n"), "one final line break");
    }

    @Test
    void textOfOneLanguageKeepsForeignMembersWhole() throws Exception {
        XdmNode corpus = Xml.parse(CORPUS);
        Map<String, String> parts = segments(text(corpus, Map.of("width", "0", "lang", "zh")));
        assertTrue(parts.get("3").contains("请自带购物袋。"));
        assertFalse(parts.get("3").contains("Please bring your own bags."), "the other side of a bitext member");
        assertTrue(parts.get("2.1").contains("Knot by knot and row by row,"), "a foreign member has no sides");
    }

    @Test
    void wrappedTextKeepsTheRules() throws Exception {
        String text = text(Xml.parse(CORPUS), Map.of("width", "30"));
        assertEquals(List.of("", "1", "2", "2.1", "2.2", "3"), List.copyOf(segments(text).keySet()));
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 30 || !line.contains(" "), "line wider than 30: " + line);
        }
    }

    /** TEI written elsewhere, gathered in a corpus (one of them twice, so that its ids clash): nothing is lost. */
    @Test
    void foreignTeiInACorpusRendersAllItsText() throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of("..", "shared", "foreign-tei"))) {
            files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
        }
        files.add(files.get(files.size() - 1));
        StringBuilder xml = new StringBuilder("<teiCorpus xmlns=\"" + TEI + "\"><teiHeader><fileDesc><titleStmt>"
                + "<title>Gathered</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>"
                + "</sourceDesc></fileDesc></teiHeader>");
        for (Path f : files) {
            String doc = Files.readString(f);
            xml.append(doc, doc.indexOf("<TEI"), doc.length());
        }
        xml.append("</teiCorpus>");
        XdmNode corpus = Xml.parse(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)), "gathered.xml");
        List<Member> members = members(corpus);
        Document page = Jsoup.parse(html(corpus));
        assertUniqueIds(page);
        List<Element> articles = articles(page, members);
        Map<String, String> parts = segments(text(corpus, Map.of("width", "0")));
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String htmlText = squeeze(articles.get(i).wholeText());
            String plain = squeeze(parts.get(m.number()));
            for (String s : m.texts().values().stream().flatMap(List::stream).toList()) {
                assertTrue(htmlText.contains(s), () -> m.number() + ": missing in the HTML: " + s);
                assertTrue(plain.contains(s), () -> m.number() + ": missing in the text: " + s);
            }
        }
        // the same document twice: each copy's link leads to its own figure
        assertEquals(2, page.select("a.ref[href$=-testfig]").size(), "the link to the figure, in each copy");
        for (Element a : page.select("a.ref[href^=#]")) {
            Element target = page.getElementById(a.attr("href").substring(1));
            assertNotNull(target, a.attr("href"));
            assertEquals(a.closest("article"), target.closest("article"), a.attr("href"));
        }
    }
}
