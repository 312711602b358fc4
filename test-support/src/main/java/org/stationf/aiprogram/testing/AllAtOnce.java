package org.stationf.aiprogram.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Races: each call on its own thread, all released at the same instant, as concurrent clients (or instances) would
 * reach the service.
 */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    /** One call made twice at the same instant, as a double click or a client's early retry makes it; both results. */
    public static <T> List<T> twice(Callable<T> call) throws Exception {
        return run(List.of(call, call));
    }

    /** The calls' results, in the calls' order; a call that threw rethrows here (as the cause of the exception). */
    public static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (Callable<T> call : calls) {
                pending.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : pending) {
                results.add(result.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
