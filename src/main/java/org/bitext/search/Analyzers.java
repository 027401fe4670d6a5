package org.bitext.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * How the sentences' text is analysed, at indexing and at query time alike: the Chinese field as overlapping
 * character bigrams ({@link CJKAnalyzer}: a query word of two or more characters becomes the phrase of its bigrams,
 * so every occurrence of it is found, whatever the words around it), the English field with the Porter stemmer,
 * possessives and stop words removed ({@link EnglishAnalyzer}). The choice of bigrams over a word-segmenting
 * analyser (smartcn) was made on measured recall and precision: see the README's Search section and
 * {@code ChineseAnalyzerStudyTest}.
 */
public final class Analyzers {
    private Analyzers() {
    }

    /** The Chinese analyser: CJK bigrams. */
    public static Analyzer chinese() {
        return new CJKAnalyzer();
    }

    /** The English analyser: stemming, possessives and stop words. */
    public static Analyzer english() {
        return new EnglishAnalyzer();
    }

    /**
     * Both, per field ({@link SearchIndex#ZH}; {@link SearchIndex#EN} and {@link SearchIndex#CP_EN}, the English
     * counterparts of a Chinese sentence); other fields are not analysed.
     */
    public static Analyzer perField() {
        Analyzer english = english();
        return new PerFieldAnalyzerWrapper(english, Map.of(SearchIndex.ZH, chinese(), SearchIndex.EN, english,
                SearchIndex.CP_EN, english));
    }
}
