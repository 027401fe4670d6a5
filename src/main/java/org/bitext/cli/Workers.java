package org.bitext.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one task per input on a fixed pool of workers and returns the results in input order. */
final class Workers {
    private Workers() {
    }

    static <I, R> List<R> map(List<I> inputs, int jobs, Function<I, R> task) {
        if (jobs <= 1 || inputs.size() <= 1) {
            List<R> out = new ArrayList<>(inputs.size());
            inputs.forEach(i -> out.add(task.apply(i)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, inputs.size()), r -> {
            Thread t = new Thread(r, "bitext-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(inputs.size());
            for (I i : inputs) {
                futures.add(pool.submit(() -> task.apply(i)));
            }
            List<R> out = new ArrayList<>(inputs.size());
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
