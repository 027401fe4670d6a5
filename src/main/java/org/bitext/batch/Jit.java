package org.bitext.batch;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * Chooses the JIT compiler for a batch, in a process that bitext's command line owns.
 *
 * <p>HotSpot compiles hot code twice: quickly (C1), then again with its optimizing compiler (C2). C2's code is faster,
 * but compiling it takes a core for many seconds: tens of seconds of compiler time for {@code run}. When every core
 * has a worker, that time is taken from the workers, and a batch that is too short to win it back is slower than with
 * C1 alone (figures with {@link Work}). With fewer workers than cores, C2 has a core of its own. The JVM's options
 * cannot say this from inside a jar ({@code java -jar} takes none from the manifest), so the command asks for it
 * first thing, once it has counted its inputs (no further than the size that decides): a HotSpot compiler directive
 * (the one {@code jcmd PID Compiler.directives_add} adds, here through the JVM's diagnostic-command bean) that
 * excludes every method from C2; HotSpot then compiles each hot method with C1 alone. A directive cannot be taken
 * back for methods it has touched, so the choice is made once per process.
 *
 * <p>Only {@link #allow() allowed} by {@code bitext}'s {@code main}: a program that calls bitext's Java API, or a
 * test, keeps its JVM as it is. The system property {@code bitext.jit} ({@code auto}, the default; {@code c1}: always
 * C1 alone; {@code c2}: never change the JVM) overrides the choice.
 */
public final class Jit {
    /**
     * The kinds of batch, each with the size from which C2's faster code pays for its compiling: where the two
     * measured sizes on each side of it met (2 cores, two workers, {@code bench/REPORT.md}, 2026-12-02).
     */
    public enum Work {
        /**
         * {@code validate}: 20,000 files 6.2–6.6 s with C1 alone, 7.3–8.8 s with C2; 100,000 files 26.9 and 19.0 s.
         */
        VALIDATE(30_000),
        /** {@code render}, one format: html of 2,000 files 6.0 s with C1 alone, 7.2 s with C2; 20,000, 37.9, 29.6 s. */
        RENDER(4_000),
        /** {@code run}: 5,000 articles 32.7 s with C1 alone, 38.4 s with C2; 10,000 articles 64.8 and 58.1 s. */
        RUN(7_000),
        /** {@code convert}: 2,000 articles 5.5 s with C1 alone, 6.3 s with C2; 20,000, 31.1 and 27.6 s. */
        CONVERT(5_000),
        /** {@code index}: 2,000 articles 3.8 s with C1 alone, 5.3 s with C2; 20,000, 18.4, 21.3 s (none above). */
        INDEX(30_000);

        private final long c2From;

        Work(long c2From) {
            this.c2From = c2From;
        }

        /** The number of inputs from which this kind of batch keeps C2. */
        public long c2From() {
            return c2From;
        }
    }

    /** What was chosen for this process, or {@code null} while nothing has been. */
    private static volatile String chosen;
    private static volatile boolean allowed;
    private static Thread asking; // adds the directive

    private Jit() {
    }

    /** Lets batches of this process choose the JIT: for {@code bitext}'s {@code main} only. */
    public static void allow() {
        allowed = true;
    }

    /**
     * Whether a batch of {@code items} inputs of this kind on {@code jobs} workers should run on C1 alone: every core
     * has a worker and the batch is shorter than the size from which C2 pays.
     */
    public static boolean c1Only(Work work, long items, int jobs, int cores) {
        return jobs >= cores && items < work.c2From();
    }

    /**
     * Chooses the JIT for a batch about to start (as early as can be: the code it runs is compiled from its first
     * moments), when this process allows it and nothing was chosen yet; returns what this process runs with
     * ({@code "C1 alone"} or {@code "C1 and C2"}, and why), or {@code null} when it was not bitext's to choose.
     *
     * @param items the batch's number of inputs, or any number from {@link Work#c2From()} up when it has more
     */
    public static synchronized String forBatch(Work work, long items, int jobs) {
        if (!allowed) {
            return null;
        }
        if (chosen == null) {
            String mode = System.getProperty("bitext.jit", "auto").toLowerCase(Locale.ROOT);
            int cores = Runtime.getRuntime().availableProcessors();
            boolean c1 = switch (mode) {
                case "c1" -> true;
                case "c2" -> false;
                default -> c1Only(work, items, jobs, cores);
            };
            String why = switch (mode) {
                case "c1", "c2" -> "-Dbitext.jit=" + mode;
                default -> String.format(Locale.ROOT, "%s%,d input%s, %d worker%s on %d core%s",
                        items >= work.c2From() ? "at least " : "", items, items == 1 ? "" : "s", jobs,
                        jobs == 1 ? "" : "s", cores, cores == 1 ? "" : "s");
            };
            chosen = (c1 ? "C1 alone" : "C1 and C2") + " (" + why + ")";
            if (c1) {
                // the platform's bean server takes about 0.1 s to start: on a thread of its own, beside the batch
                asking = new Thread(() -> {
                    if (!excludeC2()) {
                        chosen = "C1 and C2 (this JVM has no compiler directives)";
                    }
                }, "bitext-jit");
                asking.setDaemon(true);
                asking.start();
            }
        }
        return chosen;
    }

    /**
     * What this process's batches run with, e.g. {@code C1 alone (2,000 inputs, 2 workers on 2 cores)}, or
     * {@code null} when bitext did not choose.
     */
    public static String chosen() {
        Thread t;
        synchronized (Jit.class) {
            t = asking;
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return chosen;
    }

    /** Adds the directive that keeps every method from C2; false when this JVM has no such command. */
    private static boolean excludeC2() {
        Path directive = null;
        try {
            directive = Files.createTempFile("bitext-jit", ".json");
            Files.writeString(directive, "[{ match: \"*.*\", c2: { Exclude: true } }]");
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directive.toString()}}, new String[] {String[].class.getName()});
            if (String.valueOf(answer).contains("1 compiler directives added")) {
                return true;
            }
        } catch (Exception | LinkageError e) {
            // not HotSpot, or no management: the JVM keeps its own choice
        } finally {
            if (directive != null) {
                try {
                    Files.deleteIfExists(directive);
                } catch (java.io.IOException ignored) {
                    // a temporary file of a few bytes
                }
            }
        }
        return false;
    }
}
