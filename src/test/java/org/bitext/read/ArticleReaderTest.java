package org.bitext.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.bitext.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleReaderTest {
    private final ArticleReader reader = new ArticleReader();

    static List<Path> articles() {
        return Corpus.articles();
    }

    @ParameterizedTest
    @MethodSource("articles")
    void everyCorpusArticleIsRead(Path file) throws Exception {
        Article a = reader.read(file);
        assertFalse(a.english().isEmpty());
        assertFalse(a.chinese().isEmpty());
        // every non-blank body line is kept, in order (the glossary apart)
        List<String> lines = Files.readAllLines(file);
        for (Block b : a.english()) {
            assertEquals(b.text(), lines.get(b.line() - 1).strip(), "line " + b.line());
        }
        for (Block b : a.chinese()) {
            assertEquals(b.text(), lines.get(b.line() - 1).strip(), "line " + b.line());
        }
    }

    @Test
    void referenceExample() throws Exception {
        Article a = reader.read(Corpus.DIR.resolve("1960-06-14_suzhou_ganbu_reference_example.txt"));
        Metadata m = a.meta();
        assertEquals(LocalDate.of(1960, 6, 14), m.date());
        assertEquals("Page", m.pageLabelEn());
        assertEquals("2", m.pageEn());
        assertEquals("第2版", m.pageZh());
        assertEquals("", m.sectionZh());
        assertEquals("", m.authorEn());
        assertEquals("深入车间抓生产　深入食堂抓生活  苏州机关干部下厂办公", m.titleZh());
        assertEquals(List.of(Block.Kind.HEAD, Block.Kind.HEAD, Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH,
                Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH), a.english().stream().map(Block::kind).toList());
        assertEquals(List.of(Block.Kind.HEAD, Block.Kind.HEAD, Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH,
                Block.Kind.PARAGRAPH, Block.Kind.PARAGRAPH), a.chinese().stream().map(Block::kind).toList());
        assertTrue(a.english().get(2).blankBefore());
        assertFalse(a.chinese().get(3).blankBefore());
    }

    @Test
    void bylineColumnGlossaryEditionAndCreditLine() throws Exception {
        Article zagan = reader.read(Corpus.DIR.resolve("1950-10-01_zagan_section_numerals_cjk_in_english.txt"));
        assertEquals(Block.Kind.BYLINE, zagan.english().get(1).kind());
        assertEquals("雪峰", zagan.chinese().get(1).text());
        assertEquals(Block.Kind.BYLINE, zagan.chinese().get(1).kind());

        Article truck = reader.read(Corpus.DIR.resolve("1960-06-06_tuqiche_column_line_in_en_header.txt"));
        assertEquals("Continuously Promote, Continuously Improve, Continuously Create", truck.meta().columnEn().get());
        assertEquals("不断推广  不断提高  不断创造", truck.meta().columnZh());

        Article books = reader.read(Corpus.DIR.resolve("1946-05-15_xinhua_shudian_named_entities.txt"));
        assertEquals("Edition", books.meta().pageLabelEn());
        Glossary g = books.glossary().orElseThrow();
        assertEquals(7, g.entries().size());
        assertEquals(new GlossEntry("新华书店", "  ", "Xinhua Bookstore", 13, true), g.entries().get(0));

        Article tabs = reader.read(Corpus.DIR.resolve("1946-05-18_yongfeng_yunshu_ocr_illegible_x.txt"));
        assertEquals("\t", tabs.glossary().orElseThrow().entries().get(0).separator());
        assertEquals("淮×", tabs.glossary().orElseThrow().entries().get(6).term());

        Article brief = reader.read(Corpus.DIR.resolve("1967-08-01_jianming_xinwen_column.txt"));
        Block credit = brief.chinese().get(brief.chinese().size() - 1);
        assertEquals("（据新华社讯）", credit.text());
        assertTrue(credit.right());

        Article picture = reader.read(Corpus.DIR.resolve("1950-10-01_tupian_caption_blank_header_lines.txt"));
        assertEquals(java.util.Set.of(Layout.BLANK_AFTER_TITLE, Layout.BLANK_AFTER_AUTHOR, Layout.BLANK_BEFORE_HR,
                Layout.BLANK_AFTER_HR, Layout.BLANK_AFTER_ORIGINAL), picture.layout());
    }

    @Test
    void crlfCrAndByteOrderMarkReadAlike() throws Exception {
        Path file = Corpus.DIR.resolve("1960-06-05_taifeng_jingbao_dash_ranges.txt");
        String text = Files.readString(file);
        Article lf = reader.parse("x", "x", text);
        byte[] bom = ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        assertEquals(lf, reader.read("x", "x", bom));
        assertEquals(lf, reader.read("x", "x", text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)));
    }

    private Article read(String text) throws InputError {
        return reader.read("bad.txt", "bad", text.getBytes(StandardCharsets.UTF_8));
    }

    private InputError refuse(String text) {
        return assertThrows(InputError.class, () -> reader.read("bad.txt", "bad", text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String reference() throws Exception {
        return Files.readString(Corpus.DIR.resolve("1960-06-14_suzhou_ganbu_reference_example.txt"));
    }

    @Test
    void emptyFile() {
        InputError e = refuse("  \n\n");
        assertEquals("bad.txt:1:1: error: the file is empty — expected an article starting with a `Title: <English title>` line",
                e.getMessage());
    }

    @Test
    void headerOnlyHasNoSeparator() {
        InputError e = refuse("Title: A\nAuthor:\nDate: 1960-06-14\nPage: 2\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("no `<hr />` line"), e.getMessage());
    }

    @Test
    void malformedDateIsKeptVerbatimWithALocatedWarning() throws Exception {
        Article a = read(reference().replace("Date: 1960-06-14", "Date: 1960-13-45"));
        assertEquals(List.of("bad.txt:3:1: warning: `1960-13-45` in the English header's Date is not a calendar date "
                + "YYYY-MM-DD; the line is kept verbatim [header-line]"), a.warnings().stream().map(String::valueOf)
                .toList());
        assertEquals(java.time.LocalDate.of(1960, 6, 14), a.meta().date()); // from the Chinese header
        assertEquals(java.util.Map.of("date", "Date: 1960-13-45"), a.meta().verbatim());
    }

    @Test
    void disagreeingDatesKeepTheSecondVerbatim() throws Exception {
        Article a = read(reference().replace("\n1960-06-14\n", "\n1960-06-15\n"));
        assertEquals(1, a.warnings().size());
        assertEquals(26, a.warnings().get(0).line());
        assertEquals("header-date-mismatch", a.warnings().get(0).kind());
        assertEquals(java.time.LocalDate.of(1960, 6, 14), a.meta().date()); // the English one: the file name has none
        assertEquals(java.util.Map.of("zh-date", "1960-06-15"), a.meta().verbatim());
    }

    @Test
    void noDateAnywhereIsRefused() throws Exception {
        InputError e = refuse(reference().replace("Date: 1960-06-14\n", "").replace("\n1960-06-14\n", "\n"));
        assertEquals(3, e.line());
        assertTrue(e.problem().startsWith("no date"), e.problem());
    }

    @Test
    void missingTitleLineWarnsAndIsRecorded() throws Exception {
        Article a = read(reference().substring(reference().indexOf('\n') + 1));
        assertEquals("bad.txt:1:1: warning: no `Title:` line in the English header; the article is converted without "
                + "it [header-missing-line]", a.warnings().get(0).toString());
        assertTrue(a.layout().contains(Layout.NO_TITLE_LINE));
        assertEquals("", a.meta().titleEn());
    }

    @Test
    void missingChineseSide() throws Exception {
        String text = reference();
        InputError e = refuse(text.substring(0, text.indexOf("### ")));
        assertTrue(e.problem().contains("the Chinese side has no text"), e.getMessage());
    }

    @Test
    void chineseSideWithoutBody() throws Exception {
        String text = reference();
        InputError e = refuse(text.substring(0, text.indexOf("专栏：") + 4) + "\n");
        assertTrue(e.problem().contains("Chinese side has no text"), e.problem());
    }

    @Test
    void missingEnglishBody() throws Exception {
        String text = reference();
        InputError e = refuse(text.substring(0, text.indexOf("Page: 2") + 8) + text.substring(text.indexOf("<hr />")));
        assertTrue(e.problem().contains("English side has no text"), e.problem());
    }

    @Test
    void invalidUtf8IsRefusedWithItsOffset() {
        byte[] bytes = "Title: A\nAuthor: \u00e9".getBytes(StandardCharsets.ISO_8859_1);
        InputError e = assertThrows(InputError.class, () -> reader.read("bad.txt", "bad", bytes));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("offset 17"), e.problem());
    }

    @Test
    void binaryFile() {
        byte[] bytes = {0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00};
        InputError e = assertThrows(InputError.class, () -> reader.read("bad.zip", "bad", bytes));
        assertTrue(e.problem().contains("binary"), e.problem());
    }

    @Test
    void glossaryTermAndGlossSplitWhereTheScriptChanges() throws Exception {
        String text = Files.readString(Corpus.DIR.resolve("1946-05-15_xinhua_shudian_named_entities.txt"))
                .replace("新华书店  Xinhua Bookstore", "新华书店 Xinhua Bookstore")
                .replace("华北新华书店  North China Xinhua Bookstore", "长芦盐务管理局 Chánglú Yánwù Guǎnlǐjú (Changlu)");
        Article a = reader.parse("a.txt", "a", text);
        List<GlossEntry> e = a.glossary().orElseThrow().entries();
        assertEquals(new GlossEntry("新华书店", " ", "Xinhua Bookstore", 13, true), e.get(0));
        assertEquals(new GlossEntry("长芦盐务管理局", " ", "Chánglú Yánwù Guǎnlǐjú (Changlu)", 14, false), e.get(1));
        assertTrue(a.warnings().isEmpty(), a.warnings().toString());
    }

    @Test
    void glossaryLineThatIsNotTermAndGlossIsKeptWithAWarning() throws Exception {
        String text = Files.readString(Corpus.DIR.resolve("1946-05-15_xinhua_shudian_named_entities.txt"))
                .replace("新华书店  Xinhua Bookstore", "<br>")
                .replace("华北新华书店  North China Xinhua Bookstore", "华北新华书店");
        Article a = reader.parse("a.txt", "a", text);
        List<GlossEntry> e = a.glossary().orElseThrow().entries();
        assertEquals(GlossEntry.unsplit("<br>", 13, true), e.get(0));
        assertEquals(GlossEntry.unsplit("华北新华书店", 14, false), e.get(1));
        assertFalse(e.get(0).split());
        assertEquals(List.of(13, 14), a.warnings().stream().map(InputWarning::line).toList());
        assertEquals("a.txt:13:1: warning: glossary line `<br>` is not a term and its gloss; kept verbatim as an item "
                + "of the **Named Entities** list [glossary-line]", a.warnings().get(0).toString());
    }

    @Test
    void truncatedChineseHeader() throws Exception {
        String text = reference();
        InputError e = refuse(text.substring(0, text.indexOf("第2版")));
        assertTrue(e.problem().contains("the Chinese side has no text"), e.getMessage());
    }

    @Test
    void charactersXmlCannotHoldAreRefused() throws Exception {
        InputError e = refuse(reference().replace("Suzhou Cadres Go to Factories to Work\n\n", "Suzhou Cadres\u0001 Go\n\n"));
        assertTrue(e.problem().contains("U+0001"), e.problem());
        InputError f = refuse(reference().replace("本报讯", "本报\uFFFF讯"));
        assertTrue(f.problem().contains("U+FFFF"), f.problem());
    }

    @Test
    void pageThatIsNotANumberIsKeptVerbatim() throws Exception {
        Article a = read(reference().replace("Page: 2", "Page: two"));
        assertEquals("bad.txt:4:1: warning: `two` is not a page number; the line is kept verbatim and the page is "
                + "taken from the Chinese header [header-line]", a.warnings().get(0).toString());
        assertEquals("", a.meta().pageEn());
        assertEquals("2", a.meta().pageNumberZh());
        assertEquals(java.util.Map.of("page", "Page: two"), a.meta().verbatim());
    }
}
