package io.salespulse.gateway.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.gateway.support.UpstreamStubs;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

/** The operator endpoints: open without a token, and readiness tells whether Keycloak can be reached. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(UpstreamStubs.class)
class PlatformEndpointsIT {

    @OidcWireMock
    WireMockServer keycloak;

    @Test
    void readinessFollowsKeycloak() {
        // The OIDC health check sends HEAD to the discovery document; the mock only answers GET unless told.
        StubMapping discovery = keycloak.stubFor(head(urlEqualTo("/auth/realms/quarkus/.well-known/openid-configuration"))
                .willReturn(ok()));
        try {
            given().when().get("/q/health/ready")
                    .then().log().ifValidationFails().statusCode(200)
                    .body("status", is("UP"))
                    .body("checks.name", hasItem("OIDC Provider Health Check"));
        } finally {
            keycloak.removeStub(discovery);
        }
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'OIDC Provider Health Check' }.status", is("DOWN"));
    }

    @Test
    void livenessMetricsAndOpenApiNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", is("Sales Pulse API Gateway"))
                .body("paths", hasKey("/api/whoami"))
                .body("paths", hasKey("/api/ws-ticket"));
    }

    @Test
    void proxiedRequestsAreMeasuredPerUpstream() {
        given().header("Authorization", io.salespulse.testsupport.TestTokens.bearer("ann", "analyst"))
                .when().get("/api/analytics").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("gateway_upstream_requests_seconds_count{status=\"200\",upstream=\"analytics\""));
    }
}
