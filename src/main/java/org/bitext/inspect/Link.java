package org.bitext.inspect;

import java.util.List;

/**
 * One sentence-level alignment group: Chinese sentence ids and English sentence ids that translate each other. One
 * side is empty for a sentence without counterpart.
 *
 * @param zh   ids of Chinese sentences, in document order
 * @param en   ids of English sentences, in document order
 * @param cert the aligner's confidence, or {@code NaN} when none is recorded (an unaligned sentence, a gold link)
 */
public record Link(List<String> zh, List<String> en, double cert) {
    public Link {
        zh = List.copyOf(zh);
        en = List.copyOf(en);
    }

    /** The link's type, Chinese count first: {@code 1-1}, {@code 2-1}, {@code 0-1} ... */
    public String type() {
        return zh.size() + "-" + en.size();
    }

    /** Whether one side is empty. */
    public boolean unaligned() {
        return zh.isEmpty() || en.isEmpty();
    }

    /** The link's identity, independent of its confidence. */
    public String key() {
        return String.join(" ", zh) + " | " + String.join(" ", en);
    }
}
