package io.salespulse.orders;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The customer store against real PostgreSQL: a channel service hands personal data over, an administrator finds,
 * exports and erases it, every access is audited, and the database only ever holds ciphertext.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PrivacyIT {
    private static final String INGEST = TestTokens.bearer("service-account-channel-ingest-service", "customer-intake");
    private static final String ADMIN = TestTokens.bearer("admin", "admin");

    @Inject
    DataSource dataSource;

    @Test
    void handedOverDataIsSealedFoundExportedAndErased() throws SQLException {
        String ref = newRef();
        String email = "ana." + ref.substring(4, 12).toLowerCase() + "@example.com";
        store(ref, """
                {"source": "shopify:demo-shop.myshopify.com", "externalId": "#1001", "firstName": "Ana",
                 "lastName": "Silva", "email": "%s", "shippingAddress": {"city": "Lisboa", "zip": "1100-148"}}
                """.formatted(email)).then().statusCode(204);
        // A second order of the same customer adds a phone and keeps what the first one brought.
        store(ref, """
                {"source": "shopify:demo-shop.myshopify.com", "externalId": "#1002", "phone": "+351 912 345 678"}
                """).then().statusCode(204);

        assertThat(sealedBytes(ref)).doesNotContain("Silva").doesNotContain("example.com").doesNotContain("Lisboa");

        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"email\": \"" + email.toUpperCase() + "\"}")
                .post("/privacy/customers/lookup")
                .then().statusCode(200).body("customerRefs", equalTo(java.util.List.of(ref)));
        given().header("Authorization", ADMIN).get("/privacy/customers/" + ref)
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("customerRef", equalTo(ref))
                .body("personal.firstName", equalTo("Ana"))
                .body("personal.email", equalTo(email))
                .body("personal.phone", equalTo("+351 912 345 678"))
                .body("personal.shippingAddress.city", equalTo("Lisboa"))
                .body("sources.externalId", hasItems("#1001", "#1002"));

        given().header("Authorization", ADMIN).delete("/privacy/customers/" + ref).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/privacy/customers/" + ref).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).delete("/privacy/customers/" + ref).then().statusCode(404);
        assertThat(sealedBytes(ref)).isEmpty();

        given().header("Authorization", ADMIN).queryParam("limit", 50).get("/privacy/audit")
                .then().statusCode(200)
                .body("findAll { it.customerRef == '" + ref + "' }.action", hasItems("STORE", "EXPORT", "ERASE"))
                .body("actor", hasItem("admin"));
    }

    @Test
    void onlyTheChannelServiceMayStoreAndOnlyAdminsMayRead() {
        String ref = newRef();
        String body = """
                {"source": "woocommerce:shop.example", "externalId": "77", "email": "x@example.com"}""";
        given().header("Authorization", ADMIN).contentType("application/json").body(body)
                .put("/privacy/customers/" + ref).then().statusCode(403);
        given().contentType("application/json").body(body).put("/privacy/customers/" + ref).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("manager", "manager")).get("/privacy/customers/" + ref)
                .then().statusCode(403);
        given().header("Authorization", INGEST).get("/privacy/customers/" + ref).then().statusCode(403);
    }

    @Test
    void badInputIsAProblemNotA500() {
        given().header("Authorization", INGEST).contentType("application/json")
                .body("{\"source\": \"s\", \"externalId\": \"1\"}")
                .put("/privacy/customers/not-a-pseudonym")
                .then().statusCode(400).contentType("application/problem+json");
        store(newRef(), "{\"source\": \"s\", \"externalId\": \"1\", \"email\": \"no-at-sign\"}")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", ADMIN).contentType("application/json").body("{\"email\": \"not-an-address\"}")
                .post("/privacy/customers/lookup")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response store(String ref, String body) {
        return given().header("Authorization", INGEST).contentType("application/json").body(body)
                .put("/privacy/customers/" + ref);
    }

    private static String newRef() {
        return "cus_" + UUID.randomUUID().toString().replace("-", "");
    }

    private String sealedBytes(String ref) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sealed FROM customers WHERE customer_ref = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String(rs.getBytes(1), StandardCharsets.ISO_8859_1) : "";
            }
        }
    }
}
