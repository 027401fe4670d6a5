package org.bitext.pipeline;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** Time per pipeline stage, summed over worker threads, for {@code --timings}. Thread-safe. */
public final class Timings {
    private final Map<String, LongAdder> nanos = new ConcurrentSkipListMap<>();
    private final Map<String, Long> order = new ConcurrentSkipListMap<>();

    /** Adds the time since {@code start} to the stage and returns now, the start of the next stage. */
    public long add(String stage, long start) {
        long now = System.nanoTime();
        nanos.computeIfAbsent(stage, k -> {
            order.putIfAbsent(k, (long) order.size());
            return new LongAdder();
        }).add(now - start);
        return now;
    }

    public void print(PrintWriter out, int articles) {
        out.println("time per stage (summed over workers):");
        order.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            double ms = nanos.get(e.getKey()).sum() / 1e6;
            out.printf("  %-34s %10.0f ms  %8.3f ms/article%n", e.getKey(), ms, articles == 0 ? 0 : ms / articles);
        });
        out.flush();
    }
}
