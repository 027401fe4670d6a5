package org.bitext.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints JMH's JSON results ({@code -rf json}) as a compact table: benchmark, parameter, time per operation (one
 * article or document) with its 99.9 % error, and the operations per second of one thread that this makes.
 * Usage: {@code java -cp benchmarks.jar org.bitext.jmh.Table RESULTS.json}.
 */
public final class Table {
    private Table() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Table RESULTS.json");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        String row = "%-28s %-10s %12s %10s %9s%n";
        System.out.printf(Locale.ROOT, row, "benchmark", "article", "time/op", "± 99.9%", "ops/s");
        // a parameter other than the article (the aligner's number of copies) is shown in the article column
        for (JsonNode r : results) {
            String name = r.path("benchmark").asText().replaceFirst("^org\\.bitext\\.jmh\\.", "");
            JsonNode metric = r.path("primaryMetric");
            double score = metric.path("score").asDouble();
            double error = metric.path("scoreError").asDouble();
            String unit = metric.path("scoreUnit").asText();
            double perOp = perSecond(unit);
            System.out.printf(Locale.ROOT, row, name, r.path("params").has("copies")
                            ? r.path("params").path("copies").asText() + " copies" : r.path("params").path("article").asText("-"),
                    String.format(Locale.ROOT, "%.1f %s", score, unit.replace("us/op", "µs/op")),
                    Double.isNaN(error) ? "" : String.format(Locale.ROOT, "%.1f", error),
                    perOp > 0 ? String.format(Locale.ROOT, "%.0f", perOp / score) : "");
        }
    }

    /** How many of the unit's time go in a second, for a time-per-operation unit; 0 for another unit. */
    private static double perSecond(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e9;
            case "us/op" -> 1e6;
            case "ms/op" -> 1e3;
            case "s/op" -> 1;
            default -> 0;
        };
    }
}
