package org.bitext.tei;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.bitext.segment.SentenceSplitter.Sentence;

/**
 * The inline content of one alignment unit as a flat list of events (text, element start, element end), so that it
 * can be cut into {@code <s>} sentences without breaking the nesting: a sentence boundary is only accepted where no
 * inline element ({@code seg}, {@code hi}, {@code foreign}) is open; otherwise the two sentences are kept as one.
 */
final class Inline {
    private sealed interface Event permits Text, Start, End {
    }

    private record Text(String text) implements Event {
    }

    private record Start(String name, String attrNs, String attrName, String attrValue) implements Event {
    }

    private record End() implements Event {
    }

    private final String ns;
    private final List<Event> events = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Inline(String ns) {
        this.ns = ns;
    }

    void text(String s) {
        if (!s.isEmpty()) {
            events.add(new Text(s));
            text.append(s);
        }
    }

    /** Opens an element with one attribute ({@code attrNs} null for none). */
    void start(String name, String attrNs, String attrName, String attrValue) {
        events.add(new Start(name, attrNs, attrName, attrValue));
    }

    void end() {
        events.add(new End());
    }

    /** The unit's text as it will read in the TEI (its string value). */
    String text() {
        return text.toString();
    }

    /**
     * Keeps the sentences whose boundaries fall outside every inline element, joining each other one to its
     * successor, and stretches the first and the last to the ends of the text. The result covers the whole text;
     * only the white space between two sentences lies outside them.
     */
    List<Sentence> acceptable(List<Sentence> sentences) {
        int n = text.length();
        if (sentences.isEmpty()) {
            return sentences;
        }
        // the first sentence starts, and the last ends, with the unit's text: nothing is left outside them
        List<Sentence> edged = new ArrayList<>(sentences);
        edged.set(0, new Sentence(0, edged.get(0).end()));
        edged.set(edged.size() - 1, new Sentence(edged.get(edged.size() - 1).start(), n));
        sentences = edged;
        if (sentences.size() < 2) {
            return sentences;
        }
        // free[i]: at some moment at offset i no inline element is open; inside[c]: character c is in an element
        boolean[] free = new boolean[n + 1];
        boolean[] inside = new boolean[n];
        int pos = 0;
        int depth = 0;
        free[0] = true;
        for (Event e : events) {
            if (e instanceof Text t) {
                for (int k = 0; k < t.text().length(); k++) {
                    inside[pos + k] = depth > 0;
                    free[pos + k] |= depth == 0;
                }
                pos += t.text().length();
            } else if (e instanceof Start) {
                depth++;
            } else {
                depth--;
            }
            if (depth == 0) {
                free[pos] = true;
            }
        }
        List<Sentence> out = new ArrayList<>();
        Sentence current = sentences.get(0);
        for (int k = 1; k < sentences.size(); k++) {
            Sentence next = sentences.get(k);
            boolean ok = free[current.end()] && free[next.start()];
            for (int c = current.end(); ok && c < next.start(); c++) {
                ok = !inside[c];
            }
            if (ok) {
                out.add(current);
                current = next;
            } else {
                current = new Sentence(current.start(), next.end());
            }
        }
        out.add(current);
        return out;
    }

    /**
     * Writes the content, each sentence in an {@code <s xml:id>} with the given ids; the white space between
     * sentences stays outside them. The sentences must be {@link #acceptable}.
     */
    void write(XMLStreamWriter w, List<Sentence> sentences, List<String> ids) throws XMLStreamException {
        int pos = 0;
        int depth = 0;
        int s = 0;
        boolean open = false;
        for (Event e : events) {
            if (e instanceof Text t) {
                String str = t.text();
                int i = 0;
                while (i < str.length()) {
                    int abs = pos + i;
                    if (depth == 0 && !open && s < sentences.size() && abs == sentences.get(s).start()) {
                        startSentence(w, ids.get(s));
                        open = true;
                    }
                    int stop = str.length();
                    if (open) {
                        stop = Math.min(stop, sentences.get(s).end() - pos);
                    } else if (s < sentences.size()) {
                        stop = Math.min(stop, sentences.get(s).start() - pos);
                    }
                    if (stop <= i) {
                        throw new IllegalStateException("sentence boundary inside an inline element at " + abs);
                    }
                    w.writeCharacters(str.substring(i, stop));
                    i = stop;
                    if (open && depth == 0 && pos + i == sentences.get(s).end()) {
                        w.writeEndElement();
                        open = false;
                        s++;
                    }
                }
                pos += str.length();
            } else if (e instanceof Start st) {
                if (depth == 0 && !open && s < sentences.size() && pos == sentences.get(s).start()) {
                    startSentence(w, ids.get(s));
                    open = true;
                }
                w.writeStartElement("", st.name(), ns);
                if (st.attrName() != null) {
                    if (st.attrNs() == null) {
                        w.writeAttribute(st.attrName(), st.attrValue());
                    } else {
                        w.writeAttribute("xml", st.attrNs(), st.attrName(), st.attrValue());
                    }
                }
                depth++;
            } else {
                w.writeEndElement();
                depth--;
                if (depth == 0 && open && pos == sentences.get(s).end()) {
                    w.writeEndElement();
                    open = false;
                    s++;
                }
            }
        }
        if (open) {
            w.writeEndElement();
        }
    }

    private void startSentence(XMLStreamWriter w, String id) throws XMLStreamException {
        w.writeStartElement("", "s", ns);
        w.writeAttribute("xml", org.bitext.tei.header.Tei.XML_NS, "id", id);
    }
}
