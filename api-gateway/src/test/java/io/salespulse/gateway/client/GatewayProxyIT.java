package io.salespulse.gateway.client;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.salespulse.gateway.support.UpstreamStubs;
import io.salespulse.testsupport.TestTokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Requests reach the right service, at the right path, with what the service needs to trust and trace them. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(UpstreamStubs.class)
class GatewayProxyIT {
    private static final String PROBLEM = "application/problem+json";
    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]";
    private static Vertx vertx;

    @BeforeAll
    static void startClient() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aClerkCreatesAnOrderThroughChannelIngest() {
        String token = TestTokens.bearer("cleo", "clerk");
        String order = "{\"externalId\":\"A-1\"}";
        Response response = given().header("Authorization", token)
                .contentType("application/json").body(order)
                .when().post("/api/orders")
                .then().statusCode(200)
                .body("service", is("ingest"))
                .body("method", is("POST"))
                .body("path", is("/orders"))
                .body("bodyBytes", is(order.length()))
                .extract().response();

        assertThat(response.jsonPath().getString("authorization")).isEqualTo(token);
        String requestId = response.jsonPath().getString("requestId");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(response.jsonPath().getString("traceparent")).matches(TRACEPARENT);
    }

    @Test
    void servicesJoinTheCallersTraceAsChildrenOfTheGatewaysSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        Response response = given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .when().get("/api/orders")
                .then().statusCode(200).extract().response();

        String forwarded = response.jsonPath().getString("traceparent");
        assertThat(forwarded).startsWith("00-" + traceId + "-").doesNotContain(callerSpan);
    }

    @Test
    void aSaneClientRequestIdIsKeptAndAnInsaneOneReplaced() {
        String token = TestTokens.bearer("ann", "analyst");
        given().header("Authorization", token).header("X-Request-Id", "pos-ST-001:retry.2")
                .when().get("/api/orders")
                .then().statusCode(200)
                .header("X-Request-Id", "pos-ST-001:retry.2")
                .body("requestId", is("pos-ST-001:retry.2"));
        Response replaced = given().header("Authorization", token).header("X-Request-Id", "<script>\"x\"")
                .when().get("/api/orders")
                .then().statusCode(200).extract().response();
        assertThat(replaced.jsonPath().getString("requestId")).matches("[0-9a-f-]{36}");
    }

    @Test
    void readingOrdersGoesToOrderServiceWithTheQueryKept() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .urlEncodingEnabled(false)
                .when().get("/api/orders?channel=WEB&from=2025-01-01T00%3A00%3A00Z")
                .then().statusCode(200)
                .body("service", is("orders"))
                .body("method", is("GET"))
                .body("path", is("/orders"))
                .body("query", is("channel=WEB&from=2025-01-01T00%3A00%3A00Z"));
    }

    @Test
    void eachPrefixReachesItsOwner() {
        given().header("Authorization", TestTokens.bearer("dev-1", "device"))
                .when().get("/api/products/P-42")
                .then().statusCode(200).body("service", is("inventory")).body("path", is("/products/P-42"));
        given().header("Authorization", TestTokens.bearer("maria", "manager"))
                .when().post("/api/alerts/7/acknowledge")
                .then().statusCode(200).body("service", is("inventory")).body("path", is("/alerts/7/acknowledge"));
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().get("/api/reports/daily")
                .then().statusCode(200).body("service", is("analytics")).body("path", is("/reports/daily"));
        given().header("Authorization", TestTokens.bearer("ivan", "integration"))
                .when().post("/api/imports/pos")
                .then().statusCode(200).body("service", is("ingest")).body("path", is("/imports/pos"));
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .when().put("/api/orders/o-1/status")
                .then().statusCode(200).body("service", is("orders")).body("path", is("/orders/o-1/status"));
    }

    @Test
    void servicesLearnTheRealClientThroughForwardedHeaders() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().get("/api/analytics")
                .then().statusCode(200)
                .body("forwardedFor", is("127.0.0.1"))
                .body("forwardedProto", is("http"))
                .body("forwardedHost", is("localhost:" + RestAssured.port))
                .body("host", startsWith("127.0.0.1:"));
    }

    @Test
    void webhooksReachIngestUnchangedWithoutAToken() {
        given().contentType("application/json").body("{\"id\":1}")
                .when().post("/webhooks/shopify?shop=demo.myshopify.com")
                .then().statusCode(200)
                .body("service", is("ingest"))
                .body("path", is("/webhooks/shopify"))
                .body("query", is("shop=demo.myshopify.com"))
                .body("authorization", nullValue());
    }

    @Test
    void webhooksAreNotAuthenticatedByTheGatewayEvenWithAStrayHeader() {
        // A marketplace may send its own Authorization scheme; channel-ingest judges the request by its signature.
        given().header("Authorization", "Bearer not-a-keycloak-token").header("X-Shopify-Hmac-Sha256", "abc=")
                .contentType("application/json").body("{}")
                .when().post("/webhooks/shopify")
                .then().statusCode(200)
                .body("service", is("ingest"))
                .body("authorization", is("Bearer not-a-keycloak-token"));
    }

    @Test
    void theGatewaysSecurityHeadersWinOverTheServices() {
        given().header("Authorization", TestTokens.bearer("ann", "analyst"))
                .when().get("/api/orders")
                .then().statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAnythingIsSent() {
        given().header("Authorization", TestTokens.bearer("cleo", "clerk"))
                .contentType("text/csv").body(new byte[100 * 1024])
                .when().post("/api/imports/pos")
                .then().statusCode(413)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", is(413));
    }

    @Test
    void aChunkedBodyIsCountedWhileItStreams() throws Exception {
        // 100 KiB in 4 KiB chunks, over the 64 KiB limit of the test profile.
        Buffer[] chunks = new Buffer[25];
        java.util.Arrays.fill(chunks, Buffer.buffer(new byte[4096]));

        Answer answer = postChunked("/api/imports/pos", chunks);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        assertThat(answer.body()).contains("\"status\":413");
    }

    @Test
    void aSmallChunkedBodyIsForwarded() throws Exception {
        Answer answer = postChunked("/api/imports/pos", Buffer.buffer("sku;qty\n"), Buffer.buffer("A-1;2\n"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"bodyBytes\":14").contains("\"path\":\"/imports/pos\"");
    }

    private record Answer(int status, String contentType, String body) {
    }

    /** RestAssured always knows its body's length; a Vert.x client can stream one without Content-Length. */
    private static Answer postChunked(String uri, Buffer... chunks) throws Exception {
        HttpClient client = vertx.createHttpClient();
        try {
            return client.request(new RequestOptions()
                            .setMethod(HttpMethod.POST).setHost("localhost").setPort(RestAssured.port).setURI(uri)
                            .putHeader("Authorization", TestTokens.bearer("cleo", "clerk"))
                            .putHeader("Content-Type", "text/csv"))
                    .compose(request -> {
                        request.setChunked(true);
                        for (Buffer chunk : chunks) {
                            request.write(chunk);
                        }
                        request.end();
                        return request.response();
                    })
                    // Read the body in the response callback, or its bytes may be gone before anyone listens.
                    .compose(response -> response.body().map(body ->
                            new Answer(response.statusCode(), response.getHeader("Content-Type"), body.toString())))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    @Test
    void aServiceThatIsDownIs502Problem() {
        given().header("Authorization", TestTokens.bearer("ada", "admin"))
                .when().get("/api/devices")
                .then().statusCode(502)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", is(502))
                .body("detail", containsString("devices"));
    }

    @Test
    void aServiceThatDoesNotAnswerIs504Problem() {
        given().header("Authorization", TestTokens.bearer("maria", "manager"))
                .when().get("/api/recommendations/slow")
                .then().statusCode(504)
                .header("Content-Type", startsWith(PROBLEM))
                .body("status", is(504));
    }
}
