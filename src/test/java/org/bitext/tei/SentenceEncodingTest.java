package org.bitext.tei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.read.Article;
import org.bitext.read.ArticleReader;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.Test;

/** How units are cut into s elements and how the sentence links are written. */
class SentenceEncodingTest {
    private static final String ARTICLE = """
            Title: Test
            Author:
            Date: 1960-06-14
            Page: 2

                Test

                (From Our Own Correspondent) Output rose by 31%. **Costs fell. Sharply.** Mr. Li spoke of *Dazhai.* Work went on.

                Second paragraph. It has two sentences.

            <hr />

            Original:

            ### 测试

            1960-06-14
            第2版()
            专栏：

                测试
                本报讯　产量增长31％。成本下降。李同志讲话。工作继续。
                第二段。有两句。
            """;

    private XdmNode tei() throws Exception {
        Article a = new ArticleReader().read("t.txt", "t", ARTICLE.getBytes(StandardCharsets.UTF_8));
        byte[] bytes = new TeiEncoder().encode(a, "t.txt");
        return Xml.parse(new ByteArrayInputStream(bytes), "t.xml");
    }

    private static List<String> strings(XdmNode doc, String path) throws Exception {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        return xp.evaluate(path, doc).stream().map(XdmItem::getStringValue).toList();
    }

    @Test
    void sentencesNeverCutThroughInlineElements() throws Exception {
        XdmNode doc = tei();
        // the bold span holds two sentences: they stay one s; the italic one ends a sentence at its end tag
        assertEquals(List.of("(From Our Own Correspondent) Output rose by 31%.", "Costs fell. Sharply.",
                        "Mr. Li spoke of Dazhai.", "Work went on."),
                strings(doc, "//p[@xml:id = 'en-p1']/s/string()"));
        assertEquals(List.of("dateline"), strings(doc, "//s[@xml:id = 'en-p1-s1']/seg/@type/string()"));
        assertEquals(List.of("bold"), strings(doc, "//s[@xml:id = 'en-p1-s2']/hi/@rend/string()"));
        assertEquals(List.of("本报讯　产量增长31％。", "成本下降。", "李同志讲话。", "工作继续。"),
                strings(doc, "//p[@xml:id = 'zh-p1']/s/string()"));
    }

    @Test
    void unitTextIsUnchangedAndOnlyWhiteSpaceLiesBetweenSentences() throws Exception {
        XdmNode doc = tei();
        assertEquals(List.of("(From Our Own Correspondent) Output rose by 31%. Costs fell. Sharply. Mr. Li spoke of"
                        + " Dazhai. Work went on."), strings(doc, "//p[@xml:id = 'en-p1']/string()"));
        assertEquals(List.of(), strings(doc, "//body//(head | p)/text()[normalize-space()]"));
    }

    @Test
    void sentenceLinksStayInsideTheirParagraphLinkAndAllHaveCert() throws Exception {
        XdmNode doc = tei();
        assertEquals(List.of("paragraph", "sentence"), strings(doc, "//standOff/linkGrp/@subtype/string()"));
        List<String> links = strings(doc, "//linkGrp[@subtype = 'sentence']/link/@target/string()");
        assertEquals("#zh-h1-s1 #en-h1-s1", links.get(0));
        assertTrue(links.contains("#zh-p2-s1 #en-p2-s1"), links::toString);
        assertTrue(links.contains("#zh-p2-s2 #en-p2-s2"), links::toString);
        assertEquals(links.size(), strings(doc, "//linkGrp[@subtype = 'sentence']/link/@cert").size());
        for (String cert : strings(doc, "//linkGrp[@subtype = 'sentence']/link/@cert/string()")) {
            double c = Double.parseDouble(cert);
            assertTrue(c >= 0 && c <= 1, cert);
        }
        // every sentence is in exactly one link or ptr
        List<String> ids = strings(doc, "//s/@xml:id/string()");
        List<String> targets = strings(doc,
                "//linkGrp[@subtype = 'sentence']/*/tokenize(@target, ' ') ! substring-after(., '#')");
        assertEquals(ids.stream().sorted().toList(), targets.stream().sorted().toList());
    }
}
