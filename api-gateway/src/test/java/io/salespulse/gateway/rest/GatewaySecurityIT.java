package io.salespulse.gateway.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.gateway.support.UpstreamStubs;
import io.salespulse.support.security.VerifiedTokens;
import io.salespulse.testsupport.TestTokens;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/** Who gets in: the role matrix at the edge, with RFC 7807 answers a client can act on. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(UpstreamStubs.class)
class GatewaySecurityIT {
    @TestHTTPResource(value = "/", management = true)
    URL management;

    private static final String PROBLEM = "application/problem+json";

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void withoutATokenTheAnswerIs401ProblemWithABearerChallenge() {
        given().when().get("/api/orders")
                .then().statusCode(401)
                .header("Content-Type", startsWith(PROBLEM))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", is(401))
                .body("title", is("Unauthorized"))
                .body("instance", is("/api/orders"));
    }

    @Test
    void aGarbageTokenIs401ProblemNotAnEmptyBody() {
        given().header("Authorization", "Bearer not.a.jwt").when().get("/api/orders")
                .then().statusCode(401)
                .header("Content-Type", startsWith(PROBLEM))
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("status", is(401))
                .body("detail", containsString("invalid or expired"));
    }

    @Test
    void anExpiredTokenIs401Problem() {
        String expired = Jwt.preferredUserName("carol")
                .subject("sub-carol")
                .issuer("https://server.example.com")
                .claim("realm_access", Map.of("roles", List.of("clerk")))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign("privateKey.jwk");
        given().auth().oauth2(expired).when().get("/api/orders")
                .then().statusCode(401)
                .header("Content-Type", startsWith(PROBLEM));
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItHasExpired() throws InterruptedException {
        // Verified tokens are answered from memory (service-support's VerifiedTokens), never past their expiry.
        Instant expiresAt = Instant.now().plusSeconds(2);
        String shortLived = Jwt.preferredUserName("dave")
                .subject("sub-dave")
                .issuer("https://server.example.com")
                .claim("realm_access", Map.of("roles", List.of("clerk")))
                .expiresAt(expiresAt)
                .sign("privateKey.jwk");
        given().auth().oauth2(shortLived).when().get("/api/whoami").then().statusCode(200).body("username", is("dave"));
        assertThat(verifiedTokens.find(shortLived)).isPresent();
        long answered = verifiedTokens.answered();
        given().auth().oauth2(shortLived).when().get("/api/whoami").then().statusCode(200).body("username", is("dave"));
        // The second request was answered from memory, not verified again by Quarkus OIDC, and operators can see it
        assertThat(verifiedTokens.answered()).isEqualTo(answered + 1);
        given().baseUri("http://" + management.getHost()).port(management.getPort()).when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("salespulse_tokens_answered_total " + (double) (answered + 1)));

        Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis()) + 1100);

        given().auth().oauth2(shortLived).when().get("/api/whoami")
                .then().statusCode(401)
                .header("Content-Type", startsWith(PROBLEM))
                .body("detail", containsString("invalid or expired"));
    }

    @Test
    void theFrontendFindsKeycloakWithoutAToken() {
        given().when().get("/config.json")
                .then().statusCode(200)
                .body("realm", is("quarkus"))
                .body("clientId", is("web-frontend"))
                .body("keycloakUrl", startsWith("http://localhost:"));
    }

    @Test
    void anAnalystMayNotCreateOrders() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .contentType("application/json").body("{}")
                .when().post("/api/orders")
                .then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", is(403))
                .body("title", is("Forbidden"));
    }

    @Test
    void dotSegmentsCannotSneakPastTheRoleCheck() {
        // /api/orders/../privacy is /api/privacy (admin only), however it is spelled.
        given().urlEncodingEnabled(false)
                .header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .when().get("/api/orders/%2E%2E/privacy/export")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .urlEncodingEnabled(false)
                .when().get("/api/orders%2F..%2Fprivacy")
                .then().statusCode(400);
    }

    @Test
    void aClerkRecordsAReturnInInventoryButAdjustsNoStock() {
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .contentType("application/json").body("{}")
                .when().post("/api/inventory/returns")
                .then().statusCode(200)
                .body("service", is("inventory"))
                .body("method", is("POST"))
                .body("path", is("/inventory/returns"));
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .contentType("application/json").body("{}")
                .when().post("/api/inventory/adjustments")
                .then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM));
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .contentType("application/json").body("{}")
                .when().post("/api/inventory/returns")
                .then().statusCode(403);
        given().contentType("application/json").body("{}")
                .when().post("/api/inventory/returns")
                .then().statusCode(401);
    }

    @Test
    void alertRulesAreReachableAndOnlyManagersChangeThem() {
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .when().get("/api/alert-rules")
                .then().statusCode(200)
                .body("service", is("inventory"))
                .body("path", is("/alert-rules"));
        given().header("Authorization", TestTokens.bearer("maria", "manager"))
                .contentType("application/json").body("{}")
                .when().put("/api/alert-rules")
                .then().statusCode(200)
                .body("service", is("inventory"))
                .body("method", is("PUT"))
                .body("path", is("/alert-rules"));
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .contentType("application/json").body("{}")
                .when().put("/api/alert-rules")
                .then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM));
        given().when().get("/api/alert-rules").then().statusCode(401);
    }

    @Test
    void aProductsChangeHistoryIsForManagersAndAnalysts() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().get("/api/products/p-1/changes")
                .then().statusCode(200)
                .body("service", is("inventory"))
                .body("path", is("/products/p-1/changes"));
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .when().get("/api/products/p-1/changes")
                .then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM));
        // The product itself is still everyone's to read.
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .when().get("/api/products/p-1")
                .then().statusCode(200)
                .body("path", is("/products/p-1"));
        given().when().get("/api/products/p-1/changes").then().statusCode(401);
    }

    @Test
    void appliedPricesAndCategoryEditsReachTheirServices() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().get("/api/recommendations/pricing/applied")
                .then().statusCode(200)
                .body("service", is("recommendations"))
                .body("path", is("/recommendations/pricing/applied"));
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .when().get("/api/recommendations/pricing/applied")
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("maria", "manager"))
                .contentType("application/json").body("{}")
                .when().put("/api/categories/c-1")
                .then().statusCode(200)
                .body("service", is("inventory"))
                .body("path", is("/categories/c-1"));
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .contentType("application/json").body("{}")
                .when().put("/api/categories/c-1")
                .then().statusCode(403);
    }

    @Test
    void whoamiTellsTheUserAndSortedRoles() {
        given().header("Authorization", TestTokens.bearer("maria", "manager", "analyst"))
                .when().get("/api/whoami")
                .then().statusCode(200)
                .body("username", is("maria"))
                .body("subject", is("sub-maria"))
                .body("roles", equalTo(List.of("analyst", "manager")));
    }

    @Test
    void whoamiNeedsNoParticularRoleButAToken() {
        given().header("Authorization", TestTokens.bearer("nobody")).when().get("/api/whoami")
                .then().statusCode(200).body("username", is("nobody"));
        given().when().get("/api/whoami").then().statusCode(401);
    }

    @Test
    void unknownApiPrefixesAre404Problems() {
        given().header("Authorization", TestTokens.bearer("ada", "admin"))
                .when().get("/api/nothing-here")
                .then().statusCode(404)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", is(404));
    }

    @Test
    void aKnownPathWithAnUnknownMethodIs405WithAllow() {
        given().header("Authorization", TestTokens.bearer("ada", "admin"))
                .when().delete("/api/analytics/sales")
                .then().statusCode(405)
                .header("Content-Type", startsWith(PROBLEM))
                .header("Allow", is("GET, HEAD"));
    }

    @Test
    void theFrontendIsServedWithoutATokenWithSecurityHeaders() {
        given().when().get("/")
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/html"))
                .body(containsString("<title>Sales Pulse</title>"))
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Permissions-Policy", containsString("camera=(self)"))
                .header("Content-Security-Policy", startsWith("default-src 'self'; connect-src 'self' ws: wss: http://localhost:"))
                .header("Content-Security-Policy", containsString("frame-src http://localhost:"))
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().when().get("/index.html").then().statusCode(200);
    }

    @Test
    void errorsCarryTheSecurityHeadersToo() {
        given().when().get("/api/orders")
                .then().statusCode(401)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", startsWith("default-src 'self'"));
    }

    @Test
    void corsIsOff() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/orders")
                .then().header("Access-Control-Allow-Origin", (String) null);
    }
}
