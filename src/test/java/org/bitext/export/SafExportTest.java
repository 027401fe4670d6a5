package org.bitext.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.cli.ExportCommand;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bitext export saf} on the output of the bundled corpus: what {@code dspace import} reads. */
class SafExportTest {
    @TempDir
    static Path shared;
    static Path out;
    static Path saf;
    static List<String> teiNames;

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void exportTheCorpus() throws Exception {
        out = BagExportTest.corpusOutput();
        try (Stream<Path> s = Files.list(out.resolve("tei"))) {
            teiNames = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        saf = shared.resolve("saf");
        Result r = export("saf", out.toString(), "-o", saf.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("exported 12 of 12 articles to " + saf, r.out().strip());
    }

    static Result export(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new ExportCommand());
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        return new Result(code, o.toString(), e.toString().replace("\r\n", "\n"));
    }

    static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> values(XdmNode doc, String xpath) throws Exception {
        XPathCompiler xc = Xml.processor().newXPathCompiler();
        xc.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        List<String> v = new ArrayList<>();
        for (XdmItem i : xc.evaluate(xpath, doc)) {
            v.add(i.getStringValue());
        }
        return v;
    }

    @Test
    void oneItemPerArticleInTeiFileOrder() throws Exception {
        assertEquals(12, teiNames.size());
        List<String> items = list(saf);
        assertEquals(12, items.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(String.format("item_%03d", i), items.get(i));
            String name = teiNames.get(i).replaceFirst("\\.xml$", "");
            assertEquals(List.of(name + ".html", name + ".source.txt", name + ".txt", name + ".xml", "contents",
                    "dublin_core.xml"), list(saf.resolve(items.get(i))));
            assertArrayEquals(Files.readAllBytes(out.resolve("tei").resolve(name + ".xml")),
                    Files.readAllBytes(saf.resolve(items.get(i)).resolve(name + ".xml")));
            assertArrayEquals(Files.readAllBytes(out.resolve("source").resolve(name + ".txt")),
                    Files.readAllBytes(saf.resolve(items.get(i)).resolve(name + ".source.txt")));
        }
    }

    @Test
    void everyDublinCoreIsWellFormedAndCarriesBothTitles() throws Exception {
        for (int i = 0; i < 12; i++) {
            Path item = saf.resolve(String.format("item_%03d", i));
            XdmNode dc = Xml.parse(item.resolve("dublin_core.xml"));
            XdmNode tei = Xml.parse(out.resolve("tei").resolve(teiNames.get(i)));
            assertEquals(List.of("dc"), values(dc, "/dublin_core/@schema"));
            assertEquals(List.of(), values(dc, "/dublin_core/*[not(self::dcvalue)]"));
            assertEquals(List.of(), values(dc, "//dcvalue[not(@element) or not(@qualifier) or normalize-space() = '']"));
            String zh = values(tei, "normalize-space(//t:sourceDesc/t:bibl/t:title[@level='a'][@xml:lang='zh-Hans'])").get(0);
            String en = values(tei, "normalize-space(//t:sourceDesc/t:bibl/t:title[@level='a'][@xml:lang='en'])").get(0);
            assertEquals(List.of(zh), values(dc, "//dcvalue[@element='title'][@qualifier='none'][@language='zh']"), item.toString());
            assertEquals(List.of(en), values(dc, "//dcvalue[@element='title'][@qualifier='alternative'][@language='en']"));
            assertEquals(values(tei, "string(//t:sourceDesc/t:bibl/t:date/@when)"),
                    values(dc, "//dcvalue[@element='date'][@qualifier='issued']"));
            assertEquals(List.of(values(tei, "string(/t:TEI/@xml:id)").get(0)),
                    values(dc, "//dcvalue[@element='identifier'][@qualifier='other']"));
            assertEquals(List.of("zh", "en"), values(dc, "//dcvalue[@element='language'][@qualifier='iso']"));
        }
    }

    @Test
    void dublinCoreOfAnArticleWithAuthorColumnAndGlossary() throws Exception {
        String zagan = dc("1950-10-01_zagan_section_numerals_cjk_in_english");
        assertTrue(zagan.contains("<dcvalue element=\"contributor\" qualifier=\"author\" language=\"zh\">雪峰</dcvalue>"), zagan);
        assertTrue(zagan.contains("<dcvalue element=\"contributor\" qualifier=\"author\" language=\"en\">Xue Feng</dcvalue>"), zagan);
        assertTrue(zagan.contains("<dcvalue element=\"identifier\" qualifier=\"citation\" language=\"zh\">人民日报，1950-10-01，第14版</dcvalue>"), zagan);
        assertTrue(zagan.contains("<dcvalue element=\"identifier\" qualifier=\"citation\" language=\"en\">People's Daily, 1950-10-01, Page 14</dcvalue>"), zagan);
        assertTrue(zagan.contains("<dcvalue element=\"relation\" qualifier=\"ispartof\" language=\"en\">People's Daily</dcvalue>"), zagan);

        String column = dc("1960-06-06_tuqiche_column_line_in_en_header");
        assertTrue(column.contains("<dcvalue element=\"description\" qualifier=\"none\" language=\"en\">Column: Continuously Promote, Continuously Improve, Continuously Create</dcvalue>"), column);

        String glossary = dc("1946-05-15_xinhua_shudian_named_entities");
        assertTrue(glossary.contains("<dcvalue element=\"subject\" qualifier=\"none\" language=\"zh\">新华书店</dcvalue>"), glossary);
        assertTrue(glossary.contains("<dcvalue element=\"subject\" qualifier=\"none\" language=\"en\">Xinhua Bookstore</dcvalue>"), glossary);
        assertFalse(glossary.contains("element=\"contributor\""), glossary); // no author line in that article
    }

    private String dc(String name) throws Exception {
        int i = teiNames.indexOf(name + ".xml");
        return Files.readString(saf.resolve(String.format("item_%03d", i)).resolve("dublin_core.xml"), StandardCharsets.UTF_8);
    }

    @Test
    void contentsListsEveryBitstreamWithBundleAndEachExists() throws Exception {
        for (String item : list(saf)) {
            Path dir = saf.resolve(item);
            List<String> lines = Files.readAllLines(dir.resolve("contents"), StandardCharsets.UTF_8);
            assertEquals(4, lines.size());
            Set<String> listed = new TreeSet<>();
            for (String line : lines) {
                String[] f = line.split("\t");
                assertTrue(Files.isRegularFile(dir.resolve(f[0])), item + ": " + f[0]);
                listed.add(f[0]);
                assertTrue(f[1].equals("bundle:ORIGINAL") || f[1].equals("bundle:SOURCE"), line);
                assertTrue(f[f.length - 1].startsWith("description:"), line);
                assertTrue(line.chars().allMatch(c -> c < 128), "ASCII only, whatever the importer's charset: " + line);
            }
            assertTrue(lines.get(0).matches("[^\t]+\\.xml\tbundle:ORIGINAL\tprimary:true\tdescription:TEI P5.*"), lines.get(0));
            assertTrue(lines.get(3).matches("[^\t]+\\.source\\.txt\tbundle:SOURCE\tdescription:.*"), lines.get(3));
            Set<String> bitstreams = new TreeSet<>(list(dir));
            bitstreams.removeAll(Set.of("contents", "dublin_core.xml"));
            assertEquals(bitstreams, listed);
        }
    }

    @Test
    void twoExportsAreByteIdentical() throws Exception {
        Path again = tmp.resolve("again");
        assertEquals(0, export("saf", out.toString(), "-o", again.toString(), "-q").code());
        for (String item : list(saf)) {
            assertEquals(list(saf.resolve(item)), list(again.resolve(item)));
            for (String f : list(saf.resolve(item))) {
                assertArrayEquals(Files.readAllBytes(saf.resolve(item).resolve(f)),
                        Files.readAllBytes(again.resolve(item).resolve(f)), item + "/" + f);
            }
        }
    }

    @Test
    void aBrokenTeiFileIsReportedAndTheOthersStillExported() throws Exception {
        Path copy = tmp.resolve("out");
        for (String sub : List.of("tei", "html", "text", "source")) {
            Files.createDirectories(copy.resolve(sub));
            for (String f : list(out.resolve(sub))) {
                Files.copy(out.resolve(sub).resolve(f), copy.resolve(sub).resolve(f));
            }
        }
        Files.writeString(copy.resolve("tei/0000_broken.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n</TEI>\n");
        Files.writeString(copy.resolve("tei/0001_not_tei.xml"), "<?xml version=\"1.0\"?>\n\n<html/>\n");
        Path dir = tmp.resolve("saf");
        Result r = export("saf", copy.toString(), "-o", dir.toString());
        assertEquals(1, r.code());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith(copy.resolve("tei").resolve("0000_broken.xml") + ":3:3: error: "), r.err());
        assertEquals(copy.resolve("tei").resolve("0001_not_tei.xml") + ":3:8: error: not a TEI document: the root "
                + "element is html, not TEI in the namespace http://www.tei-c.org/ns/1.0", lines.get(1));
        assertEquals("exported 12 of 14 articles to " + dir + ", 2 failed", lines.get(2));
        assertEquals(12, list(dir).size());
        assertTrue(Files.readString(dir.resolve("item_000/contents")).startsWith(teiNames.get(0)));
    }

    @Test
    void refusesToOverwriteUnlessForcedAndOnlyReplacesAnArchive() throws Exception {
        Path dir = tmp.resolve("saf");
        assertEquals(0, export("saf", out.toString(), "-o", dir.toString(), "-q").code());
        Result again = export("saf", out.toString(), "-o", dir.toString(), "-q");
        assertEquals(2, again.code());
        assertEquals("bitext: error: " + dir + " exists and is not empty; use --force to replace it\n", again.err());
        assertEquals(0, export("saf", out.toString(), "-o", dir.toString(), "-q", "--force", "--fsync").code());
        assertEquals(12, list(dir).size());

        Result notSaf = export("saf", out.toString(), "-o", out.toString(), "--force");
        assertEquals(2, notSaf.code());
        assertTrue(notSaf.err().contains("it is not a Simple Archive Format folder"), notSaf.err());
        assertTrue(Files.isDirectory(out.resolve("tei")));

        Result usage = export("saf", out.toString());
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("Missing required option: '--output=DIR'"), usage.err());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".bitext-")).toList());
        }
    }
}
