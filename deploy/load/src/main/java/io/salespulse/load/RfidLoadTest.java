package io.salespulse.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts RFID reader batches to device-gateway's reads endpoint through the gateway, with the device's own
 * client-credentials token, at a target read rate for a duration. Open-loop pacing (batches start on schedule, at
 * most {@code maxInFlight} outstanding), so a slow platform shows up as latency and 429/503 answers rather than as
 * a quietly lower offered rate. Prints offered and accepted reads/s, batch latency p50/p99 and the 429/503 counts.
 */
final class RfidLoadTest {
    private final Gateway gateway;
    private final ReaderBatchFactory batches;
    private final String deviceId;
    private final double rate;
    private final int batchSize;
    private final int durationSeconds;
    private final int maxInFlight;
    private final ReaderBatchFactory.Format format;

    private final Recorder latency = new Recorder(3);
    private final LongAdder offeredReads = new LongAdder();
    private final LongAdder acceptedReads = new LongAdder();
    private final LongAdder observations = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder generatedRepeats = new LongAdder();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong tooMany = new AtomicLong();
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong otherStatus = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile String lastError;

    RfidLoadTest(Gateway gateway, ReaderBatchFactory batches, ReaderBatchFactory.Format format, String deviceId,
                 double rate, int batchSize, int durationSeconds, int maxInFlight) {
        if (rate <= 0 || batchSize < 1 || durationSeconds < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("rate, batch, duration and max-in-flight must be positive");
        }
        this.gateway = gateway;
        this.batches = batches;
        this.format = format;
        this.deviceId = deviceId;
        this.rate = rate;
        this.batchSize = batchSize;
        this.durationSeconds = durationSeconds;
        this.maxInFlight = maxInFlight;
    }

    void run() throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        double batchesPerSecond = rate / batchSize;
        long intervalNanos = (long) (1_000_000_000L / batchesPerSecond);
        long total = Math.max(1, (long) (batchesPerSecond * durationSeconds));
        // reads of a batch spread over the time the reader took to collect them
        long spreadMillis = Math.max(0, Math.min(1000, (long) (batchSize * 1000 / rate)));
        String path = "/api/devices/" + deviceId + "/reads";
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (!inFlight.tryAcquire()) {
                skipped.incrementAndGet();
                continue;
            }
            ReaderBatchFactory.Batch batch = batches.next(batchSize, Instant.now(), spreadMillis);
            offeredReads.add(batch.reads());
            generatedRepeats.add(batch.repeats());
            long sent = System.nanoTime();
            gateway.postAsync(path, batch.body(), format.contentType).whenComplete((response, error) -> {
                inFlight.release();
                latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
                count(response, error, batch);
            });
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        inFlight.acquire(maxInFlight);
        double answeredSeconds = (System.nanoTime() - start) / 1e9;
        report(offeredSeconds, answeredSeconds);
    }

    private void count(HttpResponse<String> response, Throwable error, ReaderBatchFactory.Batch batch) {
        if (error != null) {
            failed.incrementAndGet();
            lastError = error.toString();
            return;
        }
        switch (response.statusCode()) {
            case 200 -> {
                ok.incrementAndGet();
                acceptedReads.add(batch.reads());
                try {
                    JsonNode outcome = Gateway.JSON.readTree(response.body());
                    observations.add(outcome.path("observations").asLong());
                    duplicates.add(outcome.path("duplicates").asLong());
                } catch (Exception unreadable) {
                    lastError = "unreadable 200 answer: " + unreadable.getMessage();
                }
            }
            case 429 -> tooMany.incrementAndGet();
            case 503 -> unavailable.incrementAndGet();
            default -> {
                otherStatus.incrementAndGet();
                lastError = response.statusCode() + " " + abbreviate(response.body());
            }
        }
    }

    private void report(double offeredSeconds, double answeredSeconds) {
        Histogram h = latency.getIntervalHistogram();
        System.out.printf("device %s, %s batches of %d reads, %d products, target %.0f reads/s for %d s%n",
                deviceId, format.name().toLowerCase(), batchSize, batches.productCount(), rate, durationSeconds);
        System.out.printf("offered               %10d reads  (%.0f reads/s, %d generated re-reads)%n",
                offeredReads.sum(), offeredReads.sum() / offeredSeconds, generatedRepeats.sum());
        System.out.printf("accepted (200)        %10d reads  (%.0f reads/s) in %d batches%n",
                acceptedReads.sum(), acceptedReads.sum() / answeredSeconds, ok.get());
        System.out.printf("gateway counted       %10d observations, %d duplicates%n", observations.sum(),
                duplicates.sum());
        System.out.printf("429 too many requests %10d batches%n", tooMany.get());
        System.out.printf("503 unavailable       %10d batches%n", unavailable.get());
        System.out.printf("other status          %10d batches%n", otherStatus.get());
        System.out.printf("failed (no answer)    %10d batches%n", failed.get());
        System.out.printf("not sent (in-flight cap %d reached) %d batches%n", maxInFlight, skipped.get());
        System.out.printf("batch latency         p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        System.out.printf("offered for %.1f s, all answered after %.1f s%n", offeredSeconds, answeredSeconds);
        if (lastError != null) {
            System.out.println("last error: " + lastError);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
