package io.salespulse.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts orders through the gateway at a target rate for a duration and, subscribed to /ws/live, measures how long
 * each accepted order takes to appear on the WebSocket. Open-loop pacing: requests are started on schedule, not
 * when the previous one finished, so a slow platform shows up as latency, not as a lower offered rate.
 */
final class LoadTest {
    private static final String PREFIX = "load-";

    private final Gateway gateway;
    private final OrderPoster poster;
    private final OrderFactory orders;
    private final double rate;
    private final int durationSeconds;
    private final int warmupSeconds;
    private final int maxInFlight;

    private final Recorder postLatency = new Recorder(3);
    private final Recorder liveLatency = new Recorder(3);
    private final Map<String, Long> startedByExternalId = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** Rejections by status, with the first body of each, so a run says why it was refused. */
    private final Map<Integer, AtomicLong> rejectedByStatus = new ConcurrentHashMap<>();
    private final Map<Integer, String> firstRejection = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong seenLive = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong warmupAccepted = new AtomicLong();

    /**
     * @param warmupSeconds sent first at the same rate and not counted: on two cores the first seconds measure the
     *                      JIT compilers (the tool's own included), not the platform
     */
    LoadTest(Gateway gateway, OrderPoster poster, DemoCatalog catalog, double rate, int durationSeconds,
             int warmupSeconds, int maxInFlight) {
        this.gateway = gateway;
        this.poster = poster;
        this.orders = new OrderFactory(catalog, new SplittableRandom(42));
        this.rate = rate;
        this.durationSeconds = durationSeconds;
        this.warmupSeconds = warmupSeconds;
        this.maxInFlight = maxInFlight;
    }

    void run() throws Exception {
        LiveListener listener = new LiveListener();
        WebSocket live = gateway.openLive(listener);
        // The gateway completes the handshake before analytics has registered the client; an order pushed in between
        // would never be seen. Analytics greets every client with a snapshot, so its first message means "subscribed".
        if (!listener.subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No message on /ws/live within 10 s of connecting");
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        long intervalNanos = (long) (1_000_000_000L / rate);
        long warmupEnd = (long) (rate * warmupSeconds);
        long total = warmupEnd + (long) (rate * durationSeconds);
        long warmupStart = System.nanoTime();
        long start = warmupStart + warmupEnd * intervalNanos;
        for (long i = 0; i < total; i++) {
            long due = warmupStart + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            boolean warmup = i < warmupEnd;
            if (!inFlight.tryAcquire()) {
                if (!warmup) {
                    skipped.incrementAndGet();
                }
                continue;
            }
            Map<String, Object> order = orders.sale(Instant.now(), PREFIX);
            String externalId = (String) order.get("externalId");
            String body = Gateway.JSON.writeValueAsString(order);
            if (warmup) {
                poster.post("/api/orders", body).whenComplete((answer, error) -> {
                    inFlight.release();
                    if (answer != null && answer.status() == 202) {
                        warmupAccepted.incrementAndGet();
                    }
                });
                continue;
            }
            long sent = System.nanoTime();
            startedByExternalId.put(externalId, sent);
            poster.post("/api/orders", body).whenComplete((answer, error) -> {
                inFlight.release();
                postLatency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                count(answer, error, externalId);
            });
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        // Every request has a 30 s timeout; the bound only keeps a broken run from hanging.
        if (!inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            System.out.printf("%d requests still unanswered after 60 s%n", maxInFlight - inFlight.availablePermits());
        }
        double sendElapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seenLive.get() < accepted.get() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        live.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        report(elapsed, sendElapsed);
    }

    private void count(OrderPoster.Answer answer, Throwable error, String externalId) {
        if (error != null) {
            failed.incrementAndGet();
            startedByExternalId.remove(externalId);
        } else if (answer.status() == 202) {
            accepted.incrementAndGet();
        } else {
            rejected.incrementAndGet();
            rejectedByStatus.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
            firstRejection.putIfAbsent(answer.status(), answer.body());
            startedByExternalId.remove(externalId);
        }
    }

    private void report(double elapsed, double sendElapsed) {
        Histogram post = postLatency.getIntervalHistogram();
        Histogram ws = liveLatency.getIntervalHistogram();
        System.out.printf("target rate           %8.0f orders/s for %d s (after %d s of warm-up at that rate: %d "
                + "accepted, not counted)%n", rate, durationSeconds, warmupSeconds, warmupAccepted.get());
        System.out.printf("accepted (202)        %8d  (%.0f orders/s)%n", accepted.get(), accepted.get() / sendElapsed);
        System.out.printf("rejected (4xx/5xx)    %8d%n", rejected.get());
        rejectedByStatus.forEach((status, n) -> System.out.printf("  %d x %d, first: %.300s%n", n.get(), status,
                firstRejection.get(status)));
        System.out.printf("failed (no answer)    %8d%n", failed.get());
        System.out.printf("not sent (in-flight cap %d reached) %d%n", maxInFlight, skipped.get());
        System.out.printf("POST latency          p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                ms(post, 50), ms(post, 99), post.getMaxValue() / 1000.0);
        System.out.printf("POST -> /ws/live      p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d of %d accepted seen)%n",
                ms(ws, 50), ms(ws, 99), ws.getMaxValue() / 1000.0, seenLive.get(), accepted.get());
        System.out.printf("offered for %.1f s, all answered after %.1f s%n", elapsed, sendElapsed);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Matches order.recorded pushes to the posts that caused them, by externalId. */
    private final class LiveListener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final CountDownLatch subscribed = new CountDownLatch(1);

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                subscribed.countDown();
                onMessage(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        private void onMessage(String text) {
            // Stock levels and snapshots outnumber orders on the feed; only orders are worth parsing here.
            if (!text.contains("order.recorded")) {
                return;
            }
            try {
                JsonNode message = Gateway.JSON.readTree(text);
                if (!"order.recorded".equals(message.path("type").asText())) {
                    return;
                }
                String externalId = message.path("data").path("externalId").asText(null);
                Long sent = externalId == null ? null : startedByExternalId.remove(externalId);
                if (sent != null) {
                    liveLatency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                    seenLive.incrementAndGet();
                }
            } catch (Exception malformed) {
                System.err.println("unreadable live message: " + malformed.getMessage());
            }
        }
    }
}
