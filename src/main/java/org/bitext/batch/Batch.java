package org.bitext.batch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
     * Runs every input of an iterator and hands each result to {@code sink} in input order, as soon as it and those
     * before it are done. At most a few inputs per worker are under way or waiting to be handed on, so memory does
     * not grow with the number of inputs. The iterator and the sink are only used from the calling thread.
     *
     * @param total  the number of inputs (for the progress bar)
     * @param task   what to do with one input
     * @param notRun the result of an input left out by fail-fast or {@link #stop}
     * @param sink   what to do with each result
     */
    public void run(Iterator<I> inputs, long total, Function<I, Result> task, Function<I, Result> notRun,
                    Consumer<Result> sink) {
        AtomicBoolean stop = this.stop;
        try (ProgressBar bar = progressLabel == null || total < 2 ? null
                : new ProgressBarBuilder().setTaskName(progressLabel).setInitialMax(total)
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
            if (jobs == 1 || total <= 1) {
                while (inputs.hasNext()) {
                    sink.accept(step.apply(inputs.next()));
                }
                return;
            }
            parallel(inputs, total, step, sink);
        }
    }

    /** Inputs under way or done but not yet handed on, per worker. */
    private static final int WINDOW_PER_WORKER = 8;

    private void parallel(Iterator<I> inputs, long total, Function<I, Result> step, Consumer<Result> sink) {
        int workers = (int) Math.min(jobs, total);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bitext-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Result>> window = new ArrayDeque<>();
            int max = workers * WINDOW_PER_WORKER;
            while (inputs.hasNext() || !window.isEmpty()) {
                while (inputs.hasNext() && window.size() < max) {
                    I i = inputs.next();
                    window.add(pool.submit(() -> step.apply(i)));
                }
                sink.accept(window.poll().get());
            }
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
