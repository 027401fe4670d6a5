package org.bitext.export;

import static org.bitext.export.CrosswalkFixtures.assertValid;
import static org.bitext.export.CrosswalkFixtures.parse;
import static org.bitext.export.CrosswalkFixtures.string;
import static org.bitext.export.CrosswalkFixtures.strings;
import static org.bitext.export.CrosswalkFixtures.xpath;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.batch.Hashes;
import org.bitext.export.Crosswalks.FileEntry;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** xslt/dc.xsl and xslt/mets.xsl through {@link Crosswalks}: mapping, official schemas, determinism. */
class CrosswalkTest {
    private static final Path REFERENCE = Path.of("src/test/resources/valid/full-header.xml"); // converted from full-header.txt beside it
    private static Crosswalks crosswalks;

    @BeforeAll
    static void load() throws IOException {
        crosswalks = Crosswalks.builtin();
    }

    @Test
    void everyArticleGivesValidOaiDcWithBothLanguages() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        List<String> tei = CrosswalkFixtures.teiPaths();
        assertEquals(12, tei.size());
        for (String path : tei) {
            XdmNode doc = parse(out.resolve(path));
            byte[] dc = crosswalks.dc(doc);
            assertValid(CrosswalkFixtures.oaiDcSchema(), dc, path + " as oai_dc");
            XdmNode rec = parse(dc);
            String id = string(doc, "/tei:TEI/@xml:id");
            assertEquals(List.of("zh-Hans", "en"), strings(rec, "/oai_dc:dc/dc:title/@xml:lang"), path);
            for (String lang : List.of("zh-Hans", "en")) {
                String main = string(doc, "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main']"
                        + "[@xml:lang = '" + lang + "']");
                assertTrue(string(rec, "/oai_dc:dc/dc:title[@xml:lang = '" + lang + "']").startsWith(main), path);
            }
            assertEquals(List.of(id), strings(rec, "/oai_dc:dc/dc:identifier"), path);
            assertEquals(string(doc, "//tei:sourceDesc/tei:bibl/tei:date/@when"), string(rec, "/oai_dc:dc/dc:date"));
            assertEquals(List.of("Text"), strings(rec, "/oai_dc:dc/dc:type"));
            assertEquals(List.of("application/tei+xml"), strings(rec, "/oai_dc:dc/dc:format"));
            assertEquals(List.of("zh-Hans", "en"), strings(rec, "/oai_dc:dc/dc:language"));
            assertEquals(List.of("zh-Hans", "en"), strings(rec, "/oai_dc:dc/dc:description/@xml:lang"), path);
            assertEquals(List.of("zh-Hans", "en"), strings(rec, "/oai_dc:dc/dc:source/@xml:lang"), path);
            String page = string(doc, "//tei:sourceDesc/tei:bibl/tei:biblScope/@n");
            String date = string(doc, "//tei:sourceDesc/tei:bibl/tei:date/@when");
            assertTrue(string(rec, "/oai_dc:dc/dc:source[@xml:lang = 'zh-Hans']")
                    .startsWith("人民日报, " + date + ", 第" + page + "版"), path);
            assertTrue(string(rec, "/oai_dc:dc/dc:source[@xml:lang = 'en']")
                    .startsWith("People's Daily, " + date + ", page " + page), path);
            // one creator per persName, none without author
            assertEquals(strings(doc, "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author/tei:persName"),
                    strings(rec, "/oai_dc:dc/dc:creator"), path);
            // a subject where there is a column, none otherwise
            assertEquals(strings(doc, "//tei:sourceDesc/tei:bibl/tei:note[@type = 'column']/normalize-space()"),
                    strings(rec, "/oai_dc:dc/dc:subject/normalize-space()"), path);
        }
    }

    @Test
    void referenceArticleMapsEveryField() throws Exception {
        XdmNode rec = parse(crosswalks.dc(parse(REFERENCE), "https://example.org/rmrb/1960-06-14"));
        assertEquals("深入车间抓生产　深入食堂抓生活：苏州机关干部下厂办公", string(rec, "//dc:title[@xml:lang = 'zh-Hans']"));
        // the English main title ends with a colon already: joined by a space only
        assertEquals("Going Deep into Workshops to Grasp Production, Going Deep into Dining Halls to Grasp "
                + "Livelihood: Suzhou Cadres Go to Factories to Work", string(rec, "//dc:title[@xml:lang = 'en']"));
        assertEquals(List.of("雪峰", "Xue Feng"), strings(rec, "//dc:creator"));
        assertEquals(List.of("zh-Hans", "en"), strings(rec, "//dc:creator/@xml:lang"));
        assertEquals("人民日报, 1960-06-14, 第2版, 国内专页（经济）, 专栏：不断推广  不断提高  不断创造",
                string(rec, "//dc:source[@xml:lang = 'zh-Hans']"));
        assertEquals("People's Daily, 1960-06-14, page 2, column: Continuously Promote, Continuously Improve, "
                + "Continuously Create", string(rec, "//dc:source[@xml:lang = 'en']"));
        assertEquals(List.of("不断推广  不断提高  不断创造", "Continuously Promote, Continuously Improve, Continuously "
                + "Create"), strings(rec, "//dc:subject"));
        assertEquals(List.of("rmrb-full-header", "https://example.org/rmrb/1960-06-14"),
                strings(rec, "//dc:identifier"));
        assertEquals("本报讯　江苏省苏州市市、区级机关领导干部，最近都下到工厂企业办公，深入车间抓生产，深入食堂抓生活。",
                string(rec, "//dc:description[@xml:lang = 'zh-Hans']"));
        assertTrue(string(rec, "//dc:description[@xml:lang = 'en']").startsWith("(From Our Own Correspondent) "));
        assertEquals("1960-06-14", string(rec, "//dc:date"));
    }

    @Test
    void longDescriptionsAreCutAtABoundaryWithEllipsisNeverInsideASurrogatePair() throws Exception {
        String tei = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        // 300 characters outside the BMP (CJK Extension B), each a surrogate pair in UTF-16
        String astral = "𠀀𠀁𠀂".repeat(100);
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 3000; i++) {
            words.append("word").append(i).append(' ');
        }
        tei = tei.replaceFirst("(<p xml:id=\"zh-p1\"[^>]*>).*?(</p>)", "$1" + astral + "$2")
                .replaceFirst("(<p xml:id=\"en-p1\"[^>]*>).*?(</p>)", "$1" + words.toString().strip() + "$2");
        XdmNode doc = Xml.parse(new ByteArrayInputStream(tei.getBytes(StandardCharsets.UTF_8)), "memory:");
        XdmNode rec = parse(crosswalks.dc(doc));
        String zh = string(rec, "//dc:description[@xml:lang = 'zh-Hans']");
        String en = string(rec, "//dc:description[@xml:lang = 'en']");
        assertTrue(zh.endsWith("…") && en.endsWith("…"), zh + "\n" + en);
        assertEquals(151, zh.codePointCount(0, zh.length()), "150 characters and the ellipsis");
        assertTrue(astral.startsWith(zh.substring(0, zh.length() - 1)));
        for (int i = 0; i < zh.length() - 1; i++) { // every high surrogate is followed by its low one
            if (Character.isHighSurrogate(zh.charAt(i))) {
                assertTrue(Character.isLowSurrogate(zh.charAt(i + 1)), "split pair at " + i);
            }
        }
        assertTrue(Character.isLowSurrogate(zh.charAt(zh.length() - 2)), "the last character before … is whole");
        // English: cut after a whole word, within the limit
        String body = en.substring(0, en.length() - 1);
        assertTrue(body.codePointCount(0, body.length()) <= 600, en);
        assertTrue(body.length() > 360, "cut near the limit, not far before it: " + body.length());
        assertTrue(words.toString().startsWith(body + " "), "ends with a whole word: " + body);
    }

    @Test
    void sameInputSameBytes() throws Exception {
        XdmNode doc = parse(REFERENCE);
        Crosswalks other = Crosswalks.builtin();
        List<FileEntry> files = List.of(new FileEntry("tei", "tei/a.xml", "application/tei+xml", 10, "0".repeat(64)));
        assertArrayEquals(crosswalks.dc(doc), other.dc(parse(REFERENCE)));
        assertArrayEquals(crosswalks.mets(doc, files), other.mets(parse(REFERENCE), files));
    }

    @Test
    void everyArticleGivesValidMetsListingItsFilesWithChecksums() throws Exception {
        Path out = CrosswalkFixtures.runOutput();
        for (String path : CrosswalkFixtures.teiPaths()) {
            List<FileEntry> files = Crosswalks.reportFiles(out, path);
            assertEquals(List.of("tei", "html", "text", "source"), files.stream().map(FileEntry::use).toList(), path);
            XdmNode doc = parse(out.resolve(path));
            byte[] mets = crosswalks.mets(doc, files);
            assertValid(CrosswalkFixtures.metsSchema(), mets, path + " as METS");
            XdmNode m = parse(mets);
            assertEquals(string(doc, "/tei:TEI/@xml:id"), string(m, "/mets:mets/@OBJID"));
            assertTrue(xpath(m, "/mets:mets/mets:metsHdr").size() == 1
                    && xpath(m, "//@CREATEDATE | //@LASTMODDATE").isEmpty(), "no time in the header");
            assertEquals(List.of("DC", "TEIHDR"), strings(m, "/mets:mets/mets:dmdSec/mets:mdWrap/@MDTYPE"));
            assertEquals(2, xpath(m, "/mets:mets/mets:dmdSec[1]//mets:xmlData/oai_dc:dc/dc:title").size());
            assertEquals(1, xpath(m, "/mets:mets/mets:dmdSec[2]//mets:xmlData/tei:teiHeader").size());
            assertEquals(List.of("TEI", "HTML", "TEXT", "SOURCE"), strings(m, "//mets:fileGrp/@USE"));
            Set<String> ids = new TreeSet<>();
            for (XdmNode f : xpath(m, "//mets:file").stream().map(i -> (XdmNode) i).toList()) {
                String href = string(f, "mets:FLocat[@LOCTYPE = 'URL']/@xlink:href");
                Path file = out.resolve(href);
                assertTrue(Files.isRegularFile(file), href);
                assertEquals(Hashes.sha256(file), string(f, "@CHECKSUM"), href);
                assertEquals("SHA-256", string(f, "@CHECKSUMTYPE"));
                assertEquals(Long.toString(Files.size(file)), string(f, "@SIZE"), href);
                assertFalse(string(f, "@MIMETYPE").isEmpty());
                ids.add(string(f, "@ID"));
            }
            assertEquals(4, ids.size());
            assertEquals(ids, new TreeSet<>(strings(m, "/mets:mets/mets:structMap/mets:div/mets:fptr/@FILEID")));
            String obj = string(doc, "/tei:TEI/@xml:id");
            assertEquals(List.of(obj + ".dmd-dc " + obj + ".dmd-tei"),
                    strings(m, "/mets:mets/mets:structMap/mets:div/@DMDID"));
            assertTrue(ids.stream().allMatch(i -> i.startsWith(obj + ".file-")), ids.toString());
        }
    }

    @Test
    void metsMimetypesAndOrderFollowTheUse() throws Exception {
        List<FileEntry> files = new ArrayList<>();
        files.add(new FileEntry("source", "source/a.txt", "text/plain", 3, "a".repeat(64)));
        files.add(new FileEntry("html", "html/a.html", "text/html", 2, "b".repeat(64)));
        files.add(new FileEntry("tei", "tei/a.xml", "application/tei+xml", 1, "c".repeat(64)));
        byte[] mets = crosswalks.mets(parse(REFERENCE), files);
        assertValid(CrosswalkFixtures.metsSchema(), mets, "METS");
        XdmNode m = parse(mets);
        assertEquals(List.of("TEI", "HTML", "SOURCE"), strings(m, "//mets:fileGrp/@USE"));
        assertEquals(List.of("application/tei+xml", "text/html", "text/plain"), strings(m, "//mets:file/@MIMETYPE"));
        String obj = "rmrb-full-header.";
        assertEquals(List.of(obj + "file-tei", obj + "file-html", obj + "file-source"),
                strings(m, "//mets:fptr/@FILEID"));
    }

    @Test
    void metsWithoutFilesIsStillValid() throws Exception {
        byte[] mets = crosswalks.mets(parse(REFERENCE), List.of());
        assertValid(CrosswalkFixtures.metsSchema(), mets, "METS without files");
        XdmNode m = parse(mets);
        assertTrue(xpath(m, "//mets:fileSec").isEmpty());
        assertEquals(1, xpath(m, "//mets:structMap/mets:div").size());
    }

    @Test
    void reportFilesComeFromReportJson() {
        Path out = CrosswalkFixtures.runOutput();
        var all = Crosswalks.reportFiles(out);
        assertEquals(new TreeSet<>(CrosswalkFixtures.teiPaths()), new TreeSet<>(all.keySet()));
        FileEntry html = all.values().iterator().next().get(1);
        assertEquals("html", html.use());
        assertEquals("text/html", html.mimetype());
        assertTrue(html.href().startsWith("html/") && html.href().endsWith(".html"));
        assertTrue(Crosswalks.reportFiles(out.resolve("no-such-folder")).isEmpty());
    }

    @Test
    void theSchemaCheckCatchesInvalidRecords() throws Exception {
        String dc = new String(crosswalks.dc(parse(REFERENCE)), StandardCharsets.UTF_8);
        byte[] badDc = dc.replace("<dc:type>Text</dc:type>", "<dc:genre>Text</dc:genre>").getBytes(StandardCharsets.UTF_8);
        assertThrows(AssertionError.class, () -> assertValid(CrosswalkFixtures.oaiDcSchema(), badDc, "bad DC"));
        String mets = new String(crosswalks.mets(parse(REFERENCE), List.of(new FileEntry("tei", "tei/a.xml",
                "application/tei+xml", 1, "c".repeat(64)))), StandardCharsets.UTF_8);
        byte[] badMets = mets.replace("CHECKSUMTYPE=\"SHA-256\"", "CHECKSUMTYPE=\"SHA-257\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(AssertionError.class, () -> assertValid(CrosswalkFixtures.metsSchema(), badMets, "bad METS"));
        byte[] badDcInMets = mets.replace("<dc:type>Text</dc:type>", "<dc:genre>Text</dc:genre>")
                .getBytes(StandardCharsets.UTF_8);
        assertThrows(AssertionError.class, () -> assertValid(CrosswalkFixtures.metsSchema(), badDcInMets,
                "METS with bad DC"));
    }
}
