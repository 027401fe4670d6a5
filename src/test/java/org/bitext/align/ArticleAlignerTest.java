package org.bitext.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleAlignerTest {
    private final ArticleAligner aligner = new ArticleAligner(AlignParams.DEFAULT);

    /** Sentences of one side: "p2:text" starts unit p2; a line without a unit prefix continues the unit before. */
    private static List<Seg> side(String prefix, boolean english, String... lines) {
        List<Seg> out = new ArrayList<>();
        String unit = null;
        int s = 0;
        for (String l : lines) {
            int colon = l.indexOf(':');
            if (colon > 0 && colon < 4 && l.substring(0, colon).matches("[hbpi]\\d+")) {
                unit = prefix + "-" + l.substring(0, colon);
                s = 0;
                l = l.substring(colon + 1);
            }
            s++;
            out.add(Seg.of(unit + "-s" + s, l, english));
        }
        return out;
    }

    private static List<String> show(List<Bead> beads, List<Seg> zh, List<Seg> en) {
        return beads.stream().map(b -> String.join(" ", Seg.ids(zh, b.source())) + " = "
                + String.join(" ", Seg.ids(en, b.target()))).toList();
    }

    @Test
    void aCreditTheEnglishLacksIsLeftUnaligned() {
        List<Seg> zh = side("zh", false, "p1:５月３０日，张家口市举办了第１５届幼儿运动会。", "全市四十多所幼儿园的一千多名儿童参加了比赛。",
                "p2:（达强）");
        List<Seg> en = side("en", true, "p1:On May 30, the 15th Children's Sports Meet was held in Zhangjiakou.",
                "More than 1,000 children from over 40 kindergartens in the city took part in the competition.");
        assertEquals(List.of("zh-p1-s1 = en-p1-s1", "zh-p1-s2 = en-p1-s2", "zh-p2-s1 = "),
                show(aligner.align(zh, en, List.of()), zh, en));
    }

    @Test
    void aListJoinedInTheEnglishIsOneBeadFoundByItsNumbers() {
        List<Seg> zh = side("zh", false, "p1:全书分三编：一、簿记原理；", "二、会计科目；", "三、传票。",
                "p2:定价一万二千元。");
        List<Seg> en = side("en", true,
                "p1:The book has three sections: 1. Principles of Bookkeeping; 2. Accounting Subjects; 3. Vouchers.",
                "p2:It is priced at 12,000 yuan.");
        assertEquals(List.of("zh-p1-s1 zh-p1-s2 zh-p1-s3 = en-p1-s1", "zh-p2-s1 = en-p2-s1"),
                show(aligner.align(zh, en, List.of()), zh, en));
    }

    @Test
    void aGlossaryNameDecidesBetweenEqualLengths() {
        List<Seg> zh = side("zh", false, "p1:石景山钢铁厂完成了计划。", "长芦盐务管理局增产了食盐。");
        List<Seg> en = side("en", true, "p1:The Changlu Salt Affairs Bureau raised salt output.",
                "Shijingshan Steel Works fulfilled its plan.");
        List<Map.Entry<String, String>> glossary = List.of(Map.entry("石景山", "Shíjǐngshān"),
                Map.entry("长芦盐务管理局", "Chánglú Yánwù Guǎnlǐjú (Changlu Salt Affairs Bureau)"));
        // the translator swapped the two sentences: in order, the best the aligner can do is a 2-2 bead, which the
        // names make certain; without them, lengths alone pair the sentences 1-1 in the wrong order
        List<Bead> beads = aligner.align(zh, en, glossary);
        assertEquals(List.of("zh-p1-s1 zh-p1-s2 = en-p1-s1 en-p1-s2"), show(beads, zh, en));
        List<Bead> blind = new ArticleAligner(AlignParams.DEFAULT.withFeatures(java.util.EnumSet.noneOf(
                Anchors.Kind.class))).align(zh, en, glossary);
        assertEquals(List.of("zh-p1-s1 = en-p1-s1", "zh-p1-s2 = en-p1-s2"), show(blind, zh, en));
    }

    @Test
    void aDatelineMovedFromTheEndToTheFrontIsLinkedAcross() {
        List<Seg> zh = side("zh", false, "p1:首都各界人民今天举行大会，庆祝国庆节。", "大会由市长主持。",
                "p2:【新华社北京一日电】");
        List<Seg> en = side("en", true, "p1:[Xinhua News Agency, Beijing, 1st]",
                "p2:People of all circles in the capital held a rally today to celebrate National Day.",
                "The rally was chaired by the mayor.");
        List<Bead> beads = aligner.align(zh, en, List.of());
        assertEquals(List.of("zh-p1-s1 = en-p2-s1", "zh-p1-s2 = en-p2-s2", "zh-p2-s1 = en-p1-s1"), show(beads, zh, en));
        assertEquals(ArticleAligner.MOVED_CERT, beads.get(2).cert());
    }

    @Test
    void aDatelineMovedIntoTheFirstEnglishSentenceJoinsItsLink() {
        List<Seg> zh = side("zh", false, "p1:首都各界人民今天举行大会，庆祝国庆节。", "大会由市长主持。",
                "p2:【新华社北京一日电】");
        List<Seg> en = side("en", true,
                "p1:Xinhua News Agency, Beijing, 1st — People of all circles in the capital held a rally today.",
                "The rally was chaired by the mayor.");
        assertEquals(List.of("zh-p1-s1 zh-p2-s1 = en-p1-s1", "zh-p1-s2 = en-p1-s2"),
                show(aligner.align(zh, en, List.of()), zh, en));
    }

    @Test
    void aDatelineAtTheSameEndOnBothSidesIsNotMoved() {
        List<Seg> zh = side("zh", false, "p1:【新华社北京一日电】首都各界人民今天举行大会。", "p2:【新华社】");
        List<Seg> en = side("en", true, "p1:[Xinhua News Agency, Beijing, 1st] People held a rally today.",
                "p2:(Xinhua)");
        assertNull(ArticleAligner.moved(zh, en));
    }

    /** 20,001 against 20,000 sentences: a full table would hold 400 million cells; the band holds about a million. */
    @Test
    void longArticlesAlignInBoundedMemory() {
        List<Seg> zh = new ArrayList<>();
        List<Seg> en = new ArrayList<>();
        for (int k = 1; k <= 20_000; k++) {
            zh.add(Seg.of("zh-p" + k + "-s1", "工人们提前完成了全年计划的任务。", false));
            en.add(Seg.of("en-p" + k + "-s1", "The workers completed the tasks of the year's plan ahead of time.", true));
            if (k == 10_000) {
                zh.add(Seg.of("zh-p" + k + "-s2", "（达强）", false)); // a credit the English leaves out
            }
        }
        List<Bead> beads = aligner.align(zh, en, List.of());
        assertEquals(20_001, beads.stream().mapToInt(b -> b.source().size()).sum());
        assertEquals(20_000, beads.stream().mapToInt(b -> b.target().size()).sum());
        assertTrue(beads.stream().filter(b -> b.target().isEmpty()).allMatch(b -> b.source().equals(List.of(10_000))));
    }

    @Test
    void veryUnequalCountsStillReachTheEnd() {
        List<Seg> zh = side("zh", false, "p1:工人们提前完成了全年计划的任务。", "p2:农民们获得了丰收。");
        List<Seg> en = new ArrayList<>();
        for (int k = 1; k <= 1000; k++) {
            en.add(Seg.of("en-p" + k + "-s1", "Yes.", true));
        }
        List<Bead> beads = aligner.align(zh, en, List.of());
        assertEquals(1000, beads.stream().mapToInt(b -> b.target().size()).sum());
        assertEquals(List.of(0, 1), beads.stream().flatMap(b -> b.source().stream()).toList());
    }
}
