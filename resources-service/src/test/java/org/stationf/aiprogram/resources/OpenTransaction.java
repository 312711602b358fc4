package org.stationf.aiprogram.resources;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A transaction of another instance of the service, caught in the middle: what it did is not committed yet and the
 * locks it took are held, until {@link #close()} commits it.
 */
final class OpenTransaction implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;

    private OpenTransaction(Runnable work) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        thread = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            work.run();
            started.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        thread.start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("The other transaction did not get through its work in 10 s");
        }
    }

    /** Runs the work in a new transaction on another thread, and returns once it has, the transaction still open. */
    static OpenTransaction after(Runnable work) throws InterruptedException {
        return new OpenTransaction(work);
    }

    /** Commits the transaction and waits for its thread to end. */
    @Override
    public void close() throws InterruptedException {
        done.countDown();
        thread.join();
    }
}
