package org.bitext.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs one task per input on a fixed pool of workers, with a progress bar on a terminal, and returns the results in
 * input order. A failed input never stops the others unless fail-fast is asked for; then the inputs not yet started
 * are reported as {@link Status#NOT_RUN}.
 *
 * @param <I> the input type
 */
public final class Batch<I> {
    private final int jobs;
    private final boolean failFast;
    private final String progressLabel; // null: no progress bar

    /**
     * @param jobs          worker threads
     * @param failFast      stop starting new inputs after the first failure
     * @param progressLabel the progress bar's label, or {@code null} for none
     */
    public Batch(int jobs, boolean failFast, String progressLabel) {
        this.jobs = Math.max(1, jobs);
        this.failFast = failFast;
        this.progressLabel = progressLabel;
    }

    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * Starts no further input (from any thread, e.g. a shutdown hook on Ctrl-C): the inputs under way finish, the
     * others are reported as {@link Status#NOT_RUN}.
     */
    public void stop() {
        stop.set(true);
    }

    /** Whether a progress bar makes sense: standard error is a terminal. */
    public static boolean interactive() {
        return System.console() != null;
    }

    /**
     * @param task   what to do with one input
     * @param notRun the result of an input left out by fail-fast
     */
    public List<Result> run(List<I> inputs, Function<I, Result> task, Function<I, Result> notRun) {
        AtomicBoolean stop = this.stop;
        try (ProgressBar bar = progressLabel == null || inputs.size() < 2 ? null
                : new ProgressBarBuilder().setTaskName(progressLabel).setInitialMax(inputs.size())
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                        .setUnit(" articles", 1).showSpeed(new java.text.DecimalFormat("#")).build()) {
            Function<I, Result> step = i -> {
                if (stop.get()) {
                    return notRun.apply(i);
                }
                Result r = task.apply(i);
                if (failFast && !r.ok()) {
                    stop.set(true);
                }
                if (bar != null) {
                    bar.step();
                }
                return r;
            };
            if (jobs == 1 || inputs.size() <= 1) {
                List<Result> out = new ArrayList<>(inputs.size());
                inputs.forEach(i -> out.add(step.apply(i)));
                return out;
            }
            return parallel(inputs, step);
        }
    }

    private List<Result> parallel(List<I> inputs, Function<I, Result> step) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, inputs.size()), r -> {
            Thread t = new Thread(r, "bitext-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>(inputs.size());
            for (I i : inputs) {
                futures.add(pool.submit(() -> step.apply(i)));
            }
            List<Result> out = new ArrayList<>(inputs.size());
            for (Future<Result> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
