package io.salespulse.devices;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.salespulse.devices.config.DevicesConfig;
import io.salespulse.devices.data.CatalogCache;
import io.salespulse.devices.data.CycleCountRepository;
import io.salespulse.devices.data.DeviceRepository;
import io.salespulse.devices.domain.Device;
import io.salespulse.devices.domain.ReaderPayloadParser;
import io.salespulse.devices.domain.RfidService;
import io.salespulse.devices.messaging.DeviceEventProducer;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A device-gateway restart mid-count, played by a second RfidService built from the same beans: its dedup window is
 * empty, as after a restart, while the count lives in PostgreSQL. Replayed reads must neither vanish nor count twice,
 * and a replayed exit batch must keep its observationId so that inventory does not count it twice either.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CycleCountRestartIT {
    private static final String ADMIN = TestTokens.bearer("alice", "admin");
    /** GTIN 80614141123458 (GS1 TDS example) with serials 0x3E9 + n. */
    private static final String EPC = "3074257BF7194E4000000";

    @Inject
    DevicesConfig config;
    @Inject
    CatalogCache catalog;
    @Inject
    DeviceEventProducer producer;
    @Inject
    MeterRegistry registry;
    @Inject
    CycleCountRepository counts;
    @Inject
    DeviceRepository devices;
    @Inject
    ObjectMapper mapper;

    @Test
    void aRestartMidCountNeitherLosesNorDoubleCountsReads() {
        String id = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + id;
        register(id, client);
        String token = DeviceGatewayIT.device(client, "ST-001");
        given().header("Authorization", token).post("/devices/" + id + "/cycle-counts/start?zone=BACKROOM")
                .then().statusCode(200);
        String before = batch(zebra(1, 1, 0), zebra(2, 1, 10), zebra(3, 1, 20));
        given().header("Authorization", token).contentType(ContentType.JSON).body(before)
                .post("/devices/" + id + "/reads").then().statusCode(200)
                .body("observations", equalTo(3)).body("cycleCountRunning", equalTo(true));

        // "restart": a new service with an empty dedup window; the reader replays its last batch plus a new tag
        RfidService restarted = new RfidService(config, catalog, producer, registry, counts);
        Device device = devices.find(id).orElseThrow();
        var outcome = restarted.ingest(device, new ReaderPayloadParser(mapper).parse(
                batch(zebra(1, 1, 0), zebra(2, 1, 10), zebra(3, 1, 20), zebra(4, 1, 30)), Instant.now()));
        assertThat(outcome.cycleCountRunning()).isTrue();
        // the replayed reads are new to the restarted dedup window, but the count is a set of tags
        assertThat(outcome.observations()).isEqualTo(4);

        // a start while running changes nothing; the stop (on the other "instance") sees every tag once
        given().header("Authorization", token).post("/devices/" + id + "/cycle-counts/start?zone=SHELF")
                .then().statusCode(200).body("zone", equalTo("BACKROOM"));
        String observationId = given().header("Authorization", token)
                .post("/devices/" + id + "/cycle-counts/stop").then().statusCode(200)
                .body("zone", equalTo("BACKROOM"))
                .body("counts[0].gtin", equalTo("80614141123458")).body("counts[0].count", equalTo(4))
                .extract().path("observationId");
        assertThat(counts.running(id)).isEmpty();
        assertThat(counts.countsByGtin(UUID.fromString(observationId))).isEmpty();
        given().header("Authorization", token).post("/devices/" + id + "/cycle-counts/stop").then().statusCode(409);
        // reads after the stop count nowhere
        assertThat(restarted.ingest(device, new ReaderPayloadParser(mapper).parse(batch(zebra(5, 1, 40)),
                Instant.now())).cycleCountRunning()).isFalse();
    }

    @Test
    void aReplayedExitBatchKeepsItsObservationId() {
        String id = "exit-replay-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "client-" + id;
        register(id, client);
        String token = DeviceGatewayIT.device(client, "ST-001");
        String exits = batch(zebra(7, 2, 0), zebra(8, 2, 5));

        String first = given().header("Authorization", token).contentType(ContentType.JSON).body(exits)
                .post("/devices/" + id + "/reads").then().statusCode(200).body("exitReads", equalTo(2))
                .extract().path("exitObservationId");
        RfidService restarted = new RfidService(config, catalog, producer, registry, counts);
        var replay = restarted.ingest(devices.find(id).orElseThrow(),
                new ReaderPayloadParser(mapper).parse(exits, Instant.now()));

        assertThat(replay.exitReads()).isEqualTo(2);
        assertThat(replay.exitObservationId()).hasToString(first);
        // other reads make another observation
        var other = restarted.ingest(devices.find(id).orElseThrow(),
                new ReaderPayloadParser(mapper).parse(batch(zebra(9, 2, 0)), Instant.now()));
        assertThat(other.exitObservationId()).isNotNull().isNotEqualTo(replay.exitObservationId());
    }

    private static void register(String id, String client) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("deviceId", id, "kind", "RFID_READER", "locationId", "ST-001", "clientId", client,
                        "antennas", List.of(Map.of("antenna", 1, "zone", "BACKROOM"),
                                Map.of("antenna", 2, "zone", "EXIT"))))
                .post("/devices").then().statusCode(201);
    }

    private static String batch(String... reads) {
        return "[" + String.join(",", reads) + "]";
    }

    private static String zebra(int serial, int antenna, int millis) {
        return """
                {"data":{"format":"epc","idHex":"%s%03X","antenna":%d,"peakRssi":-50,"reads":1},\
                "timestamp":"2026-01-15T10:15:30.%03d+0000","type":"SIMPLE"}""".formatted(EPC, 0x3E8 + serial,
                antenna, millis);
    }
}
