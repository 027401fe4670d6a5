package org.bitext.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A document as {@link BitextRules} reads it, collected from SAX events (a parse, or a tree's events): its elements
 * in document order with their place, the attributes the rules use and the range of their string value in one
 * buffer of the document's text. Much lighter than a Saxon tree, which the rules would otherwise need to have built.
 */
final class RuleDoc extends DefaultHandler implements LexicalHandler {
    static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** The TEI element names the rules ask for, as small numbers; any other element is {@link #OTHER}. */
    static final int OTHER = -1, DOCUMENT = -2;
    static final int E_TEI = 0, E_teiHeader = 1, E_profileDesc = 2, E_langUsage = 3, E_language = 4,
            E_encodingDesc = 5, E_appInfo = 6, E_application = 7, E_standOff = 8, E_linkGrp = 9, E_link = 10,
            E_ptr = 11, E_change = 12, E_head = 13, E_byline = 14, E_p = 15, E_item = 16, E_list = 17, E_div = 18,
            E_s = 19, E_date = 20, E_bibl = 21, E_sourceDesc = 22, E_body = 23, E_text = 24, E_note = 25;
    private static final Map<String, Integer> TEI_NAMES = new HashMap<>();

    static {
        String[] names = {"TEI", "teiHeader", "profileDesc", "langUsage", "language", "encodingDesc", "appInfo",
            "application", "standOff", "linkGrp", "link", "ptr", "change", "head", "byline", "p", "item", "list", "div",
            "s", "date", "bibl", "sourceDesc", "body", "text", "note"};
        for (int i = 0; i < names.length; i++) {
            TEI_NAMES.put(names[i], i);
        }
    }

    /** The attributes the rules read, as indexes into {@link Elem#atts}. */
    static final int A_id = 0, A_lang = 1, A_ident = 2, A_type = 3, A_subtype = 4, A_target = 5, A_domains = 6,
            A_who = 7, A_when = 8;
    private static final int ATTRIBUTES = 9;

    /** An element (or the document node at the top). */
    static final class Elem {
        final int index;
        final int name;
        final String local;
        final String qName;
        final Elem parent;
        final int line;
        final int column;
        final String[] atts = new String[ATTRIBUTES];
        /** The string value's range in the document's text. */
        int textStart;
        int textEnd;
        Elem firstChild;
        Elem lastChild;
        Elem next;
        /** For an alignment unit: whether it has an s child, and its first child that is text or not an s. */
        boolean hasS;
        Object loose;
        /** Whether this element is an alignment unit's shape (head, byline, p under a side div; item of a list there). */
        boolean unitShape;

        Elem(int index, int name, String local, String qName, Elem parent, int line, int column) {
            this.index = index;
            this.name = name;
            this.local = local;
            this.qName = qName;
            this.parent = parent;
            this.line = line;
            this.column = column;
        }

        boolean isElement() {
            return name != DOCUMENT;
        }

        String att(int a) {
            return atts[a];
        }
    }

    final Elem document = new Elem(-1, DOCUMENT, "", "", null, 0, 0);
    final List<Elem> elements = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(8192);
    private Elem current = document;
    /** Where the characters since the last tag, comment or processing instruction begin (one text node). */
    private int run;
    private Locator locator;

    /** The string value of an element: its descendants' text. */
    String stringValue(Elem e) {
        return text.substring(e.textStart, e.textEnd);
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) {
        endTextNode();
        Integer tei = TEI.equals(uri) ? TEI_NAMES.get(local) : null;
        int name = tei == null ? OTHER : tei;
        String display = qName == null || qName.isEmpty() ? local : qName;
        Elem e = new Elem(elements.size(), name, local, display, current,
                locator == null ? -1 : locator.getLineNumber(), locator == null ? -1 : locator.getColumnNumber());
        for (int i = 0; i < atts.getLength(); i++) {
            String aUri = atts.getURI(i);
            String aLocal = atts.getLocalName(i);
            int a = aUri.isEmpty() ? switch (aLocal) {
                case "ident" -> A_ident;
                case "type" -> A_type;
                case "subtype" -> A_subtype;
                case "target" -> A_target;
                case "domains" -> A_domains;
                case "who" -> A_who;
                case "when" -> A_when;
                default -> -1;
            } : XML.equals(aUri) ? switch (aLocal) {
                case "id" -> A_id;
                case "lang" -> A_lang;
                default -> -1;
            } : -1;
            if (a >= 0) {
                e.atts[a] = atts.getValue(i);
            }
        }
        e.textStart = text.length();
        e.unitShape = BitextRules.isUnitShape(e);
        Elem p = current;
        if (p.lastChild == null) {
            p.firstChild = e;
        } else {
            p.lastChild.next = e;
        }
        p.lastChild = e;
        if (p.unitShape) {
            if (name == E_s) {
                p.hasS = true;
            } else if (p.loose == null) {
                p.loose = e;
            }
        }
        elements.add(e);
        current = e;
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        endTextNode();
        current.textEnd = text.length();
        current = current.parent;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        endTextNode();
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        endTextNode();
    }

    /** The characters since the last boundary are one text node of the current element. */
    private void endTextNode() {
        int end = text.length();
        if (end > run && current.unitShape && current.loose == null) {
            for (int i = run; i < end; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    current.loose = text.substring(run, end);
                    break;
                }
            }
        }
        run = end;
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) {
    }

    @Override
    public void endDTD() {
    }

    @Override
    public void startEntity(String name) {
    }

    @Override
    public void endEntity(String name) {
    }

    @Override
    public void startCDATA() {
    }

    @Override
    public void endCDATA() {
    }
}
