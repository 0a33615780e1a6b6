package io.salespulse.devices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.salespulse.support.CloudEvents;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import io.smallrye.jwt.build.Jwt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The gateway with real PostgreSQL and Kafka, device tokens shaped like Keycloak client-credentials tokens. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DeviceGatewayIT {
    private static final String ADMIN = TestTokens.bearer("alice", "admin");
    private static final String GTIN = "4006381333931";

    @Test
    void decodesEpcsForSupportStaff() {
        given().header("Authorization", ADMIN).get("/devices/epc/3074257BF7194E4000001A85").then()
                .statusCode(200)
                .body("scheme", equalTo("sgtin-96"))
                .body("uri", equalTo("urn:epc:id:sgtin:0614141.812345.6789"))
                .body("gtin", equalTo("80614141123458"))
                .body("serial", equalTo(6789))
                .body("companyPrefix", equalTo("0614141"))
                .body("filter", equalTo(3));
        given().header("Authorization", ADMIN).get("/devices/epc/30742ZZ").then()
                .statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).get("/devices/epc/3174257BF4499602D2000000").then()
                .statusCode(422).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("carl", "clerk"))
                .get("/devices/epc/3074257BF7194E4000001A85").then().statusCode(403);
    }

    @Test
    void registersDevicesAndBindsThemToTheirClientAndLocation() {
        String id = "scanner-" + suffix();
        register(id, "SCANNER", "ST-001", "client-" + id, List.of());
        given().header("Authorization", TestTokens.bearer("mia", "manager")).get("/devices/" + id).then()
                .statusCode(200).body("locationId", equalTo("ST-001")).body("kind", equalTo("SCANNER"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("deviceId", id, "kind", "SCANNER", "locationId", "ST-001", "clientId", "x"))
                .post("/devices").then().statusCode(409);
        given().header("Authorization", device("client-" + id, "ST-001")).contentType(ContentType.JSON)
                .body(Map.of("deviceId", "d2", "kind", "SCANNER", "locationId", "ST-001", "clientId", "x"))
                .post("/devices").then().statusCode(403);

        var scan = Map.of("basketId", "b1", "scans", List.of(Map.of("code", GTIN)));
        // another device's client
        given().header("Authorization", device("client-someone-else", null)).contentType(ContentType.JSON)
                .body(scan).post("/devices/" + id + "/scans").then()
                .statusCode(403).contentType("application/problem+json");
        // its own client, but a token bound to another location
        given().header("Authorization", device("client-" + id, "ST-002")).contentType(ContentType.JSON)
                .body(scan).post("/devices/" + id + "/scans").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aScannedBasketBecomesExactlyOneContractValidSaleEvent() throws Exception {
        String id = "pos-" + suffix();
        String client = "client-" + id;
        register(id, "SCANNER", "ST-001", client, List.of());
        publishProduct("P-" + suffix(), GTIN, "2.49");
        String token = device(client, "ST-001");
        String basket = "B-" + suffix();

        // wait for the catalog cache to know the GTIN (it reads the compacted topic asynchronously)
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"ACCEPTED".equals(given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("basketId", "probe-" + basket, "scans", List.of(Map.of("code", GTIN))))
                .post("/devices/" + id + "/scans").then().statusCode(200).extract().path("results[0].status"))) {
            assertThat(System.currentTimeMillis()).as("catalog cache filled").isLessThan(deadline);
            Thread.sleep(250);
        }

        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("basketId", basket, "scans", List.of(
                        Map.of("code", GTIN, "quantity", 2),
                        Map.of("code", "4006381333932"),
                        Map.of("code", "96385074"))))
                .post("/devices/" + id + "/scans").then()
                .statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].status", equalTo("ACCEPTED"))
                .body("results[1].status", equalTo("INVALID"))
                .body("results[1].error", equalTo("check digit 2 is wrong, expected 1"))
                .body("results[2].status", equalTo("UNKNOWN"));
        var checkout = Map.of("scans", List.of(Map.of("code", GTIN)), "checkout", Map.of("basketId", basket));
        String eventId = given().header("Authorization", token).contentType(ContentType.JSON).body(checkout)
                .post("/devices/" + id + "/scans").then()
                .statusCode(200).body("checkout.alreadyPublished", equalTo(false))
                .extract().path("checkout.eventId");
        // checked out twice: answered with the same event, published once
        given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("scans", List.of(), "checkout", Map.of("basketId", basket)))
                .post("/devices/" + id + "/scans").then()
                .statusCode(200).body("checkout.alreadyPublished", equalTo(true))
                .body("checkout.eventId", equalTo(eventId));

        String key = "SCANNER:device:" + id + ":" + id + ":" + basket;
        var records = consume("sales.events.v1", r -> key.equals(r.key()), Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        var record = records.get(0);
        Contracts.assertValid("sales.events.v1/sale-event", record.value());
        assertThat(CloudEvents.header(record.headers(), "ce_type")).isEqualTo("io.salespulse.sale-event.v1");
        assertThat(CloudEvents.header(record.headers(), "ce_id")).isEqualTo(eventId);
        assertThat(record.value()).contains("\"channel\":\"SCANNER\"", "\"locationId\":\"ST-001\"",
                "\"quantity\":3", "\"unitPrice\":\"2.49\"", "\"gtin\":\"0" + GTIN + "\"",
                "\"externalId\":\"" + id + ":" + basket + "\"");
    }

    @Test
    void aCycleCountOfZebraReadsBecomesOneContractValidObservation() throws Exception {
        String id = "fx9600-" + suffix();
        String client = "client-" + id;
        register(id, "RFID_READER", "ST-001", client,
                List.of(Map.of("antenna", 1, "zone", "SHELF"), Map.of("antenna", 2, "zone", "EXIT")));
        String token = device(client, "ST-001");

        given().header("Authorization", token).post("/devices/" + id + "/cycle-counts/start?zone=SHELF").then()
                .statusCode(200).body("zone", equalTo("SHELF"));
        String zebra = sample("zebra-fx-iotc-simple.json");
        given().header("Authorization", token).contentType(ContentType.JSON).body(zebra)
                .post("/devices/" + id + "/reads").then()
                .statusCode(200)
                .body("received", equalTo(3))
                .body("observations", equalTo(2))
                .body("unsupported.sscc-96", equalTo(1))
                .body("cycleCountRunning", equalTo(true));
        // the same reads again within the dedup window: duplicates, not new observations
        given().header("Authorization", token).contentType(ContentType.JSON).body(zebra)
                .post("/devices/" + id + "/reads").then()
                .statusCode(200).body("observations", equalTo(0)).body("duplicates", equalTo(2));
        // Impinj lines for the same reader: one tag already counted, a new read of it 1 s later is a duplicate
        given().header("Authorization", token).contentType("application/x-ndjson")
                .body(sample("impinj-r700-tag-inventory.ndjson").getBytes(StandardCharsets.UTF_8))
                .post("/devices/" + id + "/reads").then()
                .statusCode(200).body("received", equalTo(2)).body("skipped", equalTo(1))
                .body("observations", equalTo(0)).body("duplicates", equalTo(2));

        String observationId = given().header("Authorization", token)
                .post("/devices/" + id + "/cycle-counts/stop").then()
                .statusCode(200).body("kind", equalTo("CYCLE_COUNT")).body("counts", hasSize(1))
                .body("counts[0].gtin", equalTo("80614141123458")).body("counts[0].count", equalTo(2))
                .extract().path("observationId");
        given().header("Authorization", token).post("/devices/" + id + "/cycle-counts/stop").then().statusCode(409);

        var records = consume("devices.observations.v1", r -> r.value().contains(observationId),
                Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("ST-001");
        Contracts.assertValid("devices.observations.v1/observation", records.get(0).value());
    }

    @Test
    void deduplicatedExitReadsBecomeOneContractValidExitObservationPerBatch() throws Exception {
        String id = "exit-" + suffix();
        String client = "client-" + id;
        register(id, "RFID_READER", "ST-001", client,
                List.of(Map.of("antenna", 1, "zone", "SHELF"), Map.of("antenna", 2, "zone", "EXIT")));
        String token = device(client, "ST-001");
        // GTIN 80614141123458 (GS1 TDS example) serials 1001 and 1002 pass the exit; 1001 is read twice in the
        // window; 1003 is on a shelf antenna and is no exit read
        String batch = "[" + String.join(",",
                zebra("3074257BF7194E40000003E9", 2, "2026-01-15T10:15:30.100+0000"),
                zebra("3074257BF7194E40000003EA", 2, "2026-01-15T10:15:30.400+0000"),
                zebra("3074257BF7194E40000003E9", 2, "2026-01-15T10:15:31.000+0000"),
                zebra("3074257BF7194E40000003EB", 1, "2026-01-15T10:15:31.200+0000")) + "]";

        String exitObservationId = given().header("Authorization", token).contentType(ContentType.JSON).body(batch)
                .post("/devices/" + id + "/reads").then()
                .statusCode(200)
                .body("received", equalTo(4)).body("observations", equalTo(3)).body("duplicates", equalTo(1))
                .body("exitReads", equalTo(2))
                .extract().path("exitObservationId");
        assertThat(exitObservationId).isNotNull();
        // the same batch again within the window: all duplicates, nothing passed the exit anew
        given().header("Authorization", token).contentType(ContentType.JSON).body(batch)
                .post("/devices/" + id + "/reads").then()
                .statusCode(200).body("exitReads", equalTo(0)).body("exitObservationId", nullValue());

        var records = consume("devices.observations.v1", r -> r.value().contains(id), Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo("ST-001");
        Contracts.assertValid("devices.observations.v1/observation", records.get(0).value());
        var observation = new com.fasterxml.jackson.databind.ObjectMapper().readTree(records.get(0).value());
        assertThat(observation.get("observationId").asText()).isEqualTo(exitObservationId);
        assertThat(observation.get("kind").asText()).isEqualTo("EXIT_READ");
        assertThat(observation.get("zone").asText()).isEqualTo("EXIT");
        assertThat(observation.get("startedAt").asText()).isEqualTo("2026-01-15T10:15:30.100Z");
        assertThat(observation.get("endedAt").asText()).isEqualTo("2026-01-15T10:15:30.400Z");
        assertThat(observation.get("counts")).hasSize(1);
        assertThat(observation.get("counts").get(0).get("gtin").asText()).isEqualTo("80614141123458");
        assertThat(observation.get("counts").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(observation.get("counts").get(0).get("seenAt").asText()).isEqualTo("2026-01-15T10:15:30.100Z");
        // a product, a place, counts and times: nothing about a person, not even the serials
        assertThat(records.get(0).value()).doesNotContain("3074257BF7194E40000003E9").doesNotContain("serial");
    }

    private static String zebra(String epc, int antenna, String timestamp) {
        return """
                {"data":{"format":"epc","idHex":"%s","antenna":%d,"peakRssi":-55,"reads":1},\
                "timestamp":"%s","type":"SIMPLE"}""".formatted(epc, antenna, timestamp);
    }

    private static void register(String id, String kind, String location, String client,
                                 List<Map<String, Object>> antennas) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("deviceId", id, "kind", kind, "locationId", location, "clientId", client,
                        "antennas", antennas))
                .post("/devices").then()
                .statusCode(201).body("deviceId", equalTo(id)).body("active", equalTo(true));
    }

    /** A Keycloak client-credentials token: azp and client_id are the client, location_id a hard-coded claim. */
    static String device(String clientId, String locationId) {
        var builder = Jwt.subject("service-account-" + clientId)
                .issuer("https://server.example.com")
                .audience("https://service.example.com")
                .claim("azp", clientId)
                .claim("client_id", clientId)
                .claim("realm_access", Map.of("roles", List.of("device")));
        if (locationId != null) {
            builder.claim("location_id", locationId);
        }
        return "Bearer " + builder.sign("privateKey.jwk");
    }

    private static void publishProduct(String productId, String gtin, String price) throws Exception {
        String json = """
                {"productId":"%s","sku":"SKU-%s","gtin":"%s","name":"Test cola 330 ml","categoryId":"C-1",
                 "categoryPath":["Drinks"],"unitPrice":"%s","unitCost":"1.00","currency":"EUR","active":true,
                 "attributes":{},"updatedAt":"2026-01-01T00:00:00Z"}""".formatted(productId, productId, gtin, price);
        Contracts.assertValid("catalog.products.v1/product", json);
        var props = new Properties();
        props.put("bootstrap.servers", InfraTestResource.ensureStarted().kafkaBootstrap());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("catalog.products.v1", productId, json)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consume(String topic,
                                                                Predicate<ConsumerRecord<String, String>> match,
                                                                Duration wait) {
        var props = new Properties();
        props.put("bootstrap.servers", InfraTestResource.ensureStarted().kafkaBootstrap());
        props.put("group.id", "it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        var found = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long end = System.currentTimeMillis() + wait.toMillis();
            while (System.currentTimeMillis() < end) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() != null && match.test(r)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = DeviceGatewayIT.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
