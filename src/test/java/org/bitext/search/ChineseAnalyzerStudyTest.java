package org.bitext.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.bitext.Corpus;
import org.bitext.export.parallel.AlignedText;
import org.bitext.read.ArticleReader;
import org.bitext.tei.TeiEncoder;
import org.bitext.xml.Xml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Why the Chinese field is analysed as CJK bigrams and not by smartcn's word segmentation: both analysers index the
 * Chinese sentences of the 12 corpus and 306 sample articles, and answer two sets of real queries as the search box
 * parses them (every word required, a CJK word as the phrase of its tokens). The relevance judgements are the true
 * occurrences, counted by plain substring search in the sentences' text:
 * <ul>
 *   <li>names: every Chinese term of 2–4 characters of the articles' Named Entities glossaries (people, places,
 *   organisations, campaigns: what a historian types);</li>
 *   <li>segmented: 400 words of 2–4 characters drawn at random (fixed seed) from smartcn's own segmentation of the
 *   sentences: the words most in its favour;</li>
 *   <li>strings: 400 strings of 2–4 Chinese characters drawn at random (fixed seed) from the sentences, word
 *   boundaries or not (what a reader pastes from a text).</li>
 * </ul>
 * Recall and precision (micro: over all occurrences; macro: the mean per query) are printed and written to
 * {@code target/search-analyzer-study.txt}; the README's Search section quotes them. The test holds the choice to its
 * reason: the shipped analyser finds every occurrence and is at least as precise as the other within a point.
 */
class ChineseAnalyzerStudyTest {
    record Score(double microRecall, double microPrecision, double macroRecall, double macroPrecision, int queries,
                 long relevant, int fullRecall) {
    }

    private static final List<String> sentences = new ArrayList<>();
    private static final Set<String> names = new LinkedHashSet<>();
    private static final Set<String> words = new LinkedHashSet<>();
    private static final Set<String> segmented = new LinkedHashSet<>();

