package io.salespulse.devices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.restassured.http.ContentType;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Live stations over /ws/devices: the device token on the handshake, the same binding rules per message. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DeviceSocketIT {

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    @Test
    void acceptsReadsFromItsOwnDeviceAndRefusesAnotherOne() throws Exception {
        String id = "ws-reader-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer("alice", "admin")).contentType(ContentType.JSON)
                .body(Map.of("deviceId", id, "kind", "RFID_READER", "locationId", "ST-002", "clientId", "c-" + id,
                        "antennas", List.of(Map.of("antenna", 1, "zone", "EXIT"))))
                .post("/devices").then().statusCode(201);

        var answers = new LinkedBlockingQueue<String>();
        var connection = connector.baseUri(base).path("/ws/devices")
                .addHeader("Authorization", DeviceGatewayIT.device("c-" + id, "ST-002"))
                .onTextMessage((c, m) -> answers.add(m))
                .connectAndAwait();
        try {
            connection.sendTextAndAwait("""
                    {"type":"reads","deviceId":"%s","payload":[{"timestamp":"2026-01-15T10:15:30.484+0000",
                     "type":"SIMPLE","data":{"idHex":"3074257bf7194e4000001a85","antenna":1,"peakRssi":-50}}]}"""
                    .formatted(id));
            String answer = answers.poll(20, TimeUnit.SECONDS);
            assertThat(answer).contains("\"type\":\"reads\"", "\"observations\":1", "\"exitReads\":1");

            connection.sendTextAndAwait("{\"type\":\"reads\",\"deviceId\":\"someone-else\",\"payload\":[]}");
            assertThat(answers.poll(20, TimeUnit.SECONDS)).contains("\"status\":403");
        } finally {
            connection.closeAndAwait();
        }
    }
}
