package org.bitext.pipeline;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time per pipeline stage, summed over worker threads, for {@code --timings}: the wall time each stage took in the
 * thread that ran it, and that thread's CPU time in it. The two differ when the threads wait for a core (the other
 * workers, the JIT compiler and the collector share the machine's), so comparing them shows how much a stage's
 * time is its own work. Thread-safe.
 */
public final class Timings {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();
    /** The thread's CPU time when its current stage started. */
    private static final ThreadLocal<long[]> MARK = ThreadLocal.withInitial(() -> new long[1]);

    private final Map<String, LongAdder> nanos = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> cpu = new ConcurrentSkipListMap<>();
    private final Map<String, Long> order = new ConcurrentSkipListMap<>();

    private static long cpuNow() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Starts timing a stage in this thread; returns now, to give to {@link #add}. */
    public long start() {
        MARK.get()[0] = cpuNow();
        return System.nanoTime();
    }

    /**
     * Adds the time since {@code start} (from {@link #start} or the previous {@code add} in this thread) to the stage,
     * wall and CPU, and returns now, the start of the next stage.
     */
    public long add(String stage, long start) {
        long now = System.nanoTime();
        long c = cpuNow();
        long[] mark = MARK.get();
        stage(stage, nanos).add(now - start);
        if (CPU) {
            stage(stage, cpu).add(c - mark[0]);
        }
        mark[0] = c;
        return now;
    }

    /** Adds wall time only: a stage that the calling thread hands to others (the search index's own threads). */
    public long addWall(String stage, long start) {
        long now = System.nanoTime();
        stage(stage, nanos).add(now - start);
        return now;
    }

    private LongAdder stage(String name, Map<String, LongAdder> to) {
        return to.computeIfAbsent(name, k -> {
            synchronized (order) {
                order.putIfAbsent(k, (long) order.size());
            }
            return new LongAdder();
        });
    }

    public void print(PrintWriter out, int articles) {
        out.println("time per stage (summed over workers; wall time, then CPU time of the thread that ran it):");
        order.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            double ms = nanos.get(e.getKey()).sum() / 1e6;
            LongAdder c = cpu.get(e.getKey());
            String cpuMs = c == null ? "-" : String.format("%.3f", articles == 0 ? 0 : c.sum() / 1e6 / articles);
            out.printf("  %-34s %10.0f ms  %8.3f ms/article  cpu %s ms/article%n", e.getKey(), ms,
                    articles == 0 ? 0 : ms / articles, cpuMs);
        });
        out.flush();
    }
}
