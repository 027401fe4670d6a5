package org.bitext.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Searches an output folder's index ({@code OUT/search/}, made by {@link SearchIndex}): one query box for both
 * languages (every word is looked for in the Chinese and in the English sentences), quoted phrases, the classic Lucene
 * syntax for who knows it ({@code AND}, {@code OR}, {@code -word}, {@code word*}), and a query that is not well-formed
 * searched as plain words with a note instead of an error. Hits are sentences, each with its aligned counterparts, a
 * highlighted copy (HTML-escaped, {@code <mark>} around the matches) and the reading view's URL at that sentence;
 * facets count the hits by year, page and section; a date range and year, page and section filters narrow them.
 * Thread-safe; sees a new commit of the index within a second.
 */
public final class Searcher implements AutoCloseable {
    /** The longest query text accepted, in characters. */
    public static final int MAX_QUERY = 500;
    /** The most hits per page. */
    public static final int MAX_SIZE = 100;
    /** Hits per page by default. */
    public static final int DEFAULT_SIZE = 20;
    /** How deep pages go: page × size at most this. */
    public static final int MAX_DEPTH = 10_000;
    /** The facet dimensions, in the order shown. */
    public static final List<String> DIMENSIONS = List.of(SearchIndex.YEAR, SearchIndex.PAGE, SearchIndex.SECTION);

    /**
     * A search.
     *
     * @param text    what the reader typed (at most {@link #MAX_QUERY} characters)
     * @param from    the earliest publication date, or null
     * @param to      the latest publication date, or null
     * @param year    only this year, or null
     * @param page    only this page, or null
     * @param section only this section, or null
     * @param number  the page of results, from 1
     * @param size    hits per page, 1 to {@link #MAX_SIZE}
     */
    public record Query(String text, LocalDate from, LocalDate to, String year, String page, String section,
                        int number, int size) {
        public Query {
            text = text == null ? "" : text.strip();
            if (text.length() > MAX_QUERY) {
                throw new IllegalArgumentException("the query is longer than " + MAX_QUERY + " characters");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", not " + size);
            }
            if (number < 1 || (long) number * size > MAX_DEPTH) {
                throw new IllegalArgumentException("page must be 1 to " + (MAX_DEPTH / size) + " with " + size
                        + " hits per page, not " + number);
            }
        }

        /** The first page of a query, 20 hits, no filter. */
        public static Query of(String text) {
            return new Query(text, null, null, null, null, null, 1, DEFAULT_SIZE);
        }

        public Query withYear(String y) {
            return new Query(text, from, to, y, page, section, number, size);
        }

        public Query withDates(LocalDate f, LocalDate t) {
            return new Query(text, f, t, year, page, section, number, size);
        }

        public Query withPage(String p) {
            return new Query(text, from, to, year, p, section, number, size);
        }

        public Query withSection(String s) {
            return new Query(text, from, to, year, page, s, number, size);
        }

