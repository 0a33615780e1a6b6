package io.salespulse.gateway.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.gateway.support.UpstreamStubs;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

/**
 * The operator endpoints: on the management port only (the HTTP port is the public one), open there without a token,
 * and readiness tells whether Keycloak can be reached.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(UpstreamStubs.class)
class PlatformEndpointsIT {

    @OidcWireMock
    WireMockServer keycloak;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    private RequestSpecification operator() {
        return given().baseUri(management.getProtocol() + "://" + management.getHost()).port(management.getPort());
    }

    @Test
    void readinessFollowsKeycloak() {
        // The OIDC health check sends HEAD to the discovery document; the mock only answers GET unless told.
        StubMapping discovery = keycloak.stubFor(head(urlEqualTo("/auth/realms/quarkus/.well-known/openid-configuration"))
                .willReturn(ok()));
        try {
            operator().when().get("/q/health/ready")
                    .then().log().ifValidationFails().statusCode(200)
                    .body("status", is("UP"))
                    .body("checks.name", hasItem("OIDC Provider Health Check"));
        } finally {
            keycloak.removeStub(discovery);
        }
        operator().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'OIDC Provider Health Check' }.status", is("DOWN"));
    }

    @Test
    void livenessMetricsAndOpenApiNeedNoToken() {
        operator().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        operator().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        operator().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", is("Sales Pulse API Gateway"))
                .body("paths", hasKey("/api/whoami"))
                .body("paths", hasKey("/api/ws-ticket"));
    }

    @Test
    void thePublicPortServesNoOperatorEndpoint() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/openapi"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void proxiedRequestsAreMeasuredPerUpstream() {
        given().header("Authorization", io.salespulse.testsupport.TestTokens.bearer("ann", "analyst"))
                .when().get("/api/analytics").then().statusCode(200);
        operator().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("gateway_upstream_requests_seconds_count{status=\"200\",upstream=\"analytics\""));
    }
}
