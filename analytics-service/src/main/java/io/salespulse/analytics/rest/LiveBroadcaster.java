package io.salespulse.analytics.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.domain.AnalyticsService;
import io.salespulse.analytics.domain.ClientOutbox;
import io.salespulse.analytics.domain.LivePublisher;
import io.salespulse.analytics.domain.OrderSummary;
import io.salespulse.analytics.domain.RecordedOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The /ws/live fan-out. Events (order.recorded, alert, stock.level) are serialized once and queued to every client
 * at once; analytics snapshots are computed once per tick (analytics.ws.snapshot-interval) when something changed
 * or the window moved to a new second, serialized once and shared by all clients. Each client has a bounded
 * {@link ClientOutbox} with one write in flight: a slow client only loses intermediate snapshots and, past its
 * backlog, its oldest events (counted in salespulse_ws_dropped_total); one that does not read at all for
 * analytics.ws.unwritable-timeout is closed. Nobody else waits for it.
 */
@ApplicationScoped
public class LiveBroadcaster implements LivePublisher {
    private static final CloseReason TOO_SLOW = new CloseReason(1008, "client too slow to read");

    private final AnalyticsService analytics;
    private final ObjectMapper json;
    private final AnalyticsConfig config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Timer pushLatency;
    private final Counter closedSlow;
    private final Map<String, Counter> pushed = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;
    private volatile Published latest;

    public LiveBroadcaster(AnalyticsService analytics, ObjectMapper json, AnalyticsConfig config, Clock clock,
                           MeterRegistry registry) {
        this.analytics = analytics;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.pushLatency = Timer.builder("salespulse.analytics.push.latency")
                .description("From order-service's recordedAt to the order.recorded push of this instance")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
        this.closedSlow = Counter.builder("salespulse.ws.closed.slow")
                .description("WebSocket clients closed because they did not read")
                .register(registry);
        registry.gaugeMapSize("salespulse.ws.clients", Tags.empty(), clients);
    }

    void start(@Observes StartupEvent event) {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.ws().snapshotInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    /** A client connected: it gets the current snapshot right away. */
    public void register(WebSocketConnection connection) {
        Client client = new Client(connection, new ClientOutbox(config.ws().eventBacklog(),
                config.ws().snapshotInterval().toNanos()));
        clients.put(connection.id(), client);
        Published current = current(clock.instant());
        client.lastOffered = current;
        client.outbox.offerSnapshot(current.text);
        drain(client);
    }

    public void unregister(WebSocketConnection connection) {
        clients.remove(connection.id());
    }

    @Override
    public void ordersRecorded(List<RecordedOrder> orders) {
        Instant now = clock.instant();
        for (RecordedOrder order : orders) {
            Duration latency = Duration.between(order.recordedAt(), now);
            if (!latency.isNegative()) {
                pushLatency.record(latency);
            }
            if (!clients.isEmpty()) {
                offerEvent(LiveMessage.ORDER_RECORDED, new LiveMessage(LiveMessage.ORDER_RECORDED,
                        OrderSummary.of(order)));
            }
        }
    }

    @Override
    public void event(String type, Object data) {
        if (!clients.isEmpty()) {
            offerEvent(type, new LiveMessage(type, data));
        }
    }

    /** Never throws: a push problem must not fail the consumer that counted the order. */
    private void offerEvent(String type, LiveMessage message) {
        String text;
        try {
            text = write(message);
        } catch (RuntimeException e) {
            Log.errorf(e, "Cannot serialize a %s message; not pushed", type);
            return;
        }
        for (Client client : clients.values()) {
            if (client.outbox.offerEvent(type, text)) {
                dropped(type).increment();
            }
            drain(client);
        }
    }

    /** One tick: a new snapshot for everyone if anything changed, stalled clients closed, pending writes started. */
    void tick() {
        try {
            if (clients.isEmpty()) {
                return;
            }
            Published snapshot = current(clock.instant());
            long now = System.nanoTime();
            long limit = config.ws().unwritableTimeout().toNanos();
            for (Client client : clients.values()) {
                if (client.outbox.stalled(now, limit)) {
                    close(client);
                    continue;
                }
                if (client.lastOffered != snapshot) {
                    client.lastOffered = snapshot;
                    if (client.outbox.offerSnapshot(snapshot.text)) {
                        dropped(LiveMessage.SNAPSHOT).increment();
                    }
                }
                drain(client);
            }
        } catch (RuntimeException e) {
            // The ticker must survive a database hiccup; clients keep their last snapshot meanwhile.
            Log.warnf("Live snapshot tick failed: %s", e.getMessage());
        }
    }

    /** The snapshot of this instant: the shared one unless the figures changed or the window moved on. */
    private Published current(Instant now) {
        long version = analytics.changeVersion();
        long second = now.getEpochSecond();
        Published p = latest;
        if (p != null && p.version == version && p.second == second) {
            return p;
        }
        p = new Published(version, second,
                write(new LiveMessage(LiveMessage.SNAPSHOT, analytics.snapshot(now))));
        latest = p;
        return p;
    }

    private void drain(Client client) {
        ClientOutbox.Outgoing next = client.outbox.next(System.nanoTime());
        if (next == null) {
            return;
        }
        Uni<Void> write;
        try {
            write = client.connection.sendText(next.text());
        } catch (RuntimeException e) {
            client.outbox.written();
            clients.remove(client.connection.id());
            return;
        }
        write.subscribe().with(
                done -> {
                    client.outbox.written();
                    pushed(next.type()).increment();
                    drain(client);
                },
                failure -> {
                    client.outbox.written();
                    Log.debugf("Write to WebSocket client %s failed: %s", client.connection.id(), failure.getMessage());
                    clients.remove(client.connection.id());
                });
    }

    private void close(Client client) {
        if (clients.remove(client.connection.id()) != null) {
            closedSlow.increment();
            Log.infof("Closing WebSocket client %s: no write completed for %s", client.connection.id(),
                    config.ws().unwritableTimeout());
            client.connection.close(TOO_SLOW).subscribe().with(done -> { }, failure -> { });
        }
    }

    private Counter pushed(String type) {
        return pushed.computeIfAbsent(type, t -> Counter.builder("salespulse.ws.pushed")
                .description("Messages written to WebSocket clients").tag("type", t).register(registry));
    }

    private Counter dropped(String type) {
        return dropped.computeIfAbsent(type, t -> Counter.builder("salespulse.ws.dropped")
                .description("Messages a slow WebSocket client never got (older events past the backlog, "
                        + "intermediate snapshots)").tag("type", t).register(registry));
    }

    private String write(LiveMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    int clientCount() {
        return clients.size();
    }

    private record Published(long version, long second, String text) {
    }

    private static final class Client {
        final WebSocketConnection connection;
        final ClientOutbox outbox;
        volatile Published lastOffered;

        Client(WebSocketConnection connection, ClientOutbox outbox) {
            this.connection = connection;
            this.outbox = outbox;
        }
    }
}
