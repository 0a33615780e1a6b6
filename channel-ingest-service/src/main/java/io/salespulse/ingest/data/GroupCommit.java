package io.salespulse.ingest.data;

import io.quarkus.logging.Log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Group commit: the single writes of concurrent callers run together as one batch call (one JDBC batch, one
 * PostgreSQL transaction) on a writer thread of its own. The writer takes whatever queued up while the previous batch
 * ran, so a lone caller waits for nothing extra, and under load one commit serves many requests instead of one each.
 * <p>
 * When a batch of several fails because of one item's data ({@code itemFault}), each item is retried on its own, so
 * the bad item fails only its caller; any other failure (the database is away) fails the whole batch at once.
 *
 * @param <T> one caller's write
 * @param <R> its result; the batch call answers one per item, in order
 */
public final class GroupCommit<T, R> implements AutoCloseable {
    // A caller never waits forever: not for a hung database, nor for a write queued just as the writer stopped.
    private static final long MAX_WAIT_SECONDS = 30;

    private final String name;
    private final int maxBatch;
    private final Function<List<T>, List<R>> batchCall;
    private final Predicate<RuntimeException> itemFault;
    private final BlockingQueue<Pending<T, R>> queue;
    private final Thread writer;
    private volatile boolean closed;

    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    /**
     * @param maxBatch  most items per batch call
     * @param capacity  most items waiting; beyond it {@link #submit} is refused at once instead of queueing
     * @param batchCall runs the items' writes together; throws a RuntimeException when they did not happen
     * @param itemFault whether a failure of the batch call may be caused by one item's data
     */
    public GroupCommit(String name, int maxBatch, int capacity, Function<List<T>, List<R>> batchCall,
                       Predicate<RuntimeException> itemFault) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.batchCall = batchCall;
        this.itemFault = itemFault;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Runs {@code item} in the next batch and returns its result.
     *
     * @throws RuntimeException           what the batch call threw for this item
     * @throws RejectedExecutionException the queue is full or closed, or no result within 30 s (the write may still
     *                                    happen: callers treat it like a crash in between)
     */
    public R submit(T item) {
        try {
            return submitAsync(item).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while waiting for the batch", e);
        }
    }

    /**
     * {@link #submit} without a waiting thread: the result completes on the writer thread, so what callers chain to
     * it must not block. Fails with what {@link #submit} throws.
     */
    public CompletableFuture<R> submitAsync(T item) {
        Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
        if (closed || !queue.offer(pending)) {
            return CompletableFuture.failedFuture(
                    new RejectedExecutionException(name + " is " + (closed ? "closed" : "full")));
        }
        CompletableFuture<R> answer = new CompletableFuture<>();
        pending.result().orTimeout(MAX_WAIT_SECONDS, TimeUnit.SECONDS).whenComplete((result, failure) -> {
            if (failure == null) {
                answer.complete(result);
            } else if (failure instanceof TimeoutException) {
                answer.completeExceptionally(new RejectedExecutionException(
                        name + ": no result within " + MAX_WAIT_SECONDS + " s", failure));
            } else {
                answer.completeExceptionally(failure);
            }
        });
        return answer;
    }

    /** Writes waiting for the next batch. */
    int queued() {
        return queue.size();
    }

    boolean isClosed() {
        return closed;
    }

    /** Lets the writer finish what is queued, then stops it. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                execute(batch);
            } catch (InterruptedException e) {
                closed = true;
            } catch (Throwable unexpected) {
                Log.errorf(unexpected, "%s: batch failed unexpectedly", name);
                batch.forEach(pending -> pending.result().completeExceptionally(unexpected));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(pending -> pending.result().completeExceptionally(
                new RejectedExecutionException(name + " is closed")));
    }

    private void execute(List<Pending<T, R>> batch) {
        try {
            List<R> results = batchCall.apply(batch.stream().map(Pending::item).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException(name + ": " + results.size() + " results for " + batch.size());
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(results.get(i));
            }
        } catch (RuntimeException failure) {
            if (batch.size() == 1 || !itemFault.test(failure)) {
                batch.forEach(pending -> pending.result().completeExceptionally(failure));
                return;
            }
            for (Pending<T, R> pending : batch) {
                execute(List.of(pending));
            }
        }
    }
}
