package org.bitext.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.bitext.Corpus;
import org.junit.jupiter.api.Test;

/** Encodings, line ends, bullets and oversized input, as real archives have them. */
class InputVariationsTest {
    private final ArticleReader reader = new ArticleReader();

    private static String reference() throws Exception {
        return Files.readString(Corpus.DIR.resolve("1960-06-14_suzhou_ganbu_reference_example.txt"));
    }

    @Test
    void gb18030IsRecognised() throws Exception {
        String text = reference();
        Article utf8 = reader.parse("x", "x", text);
        assertEquals(utf8, reader.read("x", "x", text.getBytes(Charset.forName("GB18030"))));
        assertEquals(utf8, reader.read("x", "x", text.getBytes(Charset.forName("GBK"))));
    }

    @Test
    void utf16WithByteOrderMark() throws Exception {
        String text = reference();
        Article utf8 = reader.parse("x", "x", text);
        assertEquals(utf8, reader.read("x", "x", text.getBytes(StandardCharsets.UTF_16))); // big-endian with BOM
        byte[] le = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(utf8, reader.read("x", "x", le));
    }

    @Test
    void namedEncodingIsUsedStrictly() throws Exception {
        String text = reference();
        ArticleReader gbk = new ArticleReader(Charset.forName("GB18030"));
        assertEquals(reader.parse("x", "x", text), gbk.read("x", "x", text.getBytes(Charset.forName("GB18030"))));
        InputError e = assertThrows(InputError.class,
                () -> new ArticleReader(StandardCharsets.US_ASCII).read("x.txt", "x", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.problem().startsWith("bytes at offset "), e.problem());
        assertTrue(e.problem().endsWith("are not valid US-ASCII"), e.problem());
    }

    @Test
    void replacementCharacterIsRefused() throws Exception {
        String text = reference().replace("苏州机关干部下厂办公\n    本报讯", "苏州机关干部下厂办公\n    本报\uFFFD讯");
        InputError e = assertThrows(InputError.class, () -> reader.parse("x.txt", "x", text));
        assertEquals(32, e.line());
        assertEquals(7, e.column());
        assertTrue(e.problem().contains("U+FFFD"), e.problem());
    }

    @Test
    void latin1BytesThatAreNeitherUtf8NorGb18030AreRefusedWithTheirOffset() {
        byte[] bytes = "Title: Caf\u00e9\u00ff\u00fe\nAuthor:\n".getBytes(StandardCharsets.ISO_8859_1);
        InputError e = assertThrows(InputError.class, () -> reader.read("x.txt", "x", bytes));
        assertEquals(1, e.line());
        assertTrue(e.problem().contains("offset 10"), e.problem());
        assertTrue(e.expected().contains("--encoding"), e.expected());
    }

    @Test
    void bulletsBecomeItems() throws Exception {
        String text = reference().replace("    With the exception", "    - First point\n    - **Second** point\n\n    With the exception")
                .replace("    苏州市市、区级机关，除留下", "    ▲第一点\n    ▲ 第二点\n    苏州市市、区级机关，除留下");
        Article a = reader.parse("x", "x", text);
        List<Block> items = a.english().stream().filter(b -> b.kind() == Block.Kind.ITEM).toList();
        assertEquals(2, items.size());
        assertEquals("First point", items.get(0).text());
        assertEquals("- **Second** point", items.get(1).source());
        List<Block> zh = a.chinese().stream().filter(b -> b.kind() == Block.Kind.ITEM).toList();
        assertEquals(List.of("第一点", " 第二点"), zh.stream().map(Block::text).toList());
        assertEquals("▲ 第二点", zh.get(1).source());
    }

    @Test
    void xmlSpecialTextIsKeptAsText() throws Exception {
        String special = "<script>alert('x')</script> & ]]> \"quoted\" <![CDATA[x]]>";
        String text = reference().replace("Leading cadres from", special + " Leading cadres from");
        Article a = reader.parse("x", "x", text);
        assertTrue(a.english().get(2).text().contains(special));
    }

    @Test
    void aOneMegabyteLineIsOneParagraph() throws Exception {
        String big = "汉".repeat(1 << 20);
        String text = reference().replace("    苏州市市、区级机关，除留下", "    " + big + "\n    苏州市市、区级机关，除留下");
        Article a = reader.parse("x", "x", text);
        assertTrue(a.chinese().stream().anyMatch(b -> b.text().equals(big)));
    }

    @Test
    void aFiftyMegabyteArticleIsRead() throws Exception {
        StringBuilder sb = new StringBuilder(reference());
        int at = sb.indexOf("<hr />");
        String para = "    Another paragraph of a very long article, as a truncated concatenation might produce.\n\n";
        StringBuilder extra = new StringBuilder();
        while (extra.length() < 50_000_000) {
            extra.append(para);
        }
        sb.insert(at, extra);
        Article a = reader.read("big.txt", "big", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(a.english().size() > 500_000, "paragraphs: " + a.english().size());
        // and it encodes: 4 Chinese paragraphs against half a million English ones are aligned in bounded memory
        byte[] tei = new org.bitext.tei.TeiEncoder().encode(a, "big.txt");
        assertTrue(tei.length > 50_000_000, "TEI bytes: " + tei.length);
    }
}
