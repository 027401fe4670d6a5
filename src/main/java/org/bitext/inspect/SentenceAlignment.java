package org.bitext.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.tei.header.Tei;
import org.bitext.xml.Xml;

/**
 * The sentence alignment of one bitext TEI document, read back from its {@code s} elements and its
 * {@code linkGrp[@subtype='sentence']}. Immutable.
 *
 * @param links     the sentence links and unaligned sentences, in document order (one {@link Link} per ptr)
 * @param sentences the text of every sentence by id, in document order (Chinese side first)
 * @param chinese   the ids of the Chinese (original) sentences
 */
public record SentenceAlignment(List<Link> links, Map<String, String> sentences, java.util.Set<String> chinese) {
    private static final XPathExecutable LINKS;
    private static final XPathExecutable SENTENCES;
    private static final XPathExecutable TARGETS;
    private static final XPathExecutable CERT;
    private static final XPathExecutable ID;
    private static final XPathExecutable ORIGINAL;

    static {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("", Tei.NS);
        try {
            LINKS = xp.compile("/TEI/standOff/linkGrp[@type = 'translation'][@subtype = 'sentence']/(link | ptr)");
            SENTENCES = xp.compile("/TEI/text/body/div[@type = ('original', 'translation')]//s[@xml:id]");
            TARGETS = xp.compile("tokenize(normalize-space(@target), ' ') ! substring-after(., '#')");
            CERT = xp.compile("string(@cert)");
            ID = xp.compile("string(@xml:id)");
            ORIGINAL = xp.compile("ancestor::div[@type = ('original', 'translation')][1]/@type = 'original'");
        } catch (SaxonApiException e) {
            throw new IllegalStateException(e);
        }
    }

    public SentenceAlignment {
        links = List.copyOf(links);
        sentences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sentences));
        chinese = java.util.Set.copyOf(chinese);
    }

    /** Whether the document has a sentence-level alignment at all. */
    public static boolean present(XdmNode tei) throws SaxonApiException {
        return select(LINKS, tei).iterator().hasNext();
    }

    /** Reads the sentence alignment of a bitext TEI document (empty lists when it has none). */
    public static SentenceAlignment of(XdmNode tei) throws SaxonApiException {
        Map<String, String> text = new LinkedHashMap<>();
        java.util.Set<String> chinese = new java.util.HashSet<>();
        for (XdmItem s : select(SENTENCES, tei)) {
            String id = select(ID, (XdmNode) s).itemAt(0).getStringValue();
            text.put(id, s.getStringValue());
            if (((net.sf.saxon.s9api.XdmAtomicValue) select(ORIGINAL, (XdmNode) s)).getBooleanValue()) {
                chinese.add(id);
            }
        }
        List<Link> links = new ArrayList<>();
        for (XdmItem item : select(LINKS, tei)) {
            XdmNode l = (XdmNode) item;
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            for (XdmItem t : select(TARGETS, l)) {
                String id = t.getStringValue();
                (chinese.contains(id) ? zh : en).add(id);
            }
            String cert = select(CERT, l).itemAt(0).getStringValue();
            links.add(new Link(zh, en, cert.isEmpty() ? Double.NaN : Double.parseDouble(cert)));
        }
        return new SentenceAlignment(links, text, chinese);
    }

    private static net.sf.saxon.s9api.XdmValue select(XPathExecutable xp, XdmNode context) throws SaxonApiException {
        var sel = xp.load();
        sel.setContextItem(context);
        return sel.evaluate();
    }
}
