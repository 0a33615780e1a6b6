package io.salespulse.ingest.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private GroupCommit<String, String> commit;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (commit != null) {
            commit.close();
        }
    }

    @Test
    void aLoneCallerGetsItsOwnResultInABatchOfOne() {
        commit = new GroupCommit<>("test", 10, 100, recording(items -> items.stream().map(String::toUpperCase).toList()),
                failure -> true);

        assertThat(commit.submit("a")).isEqualTo("A");
        assertThat(batches).containsExactly(List.of("a"));
    }

    @Test
    void callersArrivingWhileABatchRunsShareTheNextOneAndEachGetsItsOwnResult() throws Exception {
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 100, 100, recording(items -> {
            if (items.contains("first")) {
                firstBatchRunning.countDown();
                await(releaseFirstBatch);
            }
            return items.stream().map(item -> item + "!").toList();
        }), failure -> true);

        Future<String> first = callers.submit(() -> commit.submit("first"));
        assertThat(firstBatchRunning.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> waiting = submitQueued(items(10));
        assertThat(waiting).noneMatch(Future::isDone);
        releaseFirstBatch.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first!");
        for (int i = 0; i < 10; i++) {
            assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("item-" + i + "!");
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).hasSize(10);
    }

    @Test
    void anAsyncCallerWaitsWithoutAThreadAndItsResultCompletesOnTheWriter() throws Exception {
        CountDownLatch chained = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 10, 100, recording(items -> {
            await(chained); // the batch ends only after the caller chained its step, so the writer runs that step
            return items.stream().map(String::toUpperCase).toList();
        }), failure -> true);

        CompletableFuture<String> completedOn = commit.submitAsync("a")
                .thenApply(result -> result + " on " + Thread.currentThread().getName());
        chained.countDown();

        assertThat(completedOn.get(5, TimeUnit.SECONDS)).isEqualTo("A on test");
    }

    @Test
    void anAsyncCallerIsRefusedWithTheSameFailuresAsABlockingOne() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 100, 1, recording(items -> {
            await(releaseFirstBatch);
            return items;
        }), failure -> true);
        Future<String> first = submitFirstBatch();
        submitQueued("second");

        CompletableFuture<String> refused = commit.submitAsync("third");

        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(RejectedExecutionException.class);
        releaseFirstBatch.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    }

    @Test
    void aBatchNeverExceedsItsMaximum() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 3, 100, recording(items -> {
            if (items.contains("first")) {
                await(releaseFirstBatch);
            }
            return items;
        }), failure -> true);
        Future<String> first = submitFirstBatch();
        List<Future<String>> waiting = submitQueued(items(7));
        releaseFirstBatch.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<String> f : waiting) {
            f.get(5, TimeUnit.SECONDS);
        }

        assertThat(batches.subList(1, batches.size())).extracting(List::size).containsExactly(3, 3, 1);
    }

    @Test
    void oneItemsBadDataFailsOnlyItsOwnCaller() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 100, 100, recording(items -> {
            if (items.contains("first")) {
                await(releaseFirstBatch);
            }
            if (items.contains("bad")) {
                throw new IllegalArgumentException("bad row");
            }
            return items;
        }), failure -> failure instanceof IllegalArgumentException);
        Future<String> first = submitFirstBatch();
        List<Future<String>> goodThenBad = submitQueued("good", "bad");
        Future<String> good = goodThenBad.get(0);
        Future<String> bad = goodThenBad.get(1);
        releaseFirstBatch.countDown();

        first.get(5, TimeUnit.SECONDS);
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("good");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("bad row");
        // the shared batch, then each item on its own
        assertThat(batches.subList(1, batches.size())).containsExactly(List.of("good", "bad"), List.of("good"),
                List.of("bad"));
    }

    @Test
    void aFailureOfTheDatabaseFailsTheWholeBatchWithoutRetries() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        commit = new GroupCommit<>("test", 100, 100, recording(items -> {
            calls.incrementAndGet();
            if (items.contains("first")) {
                await(releaseFirstBatch);
                return items;
            }
            throw new IllegalStateException("database away");
        }), failure -> false);
        Future<String> first = submitFirstBatch();
        List<Future<String>> waiting = submitQueued(items(3));
        releaseFirstBatch.countDown();

        first.get(5, TimeUnit.SECONDS);
        for (Future<String> f : waiting) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("database away");
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfQueueingWithoutBound() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 100, 2, recording(items -> {
            await(releaseFirstBatch);
            return items;
        }), failure -> true);
        Future<String> first = submitFirstBatch();
        List<Future<String>> secondAndThird = submitQueued("second", "third");
        Future<String> second = secondAndThird.get(0);
        Future<String> third = secondAndThird.get(1);

        assertThatThrownBy(() -> commit.submit("fourth")).isInstanceOf(RejectedExecutionException.class);
        releaseFirstBatch.countDown();
        assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS),
                third.get(5, TimeUnit.SECONDS))).containsExactly("first", "second", "third");
    }

    @Test
    void closingFinishesWhatIsQueuedAndRefusesNewWrites() throws Exception {
        CountDownLatch releaseFirstBatch = new CountDownLatch(1);
        commit = new GroupCommit<>("test", 10, 100, recording(items -> {
            await(releaseFirstBatch);
            return items;
        }), failure -> true);
        Future<String> first = submitFirstBatch();
        Future<String> queued = submitQueued("queued").get(0);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(commit::close, callers);
        waitUntil(commit::isClosed);
        assertThatThrownBy(() -> commit.submit("late")).isInstanceOf(RejectedExecutionException.class);
        releaseFirstBatch.countDown();

        closing.get(5, TimeUnit.SECONDS);
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
    }

    /** Submits "first" and returns once its batch runs (tests hold it there to let others queue up). */
    private Future<String> submitFirstBatch() throws InterruptedException {
        Future<String> first = callers.submit(() -> commit.submit("first"));
        waitUntil(() -> batches.size() == 1);
        return first;
    }

    /** Submits the items one after the other, each once the previous one is queued, so they queue in this order. */
    private List<Future<String>> submitQueued(String... items) throws InterruptedException {
        List<Future<String>> futures = new ArrayList<>();
        int before = queued();
        for (String item : items) {
            futures.add(callers.submit(() -> commit.submit(item)));
            int expected = before + futures.size();
            waitUntil(() -> queued() == expected);
        }
        return futures;
    }

    private static String[] items(int count) {
        return IntStream.range(0, count).mapToObj(i -> "item-" + i).toArray(String[]::new);
    }

    private Function<List<String>, List<String>> recording(Function<List<String>, List<String>> call) {
        return items -> {
            batches.add(List.copyOf(items));
            return call.apply(items);
        };
    }

    private int queued() {
        return commit.queued();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