        public Query withResults(int n, int sz) {
            return new Query(text, from, to, year, page, section, n, sz);
        }
    }

    /**
     * A counterpart sentence.
     *
     * @param highlighted the text HTML-escaped; for a query in both languages, with {@code <mark>} around the words of
     *                    the query it holds
     */
    public record Counterpart(String id, String text, String highlighted) {
    }

    /**
     * One hit: a sentence.
     *
     * @param article      the article's id
     * @param sentence     the sentence's id
     * @param lang         {@code zh} or {@code en}
     * @param date         publication date
     * @param page         page, empty when unknown
     * @param section      section, empty when none
     * @param column       column, empty when none
     * @param titleZh      Chinese title
     * @param titleEn      English title
     * @param text         the sentence as plain text
     * @param highlighted  the sentence HTML-escaped, with {@code <mark>} around what matched
     * @param counterparts its aligned counterparts in the other language
     * @param url          the reading view at this sentence, relative to the site's root; empty when none
     */
    public record Hit(String article, String sentence, String lang, String date, String page, String section,
                      String column, String titleZh, String titleEn, String text, String highlighted,
                      List<Counterpart> counterparts, String url) {
    }

    /** A facet value and how many hits have it. */
    public record Count(String value, long hits) {
    }

    /**
     * The results of a query.
     *
     * @param query  the query
     * @param total  how many sentences match
     * @param hits   this page's hits
     * @param facets per dimension (year, page, section), its values among the hits with their counts
     * @param notes  what the reader should know (a query searched as plain words …)
     */
    public record Results(Query query, long total, List<Hit> hits, Map<String, List<Count>> facets,
                          List<String> notes) {
        /** The number of result pages (within {@link #MAX_DEPTH}). */
        public int pages() {
            long reachable = Math.min(total, MAX_DEPTH);
            return (int) ((reachable + query.size() - 1) / query.size());
        }
    }

    /** The folder has no search index. */
    public static final class NoIndex extends IOException {
        public NoIndex(String message) {
            super(message);
        }
    }

    private final Directory dir;
    private final SearcherManager manager;
    private final Analyzer analyzer = Analyzers.perField();
    private volatile long lastRefresh = System.nanoTime();
    private volatile FacetState facetState;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private Searcher(Directory dir, SearcherManager manager) {
        this.dir = dir;
        this.manager = manager;
    }

    /**
     * Opens the index of an output folder.
     *
     * @throws NoIndex     when there is none (with what to run)
     * @throws IOException when it cannot be read
     */
    public static Searcher open(Path out) throws IOException {
        Path folder = SearchIndex.folderOf(out);
        if (!Files.isDirectory(folder)) {
            throw new NoIndex(noIndexMessage(out));
        }
        Directory dir = FSDirectory.open(folder);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                throw new NoIndex(noIndexMessage(out));
            }
            return new Searcher(dir, new SearcherManager(dir, null));
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    static String noIndexMessage(Path out) {
        return "no search index in " + out + " yet: build it with `bitext index " + out + "`";
    }

    /** Searches. */
    public Results search(Query q) throws IOException {
        List<String> notes = new ArrayList<>();
        if (System.nanoTime() - lastRefresh > 1_000_000_000L) {
            lastRefresh = System.nanoTime();
            manager.maybeRefresh();
        }
        IndexSearcher searcher = manager.acquire();
        try {
            boolean pairs = bothLanguages(q.text());
            org.apache.lucene.search.Query text = parse(q.text(), notes, pairs);
            if (q.text().isEmpty()) {
                return new Results(q, 0, List.of(), Map.of(), notes);
            }
            if (pairs) {
                notes.add("Words of both languages: the Chinese sentences holding the Chinese words whose English "
                        + "translation holds the English ones.");
            }
            if (notes.isEmpty() && text instanceof BooleanQuery bq && bq.clauses().isEmpty()) {
                notes.add("Only words too common to be indexed (the, of, and …): add a word, or quote a phrase.");
            }
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(text, BooleanClause.Occur.MUST);
            b.add(new TermQuery(new Term(SearchIndex.TYPE, SearchIndex.SENTENCE_TYPE)), BooleanClause.Occur.FILTER);
            if (pairs) {
                b.add(new TermQuery(new Term(SearchIndex.LANG, "zh")), BooleanClause.Occur.FILTER);
            }
            if (q.from() != null || q.to() != null) {
                int lo = q.from() == null ? Integer.MIN_VALUE : SearchIndex.day(q.from().toString());
                int hi = q.to() == null ? Integer.MAX_VALUE : SearchIndex.day(q.to().toString());
                b.add(IntPoint.newRangeQuery(SearchIndex.DAY, lo, hi), BooleanClause.Occur.FILTER);
            }
            DrillDownQuery drill = new DrillDownQuery(SearchIndex.FACETS, b.build());
            if (q.year() != null) {
                drill.add(SearchIndex.YEAR, q.year());
            }
            if (q.page() != null) {
                drill.add(SearchIndex.PAGE, q.page());
            }
            if (q.section() != null) {
                drill.add(SearchIndex.SECTION, q.section());
            }
            int n = q.number() * q.size();
            FacetsCollectorManager.FacetsResult r = FacetsCollectorManager.search(searcher, drill, n,
                    new FacetsCollectorManager());
            long total = 0;
            for (FacetsCollector.MatchingDocs m : r.facetsCollector().getMatchingDocs()) {
                total += m.totalHits;
            }
            Map<String, List<Count>> facets = facets(searcher.getIndexReader(), r.facetsCollector());
            ScoreDoc[] docs = r.topDocs().scoreDocs;
            int start = (q.number() - 1) * q.size();
            int end = Math.min(docs.length, start + q.size());
            List<Hit> hits = new ArrayList<>();
            if (start < end) {
                int[] ids = new int[end - start];
                for (int k = start; k < end; k++) {
                    ids[k - start] = docs[k].doc;
                }
                UnifiedHighlighter highlighter = marking(UnifiedHighlighter.builder(searcher, analyzer)).build();
                // the translation of a hit, for a query in both languages: its English words marked, each term (or
                // phrase) on its own, since the query as a whole (its Chinese words too) holds for the pair only
                UnifiedHighlighter translation = pairs
                        ? marking(UnifiedHighlighter.builderWithoutSearcher(analyzer)).withWeightMatches(false).build()
                        : null;
                Map<String, String[]> marked = highlighter.highlightFields(
                        new String[] {SearchIndex.ZH, SearchIndex.EN}, text, ids, new int[] {1, 1});
                StoredFields stored = searcher.storedFields();
                for (int k = 0; k < ids.length; k++) {
                    Document d = stored.document(ids[k]);
                    String field = d.get(SearchIndex.LANG).equals("zh") ? SearchIndex.ZH : SearchIndex.EN;
                    String plain = d.get(field);
                    String h = marked.get(field)[k];
                    String[] cpIds = d.getValues(SearchIndex.CP_ID);
                    String[] cpTexts = d.getValues(SearchIndex.CP_TEXT);
                    List<Counterpart> cps = new ArrayList<>();
                    for (int c = 0; c < cpIds.length; c++) {
                        String cpText = c < cpTexts.length ? cpTexts[c] : "";
                        // a query in both languages also marks its English words in the translation
                        Object cpMarked = pairs && field.equals(SearchIndex.ZH) && !cpText.isEmpty()
                                ? translation.highlightWithoutSearcher(SearchIndex.CP_EN, text, cpText, 1) : null;
                        cps.add(new Counterpart(cpIds[c], cpText, cpMarked instanceof String m ? m : escape(cpText)));
                    }
                    String href = d.get(SearchIndex.HREF);
                    String sid = d.get(SearchIndex.SID);
                    hits.add(new Hit(d.get(SearchIndex.ARTICLE), sid, d.get(SearchIndex.LANG),
                            d.get(SearchIndex.DATE), d.get(SearchIndex.PAGE), d.get(SearchIndex.SECTION),
                            d.get(SearchIndex.COLUMN), d.get(SearchIndex.TITLE_ZH), d.get(SearchIndex.TITLE_EN), plain,
                            h != null ? h : escape(plain), List.copyOf(cps),
                            href == null || href.isEmpty() ? "" : url(href, sid)));
                }
            }
            return new Results(q, total, List.copyOf(hits), facets, List.copyOf(notes));
        } finally {
            manager.release(searcher);
        }
    }

    /** How matches are marked: the whole sentence, HTML-escaped, {@code <mark>} around each match. */
    private static UnifiedHighlighter.Builder marking(UnifiedHighlighter.Builder b) {
        return b.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withBreakIterator(WholeBreakIterator::new).withMaxLength(100_000);
    }

    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");
    private static final java.util.regex.Pattern LATIN = java.util.regex.Pattern.compile("\\p{IsLatin}");
    private static final java.util.regex.Pattern SYNTAX = java.util.regex.Pattern.compile(
            "\\b(?:zh|en):|\\b(?:AND|OR|NOT)\\b");

    /**
     * Whether a query has words of both languages: Han characters, and Latin letters outside the operators and
     * field names ({@code 干部 cadres}, {@code 大跃进 "great leap"}, {@code zh:干部 AND en:cadre}).
     */
    static boolean bothLanguages(String text) {
        return HAN.matcher(text).find() && LATIN.matcher(SYNTAX.matcher(text).replaceAll(" ")).find();
    }

    /**
     * The parser: both fields, every word required, a word of CJK characters as the phrase of its bigrams. With
     * {@code pairs} (words of both languages), each word is looked for in the Chinese sentence and in its English
     * translation ({@code en:} too means the translation), so that the hits are the pairs that hold them all.
     */
    private org.apache.lucene.search.Query parse(String text, List<String> notes, boolean pairs) {
        if (text.isEmpty()) {
            return new MatchNoDocsQuery();
        }
        try {
            return parser(pairs).parse(text);
        } catch (ParseException | RuntimeException e) {
            notes.add("The query could not be read as query syntax, so it was searched as plain words.");
            try {
                // every word, quotes and operators taken literally
                return parser(pairs).parse(QueryParser.escape(text.replace("\"", " ")));
            } catch (ParseException | RuntimeException e2) {
                return new MatchNoDocsQuery();
            }
        }
    }

    private MultiFieldQueryParser parser(boolean pairs) {
        String english = pairs ? SearchIndex.CP_EN : SearchIndex.EN;
        MultiFieldQueryParser p = new MultiFieldQueryParser(new String[] {SearchIndex.ZH, english}, analyzer) {
            /** A field named in the query ({@code zh:}, {@code en:}) as searched; any other is refused. */
            private String searched(String field) throws ParseException {
                if (field == null || field.equals(SearchIndex.ZH) || field.equals(english)) {
                    return field;
                }
                if (field.equals(SearchIndex.EN)) {
                    return english;
                }
                throw new ParseException("no such field: " + field);
            }

            @Override
            protected org.apache.lucene.search.Query getRegexpQuery(String field, String termStr)
                    throws ParseException {
                throw new ParseException("regular expressions are not searched");
            }

            @Override
            protected org.apache.lucene.search.Query getFieldQuery(String field, String queryText, boolean quoted)
                    throws ParseException {
                return super.getFieldQuery(searched(field), queryText, quoted);
            }

            @Override
            protected org.apache.lucene.search.Query getFieldQuery(String field, String queryText, int slop)
                    throws ParseException {
                return super.getFieldQuery(searched(field), queryText, slop);
            }

            @Override
            protected org.apache.lucene.search.Query getPrefixQuery(String field, String termStr)
                    throws ParseException {
                return super.getPrefixQuery(searched(field), termStr);
            }

            @Override
            protected org.apache.lucene.search.Query getWildcardQuery(String field, String termStr)
                    throws ParseException {
                return super.getWildcardQuery(searched(field), termStr);
            }

            @Override
            protected org.apache.lucene.search.Query getFuzzyQuery(String field, String termStr, float similarity)
                    throws ParseException {
                return super.getFuzzyQuery(searched(field), termStr, similarity);
            }
        };
        p.setDefaultOperator(QueryParser.Operator.AND);
        p.setSplitOnWhitespace(true);
        p.setAutoGeneratePhraseQueries(true);
        p.setAllowLeadingWildcard(false);
        return p;
    }

    private Map<String, List<Count>> facets(IndexReader reader, FacetsCollector fc) throws IOException {
        FacetState fs = facetState;
        if (fs == null || fs.reader() != reader) {
            SortedSetDocValuesReaderState state;
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, SearchIndex.FACETS);
            } catch (IllegalArgumentException e) {
                state = null; // an index without any facet value (no sentence yet)
            }
            fs = new FacetState(reader, state);
            facetState = fs;
        }
        Map<String, List<Count>> out = new LinkedHashMap<>();
        if (fs.state() == null) {
            return out;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(fs.state(), fc);
        for (String dim : DIMENSIONS) {
            List<Count> values = new ArrayList<>();
            FacetResult r;
            try {
                r = counts.getAllChildren(dim);
            } catch (IllegalArgumentException e) {
                r = null; // no document has this dimension
            }
            if (r != null) {
                for (LabelAndValue lv : r.labelValues) {
                    values.add(new Count(lv.label, lv.value.longValue()));
                }
            }
            values.sort(dim.equals(SearchIndex.PAGE)
                    ? java.util.Comparator.comparing((Count c) -> c.value().length()).thenComparing(Count::value)
                    : java.util.Comparator.comparing(Count::value));
            out.put(dim, List.copyOf(values));
        }
        return out;
    }

    /** The reading view's URL at a sentence, relative to the site's root, percent-encoded. */
    static String url(String href, String sentence) {
        try {
            return new java.net.URI(null, null, href, sentence).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    /** {@code <}, {@code >}, {@code &}, {@code "} and {@code '} as character references. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A date bound as a reader types it: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; the first day of the
     * period when {@code start}, its last day otherwise.
     *
     * @throws IllegalArgumentException when it is none of these
     */
    public static LocalDate date(String s, boolean start) {
        s = s.strip();
        try {
            if (s.matches("\\d{4}")) {
                int y = Integer.parseInt(s);
                return start ? LocalDate.of(y, 1, 1) : LocalDate.of(y, 12, 31);
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(s);
                return start ? m.atDay(1) : m.atEndOfMonth();
            }
            return LocalDate.parse(s);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            dir.close();
        }
    }
}
