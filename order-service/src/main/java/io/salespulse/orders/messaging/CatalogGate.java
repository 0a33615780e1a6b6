package io.salespulse.orders.messaging;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.salespulse.orders.config.OrdersConfig;
import io.salespulse.support.Topics;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds sale events back (the channel starts paused) until the catalog consumer group has committed everything
 * the catalog topics held when this instance started. Otherwise a fresh database, or a long outage, would have sales
 * of perfectly good products dead-lettered as "unknown product" because their catalog record was simply not read yet.
 * The check is on the group's committed offsets, not on this instance's assignment, because the reference tables
 * are shared by all instances. After {@code orders.catalog-gate.max-wait} the gate opens anyway: a broken catalog
 * must not stop sales (events of really unknown products are dead-lettered and can be replayed).
 */
@ApplicationScoped
public class CatalogGate {
    private static final List<String> CATALOG_TOPICS = List.of(Topics.CATALOG_PRODUCTS, Topics.CATALOG_LOCATIONS);

    private final ChannelRegistry channels;
    private final OrdersConfig.CatalogGate config;
    private final String bootstrapServers;
    private final String catalogGroup;
    private ScheduledExecutorService scheduler;
    private Admin admin;
    private Map<TopicPartition, Long> targets;
    private Instant deadline;
    private volatile boolean open;

    public CatalogGate(ChannelRegistry channels, OrdersConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "mp.messaging.incoming.catalog.group.id") String catalogGroup) {
        this.channels = channels;
        this.config = config.catalogGate();
        this.bootstrapServers = bootstrapServers;
        this.catalogGroup = catalogGroup;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            open("the catalog gate is disabled");
            return;
        }
        deadline = Instant.now().plus(config.maxWait());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "catalog-gate");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    private void check() {
        try {
            if (caughtUp()) {
                open("the catalog is loaded");
            } else if (Instant.now().isAfter(deadline)) {
                open("the catalog did not catch up within " + config.maxWait() + "; sales of products not read yet "
                        + "will be dead-lettered");
            }
        } catch (Exception e) {
            if (Instant.now().isAfter(deadline)) {
                open("the catalog progress could not be checked within " + config.maxWait() + " (" + e + ")");
            } else {
                Log.debugf("Catalog progress not known yet: %s", e);
            }
        }
    }

    /** True when the group has committed, on every catalog partition, at least the end offset seen at start. */
    private boolean caughtUp() throws Exception {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "order-service-catalog-gate"));
        }
        if (targets == null) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(CATALOG_TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = offsets(partitions);
            partitions.replaceAll((partition, spec) -> OffsetSpec.earliest());
            Map<TopicPartition, Long> starts = offsets(partitions);
            // A partition with nothing to read (empty, or everything compacted away) is caught up by definition.
            ends.entrySet().removeIf(end -> starts.get(end.getKey()) >= end.getValue());
            targets = ends;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(catalogGroup)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return targets.entrySet().stream().allMatch(target -> {
            OffsetAndMetadata offset = committed.get(target.getKey());
            return offset != null && offset.offset() >= target.getValue();
        });
    }

    private Map<TopicPartition, Long> offsets(Map<TopicPartition, OffsetSpec> partitions) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (var entry : admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet()) {
            ListOffsetsResult.ListOffsetsResultInfo info = entry.getValue();
            offsets.put(entry.getKey(), info.offset());
        }
        return offsets;
    }

    private synchronized void open(String why) {
        if (open) {
            return;
        }
        PausableChannel sales = channels.getPausable(SaleEventConsumer.CHANNEL);
        if (sales == null) {
            Log.warnf("Channel %s is not pausable; nothing to open", SaleEventConsumer.CHANNEL);
        } else {
            sales.resume();
        }
        open = true;
        Log.infof("Sale events flowing: %s", why);
        close();
    }

    private synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
