package org.bitext.align;

import java.util.List;

/**
 * One sentence as the article aligner sees it.
 *
 * @param id        the sentence's {@code xml:id}
 * @param text      its text
 * @param unit      the {@code xml:id} of the unit (head, byline, paragraph, item) it belongs to
 * @param unitStart whether it is the first sentence of its unit
 * @param kind      the unit's kind: {@code h} head, {@code b} byline, {@code p} paragraph, {@code i} item
 * @param length    its alignment length ({@link Lengths#of})
 */
public record Seg(String id, String text, String unit, boolean unitStart, char kind, int length) {
    /** The sentences of one side, from ids of the form {@code zh-p3-s2} (unit {@code zh-p3}, kind {@code p}). */
    public static Seg of(String id, String text, boolean english) {
        int s = id.lastIndexOf("-s");
        String unit = s > 0 ? id.substring(0, s) : id;
        int dash = unit.indexOf('-');
        char kind = dash >= 0 && dash + 1 < unit.length() ? unit.charAt(dash + 1) : 'p';
        return new Seg(id, text, unit, id.endsWith("-s1"), kind, Lengths.of(text, english));
    }

    /** Whether the sentence is a unit of its own that is only a bracketed credit or source: {@code （达强）}. */
    public boolean credit() {
        String t = text.strip();
        return t.length() <= 60 && t.matches("^[（(【\\[][^（()）【】\\[\\]]{1,58}[）)】\\]][。.]?$");
    }

    static List<String> ids(List<Seg> segs, List<Integer> indices) {
        return indices.stream().map(i -> segs.get(i).id()).toList();
    }
}
