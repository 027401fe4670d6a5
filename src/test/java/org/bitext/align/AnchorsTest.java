package org.bitext.align;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnchorsTest {
    private final Anchors all = new Anchors(EnumSet.allOf(Anchors.Kind.class),
            List.of(Map.entry("长芦盐务管理局", "Chánglú Yánwù Guǎnlǐjú (Changlu Salt Affairs Bureau)")),
            List.of("ＣＰＵ产量"));

    @Test
    void chineseNumeralsAreRead() {
        assertEquals(1978, Anchors.zhValue("一九七八"));
        assertEquals(3100, Anchors.zhValue("三一○○"));
        assertEquals(3400, Anchors.zhValue("三千四百"));
        assertEquals(700_000, Anchors.zhValue("七十万"));
        assertEquals(34_000, Anchors.zhValue("三万四千"));
        assertEquals(12, Anchors.zhValue("十二"));
    }

    @Test
    void numbersOfBothScriptsMeetAtTheirValue() {
        assertEquals(List.of("N:1978", "N:3000000"), all.chinese("１９７８年，产量达３００多万吨。"));
        assertEquals(List.of("N:1978", "N:3000000"), all.english("In 1978, output reached more than 3 million tons."));
        assertEquals(List.of("N:1958", "N:12", "N:29"), all.chinese("一九五八年十二月二十九日"));
        assertEquals(List.of("N:1958", "N:29", "N:12"), all.english("December 29th, 1958").stream().sorted(
                (a, b) -> List.of("N:1958", "N:29", "N:12").indexOf(a) - List.of("N:1958", "N:29", "N:12").indexOf(b))
                .toList());
    }

    @Test
    void listNumeralsGlossaryNamesLatinWordsAndMarks() {
        assertEquals(List.of("I:1", "I:2"), all.chinese("分两编：一、簿记原理；二、会计科目"));
        assertEquals(List.of("I:1", "I:2"), all.english("two sections: 1. Principles; 2. Subjects"));
        assertEquals(List.of("G:0"), all.chinese("长芦盐务管理局"));
        assertEquals(List.of("G:0"), all.english("the Changlu Salt Affairs Bureau"));
        assertEquals(List.of("L:cpu", "P:?"), all.chinese("ＣＰＵ呢？"));
        assertEquals(List.of("L:cpu", "P:?"), all.english("The CPU? The Bureau"));
    }
}
