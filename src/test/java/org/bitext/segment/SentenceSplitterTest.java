package org.bitext.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bitext.segment.SentenceSplitter.Sentence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
    private static List<String> en(String text) {
        return texts(text, SentenceSplitter.english(text));
    }

    private static List<String> zh(String text) {
        return texts(text, SentenceSplitter.chinese(text));
    }

    private static List<String> texts(String text, List<Sentence> sentences) {
        return sentences.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void englishSentencesEndAtStopsBeforeACapital() {
        assertEquals(List.of("Production rose.", "Costs fell!", "Why?", "Because of the plan."),
                en("Production rose. Costs fell! Why? Because of the plan."));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Mr. Li and Dr. Wang met Gen. Zhu on Jan. 5 at the factory.",
        "The U.S. delegation left for the U.S.S.R. Embassy on Tuesday.",
        "Workshop No. 3 produced 4.5 tons, 31.5% more than in May.",
        "J. R. Smith wrote it, e.g. in the preface.",
        "See p. 12 of the report.",
        "He said \"we will win.\" and left.",
        "Output rose (see Table 2.) in all districts."
    })
    void englishAbbreviationsInitialsDecimalsAndLowercaseStartsDoNotSplit(String text) {
        assertEquals(List.of(text), en(text));
    }

    @Test
    void englishQuotesAndBracketsStayWithTheirSentence() {
        assertEquals(List.of("He said: \"We will win.\"", "(This was in 1960.)", "Then they left."),
                en("He said: \"We will win.\" (This was in 1960.) Then they left."));
        assertEquals(List.of("It was “great.”", "Next day..."), en("It was “great.” Next day..."));
    }

    /** A list numeral inside a sentence is no sentence end: the Chinese has the enumeration in one sentence too. */
    @Test
    void englishListNumeralsDoNotEndASentence() {
        assertEquals(List.of("The book has seven sections: 1. Principles of Bookkeeping; 2. Accounting Subjects; "
                + "3. Vouchers.", "It was printed in 1958.", "Sales rose by 12.", "Costs fell."),
                en("The book has seven sections: 1. Principles of Bookkeeping; 2. Accounting Subjects; 3. Vouchers. "
                        + "It was printed in 1958. Sales rose by 12. Costs fell."));
        assertEquals(List.of("1. Principles of Bookkeeping.", "2. Accounting Subjects."),
                en("1. Principles of Bookkeeping. 2. Accounting Subjects."));
    }

    @Test
    void noBeforeANumberIsAnAbbreviationButNotAtTheEnd() {
        assertEquals(List.of("The answer was no.", "Then work began."), en("The answer was no. Then work began."));
    }

    @Test
    void ellipsisAndMixedTerminatorsEndASentence() {
        assertEquals(List.of("Is it so?!", "Yes...", "It is."), en("Is it so?! Yes... It is."));
    }

    @Test
    void chineseSentencesEndAtTheirPunctuationWithClosingQuotes() {
        assertEquals(List.of("生铁产量增长31％。", "他说：“我们一定胜利！”", "为什么？", "因为有计划；", "所以……", "完成了"),
                zh("生铁产量增长31％。他说：“我们一定胜利！”为什么？因为有计划；所以……完成了"));
    }

    @Test
    void chineseAsidesInParenthesesAndAttributionsAfterADashStayInTheirSentence() {
        assertEquals(List.of("办法是（定人、定车；现场接班）和产、运、销结合起来。", "效果很好。"),
                zh("办法是（定人、定车；现场接班）和产、运、销结合起来。效果很好。"));
        assertEquals(List.of("人是伟大的。——高尔基大意如此说过。", "我们同意。"),
                zh("人是伟大的。——高尔基大意如此说过。我们同意。"));
    }

    @Test
    void chineseWhiteSpaceBetweenSentencesBelongsToNeither() {
        assertEquals(List.of("第一句。", "第二句。"), zh("第一句。\n第二句。"));
        // an ideographic space is text, not XML white space: it stays with the sentence before it
        assertEquals(List.of("第一句。　", "第二句。"), zh("第一句。　第二句。"));
        assertEquals(List.of("It ended.\u00a0", "Then more."), en("It ended.\u00a0 Then more."));
        assertEquals(List.of("深入车间抓生产　深入食堂抓生活"), zh("深入车间抓生产　深入食堂抓生活"));
    }

    @Test
    void sentencesCoverEveryNonBlankCharacterInOrder() {
        String text = "  (From Our Own Correspondent) Output rose 18%. It was 3.5 tons. Mr. Li spoke.  ";
        List<Sentence> s = SentenceSplitter.english(text);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        for (Sentence x : s) {
            assertTrue(x.start() >= last && x.end() > x.start());
            outside.append(text, last, x.start());
            last = x.end();
        }
        outside.append(text.substring(last));
        assertTrue(outside.toString().isBlank(), "only white space lies between sentences");
        assertEquals(3, s.size());
    }

    @Test
    void blankTextHasNoSentence() {
        assertEquals(List.of(), SentenceSplitter.english("   "));
        assertEquals(List.of(), SentenceSplitter.chinese(" \n "));
    }
}
