package org.bitext.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.Test;

/**
 * The hand-kept RELAX NG schema and the ODD that documents it name the same TEI elements, so the documentation
 * cannot drift from what validation enforces.
 */
class OddMatchesRngTest {
    @Test
    void sameElements() throws Exception {
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("t", "http://www.tei-c.org/ns/1.0");
        xp.declareNamespace("rng", "http://relaxng.org/ns/structure/1.0");
        XdmNode odd = Xml.parse(Path.of("schemas/bitext.odd"));
        XdmNode rng = Xml.parse(Path.of("schemas/bitext.rng"));
        Set<String> fromOdd = new TreeSet<>();
        for (XdmItem i : xp.evaluate("//t:schemaSpec/t:moduleRef/@include", odd)) {
            fromOdd.addAll(Arrays.asList(i.getStringValue().trim().split("\\s+")));
        }
        for (XdmItem i : xp.evaluate("//t:schemaSpec/t:elementSpec[@mode='add']/@ident", odd)) {
            fromOdd.add(i.getStringValue());
        }
        Set<String> fromRng = new TreeSet<>();
        for (XdmItem i : xp.evaluate("//rng:element/@name", rng)) {
            fromRng.add(i.getStringValue());
        }
        assertFalse(fromRng.isEmpty());
        assertEquals(fromRng, fromOdd);
    }
}