    @BeforeAll
    static void read() throws Exception {
        List<Path> inputs = new ArrayList<>(Corpus.articles());
        try (Stream<Path> s = Files.list(Path.of("corpus/sample/articles"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(inputs::add);
        }
        XPathCompiler xp = Xml.processor().newXPathCompiler();
        xp.declareNamespace("", "http://www.tei-c.org/ns/1.0");
        var terms = xp.compile("//list[@type = 'glossary']/item/term[lang('zh')]");
        Set<String> glossary = new LinkedHashSet<>();
        for (Path p : inputs) {
            byte[] tei = new TeiEncoder().encode(new ArticleReader().read(p), p.getFileName().toString());
            XdmNode doc = Xml.parse(new ByteArrayInputStream(tei), p.toUri().toString());
            for (AlignedText.Sentence s : AlignedText.sentences(doc)) {
                if (s.lang().equals("zh")) {
                    sentences.add(s.text());
                }
            }
            var sel = terms.load();
            sel.setContextItem(doc);
            for (XdmItem t : sel.evaluate()) {
                glossary.add(t.getStringValue().strip());
            }
        }
        String all = String.join("\n", sentences);
        for (String t : glossary) {
            if (t.matches("\\p{IsHan}{2,4}") && all.contains(t)) {
                names.add(t);
            }
        }
        Random random = new Random(15);
        List<String> smartcnWords = new ArrayList<>();
        try (Analyzer smartcn = new SmartChineseAnalyzer()) {
            for (String s : sentences) {
                try (var ts = smartcn.tokenStream("zh", s)) {
                    var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                    ts.reset();
                    while (ts.incrementToken()) {
                        String w = term.toString();
                        if (w.matches("\\p{IsHan}{2,4}")) {
                            smartcnWords.add(w);
                        }
                    }
                    ts.end();
                }
            }
        }
        while (segmented.size() < 400) {
            segmented.add(smartcnWords.get(random.nextInt(smartcnWords.size())));
        }
        while (words.size() < 400) {
            String s = sentences.get(random.nextInt(sentences.size()));
            int len = 2 + random.nextInt(3);
            if (s.length() < len) {
                continue;
            }
            int at = random.nextInt(s.length() - len + 1);
            String w = s.substring(at, at + len);
            if (w.matches("\\p{IsHan}+")) {
                words.add(w);
            }
        }
    }

    static Score score(Analyzer analyzer, Set<String> queries) throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (String s : sentences) {
                Document d = new Document();
                d.add(new TextField("zh", s, Field.Store.NO));
                w.addDocument(d);
            }
        }
        long found = 0;
        long relevantAll = 0;
        long retrievedAll = 0;
        double recallSum = 0;
        double precisionSum = 0;
        int precisionQueries = 0;
        int full = 0;
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (String q : queries) {
                Set<Integer> relevant = new HashSet<>();
                for (int i = 0; i < sentences.size(); i++) {
                    if (sentences.get(i).contains(q)) {
                        relevant.add(i);
                    }
                }
                // the search box's parser settings: every word required, a CJK word as the phrase of its tokens
                QueryParser parser = new QueryParser("zh", analyzer);
                parser.setDefaultOperator(QueryParser.Operator.AND);
                parser.setSplitOnWhitespace(true);
                parser.setAutoGeneratePhraseQueries(true);
                var query = parser.parse(QueryParser.escape(q));
                Set<Integer> hits = new HashSet<>();
                for (ScoreDoc d : searcher.search(query, Math.max(1, sentences.size())).scoreDocs) {
                    hits.add(d.doc);
                }
                Set<Integer> right = new HashSet<>(hits);
                right.retainAll(relevant);
                found += right.size();
                relevantAll += relevant.size();
                retrievedAll += hits.size();
                recallSum += (double) right.size() / relevant.size();
                if (!hits.isEmpty()) {
                    precisionSum += (double) right.size() / hits.size();
                    precisionQueries++;
                }
                if (right.size() == relevant.size()) {
                    full++;
                }
            }
        }
        return new Score((double) found / relevantAll, retrievedAll == 0 ? 1 : (double) found / retrievedAll,
                recallSum / queries.size(), precisionQueries == 0 ? 1 : precisionSum / precisionQueries,
                queries.size(), relevantAll, full);
    }

    @Test
    void bigramsFindEveryOccurrenceAndSmartcnDoesNot() throws Exception {
        Map<String, Analyzer> analyzers = new LinkedHashMap<>();
        analyzers.put("CJK bigrams (CJKAnalyzer, shipped)", Analyzers.chinese());
        analyzers.put("smartcn (SmartChineseAnalyzer)", new SmartChineseAnalyzer());
        Map<String, Set<String>> sets = new LinkedHashMap<>();
        sets.put("names", names);
        sets.put("segmented", segmented);
        sets.put("strings", words);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Chinese analysers on %d Chinese sentences of %s articles%n",
                sentences.size(), "318"));
        report.append("| query set | analyser | queries | occurrences | recall (micro) | precision (micro) | "
                + "recall (macro) | precision (macro) | queries fully found |\n|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Score> scores = new LinkedHashMap<>();
        for (var set : sets.entrySet()) {
            for (var a : analyzers.entrySet()) {
                Score s = score(a.getValue(), set.getValue());
                scores.put(set.getKey() + "/" + a.getKey(), s);
                report.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f | %d |%n",
                        set.getKey(), a.getKey(), s.queries(), s.relevant(), s.microRecall(), s.microPrecision(),
                        s.macroRecall(), s.macroPrecision(), s.fullRecall()));
            }
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/search-analyzer-study.txt"), report, StandardCharsets.UTF_8);
        assertTrue(names.size() >= 50, "names: " + names.size());
        for (String set : sets.keySet()) {
            Score bigrams = scores.get(set + "/CJK bigrams (CJKAnalyzer, shipped)");
            Score smartcn = scores.get(set + "/smartcn (SmartChineseAnalyzer)");
            assertEquals(1.0, bigrams.microRecall(), 1e-9, set);
            assertTrue(bigrams.microRecall() > smartcn.microRecall(), set);
            assertTrue(bigrams.microPrecision() >= smartcn.microPrecision() - 0.01, set);
        }
    }
}
