package org.bitext.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LengthAlignerTest {
    private final LengthAligner aligner = LengthAligner.chineseEnglish();

    @Test
    void equalCountsArePairedByPosition() {
        List<Bead> beads = aligner.align(new int[] {10, 200}, new int[] {900, 40});
        assertEquals(List.of(0), beads.get(0).source());
        assertEquals(List.of(0), beads.get(0).target());
        assertFalse(beads.get(0).guessed());
    }

    @Test
    void twoChineseParagraphsTranslatedAsOne() {
        // Chinese 100, 120, 80; English 880 (=100+120 merged), 320
        List<Bead> beads = aligner.align(new int[] {100, 120, 80}, new int[] {880, 320});
        assertEquals(2, beads.size());
        assertEquals(List.of(0, 1), beads.get(0).source());
        assertEquals(List.of(0), beads.get(0).target());
        assertEquals(List.of(2), beads.get(1).source());
        assertTrue(beads.get(0).guessed());
        assertTrue(beads.get(0).cert() > 0.5, "cert " + beads.get(0).cert());
    }

    @Test
    void untranslatedParagraphIsLeftUnaligned() {
        // a last paragraph of 200 characters that the English leaves out
        List<Bead> beads = aligner.align(new int[] {100, 300, 100, 200}, new int[] {400, 1200, 400});
        assertEquals(4, beads.size());
        assertEquals(List.of(3), beads.get(3).source());
        assertTrue(beads.get(3).target().isEmpty());
    }

    @Test
    void everyUnitAppearsExactlyOnceInOrder() {
        int[] zh = {30, 50, 5, 90, 10, 60};
        int[] en = {130, 210, 350, 260};
        List<Bead> beads = aligner.byLength(zh, en);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), beads.stream().flatMap(b -> b.source().stream()).toList());
        assertEquals(List.of(0, 1, 2, 3), beads.stream().flatMap(b -> b.target().stream()).toList());
    }

    @Test
    void longArticlesAlignInBoundedMemory() {
        // 20,001 against 20,000 units: a full table would hold 400 million cells
        int[] zh = new int[20_001];
        int[] en = new int[20_000];
        java.util.Arrays.fill(zh, 50);
        java.util.Arrays.fill(en, 200);
        zh[10_000] = 3; // one short line the English leaves out
        List<Bead> beads = aligner.byLength(zh, en);
        assertEquals(20_001, beads.stream().mapToInt(b -> b.source().size()).sum());
        assertEquals(20_000, beads.stream().mapToInt(b -> b.target().size()).sum());
        assertTrue(beads.stream().allMatch(b -> b.source().size() <= 2 && b.target().size() <= 2));
    }

    @Test
    void veryUnequalCountsStillReachTheEnd() {
        int[] zh = {400, 400};
        int[] en = new int[1000];
        java.util.Arrays.fill(en, 3);
        List<Bead> beads = aligner.byLength(zh, en);
        assertEquals(1000, beads.stream().mapToInt(b -> b.target().size()).sum());
        assertEquals(List.of(0, 1), beads.stream().flatMap(b -> b.source().stream()).toList());
    }

    @Test
    void certIsThePosteriorOfTheBead() {
        // two clear 1-1 pairs: the aligner is sure of both
        List<Bead> sure = aligner.byLength(new int[] {50, 20}, new int[] {200, 80});
        assertEquals(2, sure.size());
        assertTrue(sure.stream().allMatch(b -> b.cert() > 0.9), sure::toString);
        // the middle sentence could belong to either neighbour: the aligner says it is unsure
        List<Bead> unsure = aligner.byLength(new int[] {50, 50}, new int[] {180, 40, 180});
        assertTrue(unsure.stream().anyMatch(b -> b.cert() < 0.8), unsure::toString);
        assertTrue(unsure.stream().allMatch(b -> b.cert() >= 0 && b.cert() <= 1), unsure::toString);
    }

    @Test
    void withRatioKeepsTheVariance() {
        LengthAligner local = aligner.withRatio(5.5);
        assertEquals(5.5, local.ratio());
        assertEquals(aligner.variance(), local.variance());
        // a pair at ratio 5.5 is a 1-1 for the local aligner
        List<Bead> beads = local.byLength(new int[] {40, 60}, new int[] {220, 330});
        assertEquals(2, beads.size());
    }
}
