package org.bitext.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.bitext.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java wrapping that bitext registers with Saxon gives exactly what wrap.xsl's own XSLT gives. */
class WrapTest {
    private static Xslt30Transformer xslt;

    @BeforeAll
    static void compile() throws Exception {
        // a processor without the extension function: the stylesheet's own version
        Processor plain = new Processor(false);
        xslt = plain.newXsltCompiler().compile(new StreamSource(Path.of("xslt/common/wrap.xsl").toFile())).load30();
    }

    private static String viaXslt(String text, int width) throws Exception {
        XdmValue r = xslt.callFunction(new QName("urn:bitext:functions", "wrap-xslt"),
                new XdmValue[] {new XdmAtomicValue(text), new XdmAtomicValue(width)});
        return r.itemAt(0).getStringValue();
    }

    @Test
    void sameAsTheStylesheetOnEveryCorpusLineAtManyWidths() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path a : Corpus.articles()) {
            for (String l : Files.readAllLines(a)) {
                if (!l.isBlank()) {
                    lines.add(l.strip());
                }
            }
        }
        for (int width : new int[] {0, 1, 2, 5, 12, 30, 80}) {
            for (String l : lines) {
                assertEquals(viaXslt(l, width), Wrap.wrap(l, width), "width " + width + ": " + l);
            }
        }
    }

    @Test
    void sameAsTheStylesheetOnRandomMixedText() throws Exception {
        String pieces = "ab c  d\t中文，。「」（）“”‘’ 한글 かな ｆｕｌｌ \u0301\u200b—…·%)(.;:!?-";
        int[] cps = pieces.codePoints().toArray();
        Random random = new Random(20261128);
        for (int n = 0; n < 400; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                b.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            int width = 1 + random.nextInt(20);
            assertEquals(viaXslt(b.toString(), width), Wrap.wrap(b.toString(), width), "width " + width + ": [" + b + "]");
        }
    }

    @Test
    void columnsCountWideCharactersTwiceAndMarksNever() {
        assertEquals(1, Wrap.columns('a'));
        assertEquals(2, Wrap.columns('中'));
        assertEquals(2, Wrap.columns('，'));
        assertEquals(0, Wrap.columns(0x0301));
        assertEquals(0, Wrap.columns(0x200B));
    }
}
