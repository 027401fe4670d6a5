package org.bitext.catalog;

import java.util.List;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.batch.Output;
import org.bitext.read.Article;
import org.bitext.read.Metadata;
import org.bitext.tei.TeiEncoder;
import org.bitext.xml.Xml;

/** Catalog records made from a converted article, or read back from a TEI document already written. */
public final class Records {
    private static final XPathExecutable FIELDS;

    static {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        try {
            FIELDS = xp.compile("let $b := (/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl)[1] return ("
                    + "string(/t:TEI/@xml:id), string(($b/t:date/@when)[1]), "
                    + "string(($b/t:biblScope[@unit = 'page']/@n)[1]), "
                    + "string(($b/t:note[@type = 'section'])[1]), "
                    + "string(($b/t:title[@level = 'a'][lang('zh')])[1]), "
                    + "string(($b/t:title[@level = 'a'][lang('en')])[1]))");
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private Records() {
    }

    /** The record of an article converted in this run. */
    public static Record of(Article a, String input, String root, String inputSha256, List<Output> outputs) {
        Metadata m = a.meta();
        String page = !m.pageNumberZh().isEmpty() ? m.pageNumberZh() : m.pageEn();
        return new Record(TeiEncoder.documentId(a.name()), input, root, inputSha256, m.date().toString(), page,
                m.sectionZh(), m.titleZh(), m.titleEn(), "converted", Catalog.now(), false, outputs);
    }

    /** The record of an article whose outputs an earlier run made, read from its TEI. */
    public static Record of(XdmNode tei, String input, String root, String inputSha256, List<Output> outputs)
            throws SaxonApiException {
        XPathSelector s = FIELDS.load();
        s.setContextItem(tei);
        List<String> v = s.evaluate().stream().map(i -> i.getStringValue()).toList();
        return new Record(v.get(0), input, root, inputSha256, v.get(1), v.get(2), v.get(3), v.get(4), v.get(5),
                "converted", Catalog.now(), false, outputs);
    }
}
