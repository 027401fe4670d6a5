import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bitext.search.Searcher;

/**
 * Query latency of org.bitext.search.Searcher on an index (bench/search/run): single words, quoted phrases, and words
 * with a facet filter or a date range, in both languages; each query run ROUNDS times after a warm-up; prints p50, p95
 * and the largest latency per kind. Usage: java -cp bitext.jar Latency.java OUT [ROUNDS]
 */
public class Latency {
    static final List<String> WORDS = List.of("人民", "干部", "生产", "工人", "革命", "农业", "合作社", "毛主席",
            "people", "production", "workers", "commune", "revolution", "agriculture", "cooperative", "peasants");
    static final List<String> PHRASES = List.of("\"人民公社\"", "\"中国共产党\"", "\"社会主义建设\"", "\"帝国主义\"",
            "\"people's commune\"", "\"Communist Party\"", "\"Chairman Mao\"", "\"socialist construction\"");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (Searcher s = Searcher.open(Path.of(args[0]))) {
            List<Searcher.Query> words = new ArrayList<>();
            List<Searcher.Query> phrases = new ArrayList<>();
            List<Searcher.Query> filtered = new ArrayList<>();
            for (String w : WORDS) {
                words.add(Searcher.Query.of(w));
                filtered.add(Searcher.Query.of(w).withYear("1958"));
                filtered.add(Searcher.Query.of(w).withDates(LocalDate.of(1950, 1, 1), LocalDate.of(1955, 12, 31))
                        .withPage("1"));
            }
            for (String p : PHRASES) {
                phrases.add(Searcher.Query.of(p));
            }
            List<Searcher.Query> second = new ArrayList<>();
            for (String w : WORDS) {
                second.add(Searcher.Query.of(w).withResults(5, 20));
            }
            for (List<Searcher.Query> kind : List.of(words, phrases, filtered, second)) {
                for (Searcher.Query q : kind) {
                    s.search(q); // warm-up
                }
            }
            report("single words", s, words, rounds);
            report("phrases", s, phrases, rounds);
            report("words + facet filter or date range", s, filtered, rounds);
            report("single words, 5th page of results", s, second, rounds);
            Searcher.Results r = s.search(Searcher.Query.of("人民"));
            System.out.printf(Locale.ROOT, "e.g. 人民: %,d sentences, years %d%n", r.total(), r.facets().get("year").size());
        }
    }

    static void report(String label, Searcher s, List<Searcher.Query> queries, int rounds) throws Exception {
        long[] ns = new long[queries.size() * rounds];
        int k = 0;
        long hits = 0;
        for (int r = 0; r < rounds; r++) {
            for (Searcher.Query q : queries) {
                long t = System.nanoTime();
                hits += s.search(q).total();
                ns[k++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%-36s %4d queries: p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms (mean %,d hits)%n",
                label, ns.length, ns[ns.length / 2] / 1e6, ns[(int) (ns.length * 0.95)] / 1e6, ns[ns.length - 1] / 1e6,
                hits / ns.length);
    }
}
