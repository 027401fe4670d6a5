import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serve benchmark's client (bench/serve): latencies of GetRecord and of ListRecords pages at the start, middle and
 * end of a catalog of N synthetic records (bench/serve/synth.sql: ten per second of datestamp from 2026-01-01), a full
 * ListIdentifiers harvest, and 64 concurrent harvesters. Pages in the middle and at the end are asked with resumption
 * tokens made the way the server makes them (they are stateless: the datestamp and identifier of the last record
 * sent), so that no benchmark has to walk a million records to get there.
 * Usage: java Load.java BASE_URL N [SECONDS_OF_CONCURRENCY]
 */
public class Load {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8)).build();
    static final Pattern TOKEN = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    static final Pattern ERROR = Pattern.compile("<error code=\"([^\"]+)\"");
    static String base;
    static int n;

    public static void main(String[] args) throws Exception {
        base = args[0];
        n = Integer.parseInt(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;

        get("verb=Identify"); // warm up the connection
        for (int k = 0; k < 200; k++) {
            get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id(ThreadLocalRandom.current().nextInt(n)));
        }
        List<Double> getRecord = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            long t = System.nanoTime();
            expectOk(get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + id(ThreadLocalRandom.current().nextInt(n))));
            getRecord.add((System.nanoTime() - t) / 1e6);
        }
        print("GetRecord oai_dc (1,000 random records)", getRecord);

        for (String prefix : List.of("oai_dc", "tei")) {
            for (String where : List.of("first", "middle", "last")) {
                List<Double> ms = new ArrayList<>();
                for (int k = 0; k < 40; k++) {
                    String q = switch (where) {
                        case "first" -> "verb=ListRecords&metadataPrefix=" + prefix;
                        case "middle" -> "verb=ListRecords&resumptionToken=" + token("ListRecords", prefix, n / 2);
                        default -> "verb=ListRecords&resumptionToken=" + token("ListRecords", prefix, n - 60);
                    };
                    long t = System.nanoTime();
                    expectOk(get(q));
                    ms.add((System.nanoTime() - t) / 1e6);
                }
                print("ListRecords " + prefix + " page, " + where + " (40 requests)", ms);
            }
        }

        // a full ListIdentifiers harvest: every record exactly once
        long t0 = System.nanoTime();
        BitSet seen = new BitSet(n);
        int pages = 0;
        int dup = 0;
        String q = "verb=ListIdentifiers&metadataPrefix=oai_dc";
        Pattern ids = Pattern.compile("<identifier>oai:bitext:rmrb-synth-(\\d{7})</identifier>");
        while (true) {
            String body = get(q);
            expectOk(body);
            pages++;
            Matcher m = ids.matcher(body);
            while (m.find()) {
                int i = Integer.parseInt(m.group(1));
                if (seen.get(i)) {
                    dup++;
                }
                seen.set(i);
            }
            Matcher tk = TOKEN.matcher(body);
            if (!tk.find()) {
                break;
            }
            q = "verb=ListIdentifiers&resumptionToken=" + tk.group(1);
        }
        double harvest = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "full ListIdentifiers harvest: %d records (%d distinct, %d repeated) in %d "
                + "pages, %.1f s (%.0f records/s)%n", seen.cardinality() + dup, seen.cardinality(), dup, pages, harvest,
                seen.cardinality() / harvest);

        // 64 concurrent harvesters: each walks ListRecords pages from a random place, for the given seconds
        int harvesters = 64;
        ExecutorService pool = Executors.newFixedThreadPool(harvesters);
        List<Double> all = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int h = 0; h < harvesters; h++) {
            pool.submit(() -> {
                String next = "verb=ListRecords&resumptionToken="
                        + token("ListRecords", "oai_dc", ThreadLocalRandom.current().nextInt(n - 1000));
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try {
                        String body = get(next);
                        all.add((System.nanoTime() - t) / 1e6);
                        Matcher e = ERROR.matcher(body);
                        Matcher tk = TOKEN.matcher(body);
                        if (e.find()) {
                            errors.incrementAndGet();
                        }
                        if (e.find(0) || !tk.find()) { // an error, or the end of the list: start elsewhere
                            next = "verb=ListRecords&resumptionToken="
                                    + token("ListRecords", "oai_dc", ThreadLocalRandom.current().nextInt(n - 1000));
                        } else {
                            next = "verb=ListRecords&resumptionToken=" + tk.group(1);
                        }
                    } catch (Exception ex) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "%d concurrent harvesters (ListRecords oai_dc pages) for %d s: %d requests, "
                + "%.1f requests/s, %d errors%n", harvesters, seconds, all.size(), all.size() / (double) seconds,
                errors.get());
        print("  their latency", new ArrayList<>(all));
        System.exit(0);
    }

    static String id(int i) {
        return "oai:bitext:rmrb-synth-" + String.format("%07d", i);
    }

    /** A token as the server makes it, continuing after record i (bench/serve/synth.sql's datestamps and ids). */
    static String token(String verb, String prefix, int i) {
        String stamp = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i / 10).toString();
        String plain = String.join("\n", "2", verb, prefix, "", "", "", stamp, id(i), Integer.toString(i + 1),
                Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static String get(String query) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "?" + query))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + query);
        }
        return r.body();
    }

    static void expectOk(String body) {
        Matcher e = ERROR.matcher(body);
        if (e.find()) {
            throw new IllegalStateException("OAI error " + e.group(1) + ": " + body.substring(0, Math.min(600, body.length())));
        }
    }

    static void print(String label, List<Double> ms) {
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-48s p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms%n", label + ":",
                pct(ms, 50), pct(ms, 95), pct(ms, 99));
    }

    static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, k)));
    }
}
