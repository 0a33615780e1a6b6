package io.salespulse.inventory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.salespulse.inventory.support.KafkaRecorder;
import io.salespulse.inventory.support.TestCatalog;
import io.salespulse.support.Topics;
import io.salespulse.testsupport.Contracts;
import io.salespulse.testsupport.InfraTestResource;
import io.salespulse.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.salespulse.inventory.support.TestCatalog.ADMIN;
import static io.salespulse.inventory.support.TestCatalog.CLERK;
import static io.salespulse.inventory.support.TestCatalog.DEVICE;
import static io.salespulse.inventory.support.TestCatalog.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The catalog through its REST API, and the compacted catalog topics other services rebuild it from. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CatalogIT {
    private static final String ANALYST = TestTokens.bearer("analyst-1", "analyst");
    private static KafkaRecorder products;
    private static KafkaRecorder locations;

    @BeforeAll
    static void listen() {
        products = KafkaRecorder.of(Topics.CATALOG_PRODUCTS);
        locations = KafkaRecorder.of(Topics.CATALOG_LOCATIONS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        products.close();
        locations.close();
    }

    @Test
    void aProductIsCreatedFoundByScannersUpdatedAndPublishedEachTime() {
        String drinks = TestCatalog.category(null, "Drinks");
        String soft = TestCatalog.category(drinks, "Soft drinks");
        String id = TestCatalog.uniqueId("P");
        Map<String, Object> body = TestCatalog.productBody(id, soft, "1.90");
        String gtin = (String) body.get("gtin");

        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/products")
                .then().statusCode(201)
                .header("Location", containsString("/products/" + id))
                .body("id", is(id)).body("unitPrice", is(1.90f)).body("active", is(true))
                .body("attributes.size", is("330 ml"));

        given().header("Authorization", CLERK).when().get("/products/{id}", id)
                .then().statusCode(200).body("sku", is("SKU-" + id)).body("gtin", is(gtin));
        given().header("Authorization", DEVICE).when().get("/products/by-sku/{sku}", "SKU-" + id)
                .then().statusCode(200).body("id", is(id));
        // a scanner reading the GTIN-14 form of the same EAN finds it too
        given().header("Authorization", DEVICE).when().get("/products/by-gtin/{gtin}", "0" + gtin)
                .then().statusCode(200).body("id", is(id));

        body.put("name", "Cola zero " + id);
        body.put("unitPrice", "2.10");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().put("/products/{id}", id)
                .then().statusCode(200).body("name", is("Cola zero " + id)).body("unitPrice", is(2.10f));

        await().atMost(Duration.ofSeconds(20)).until(() -> products.withKey(id).size() == 2);
        List<KafkaRecorder.Received> published = products.withKey(id);
        published.forEach(r -> Contracts.assertValid("catalog.products.v1/product", r.value()));
        KafkaRecorder.Received latest = published.get(1);
        assertThat(latest.ceType()).isEqualTo("io.salespulse.product.v1");
        assertThat(latest.ceSource()).isEqualTo("/inventory-service");
        assertThat(latest.json().get("name").asText()).isEqualTo("Cola zero " + id);
        assertThat(latest.json().get("unitPrice").asText()).isEqualTo("2.10");
        assertThat(latest.json().get("categoryPath").toString()).isEqualTo(
                "[\"Drinks " + drinks + "\",\"Soft drinks " + soft + "\"]");
    }

    @Test
    void listsFilterByCategoryIncludingSubCategoriesSortAndPage() {
        String root = TestCatalog.category(null, "Snacks");
        String crisps = TestCatalog.category(root, "Crisps");
        String chocolate = TestCatalog.category(root, "Chocolate");
        String other = TestCatalog.category(null, "Other");
        String cheap = create(crisps, "0.99");
        String middle = create(chocolate, "1.49");
        String dear = create(root, "3.50");
        create(other, "9.99");

        given().header("Authorization", CLERK)
                .queryParam("categoryId", root).queryParam("sort", "-unitPrice").queryParam("size", 2)
                .when().get("/products")
                .then().statusCode(200)
                .body("totalItems", is(3)).body("page", is(0)).body("size", is(2))
                .body("items.id", contains(dear, middle));
        given().header("Authorization", CLERK)
                .queryParam("categoryId", root).queryParam("sort", "-unitPrice").queryParam("size", 2)
                .queryParam("page", 1)
                .when().get("/products")
                .then().statusCode(200).body("items.id", contains(cheap));
        given().header("Authorization", CLERK).queryParam("q", cheap.toLowerCase())
                .when().get("/products")
                .then().statusCode(200).body("items.id", contains(cheap));
        given().header("Authorization", CLERK).queryParam("sort", "price")
                .when().get("/products")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("sort"));
        given().header("Authorization", CLERK).when().get("/categories")
                .then().statusCode(200).body("find { it.id == '" + root + "' }.children.id", hasItem(crisps));
    }

    @Test
    void badInputAnswersWithProblems() {
        String category = TestCatalog.category(null, "Problems");
        String id = TestCatalog.uniqueId("P");
        Map<String, Object> body = TestCatalog.productBody(id, category, "1.00");

        body.put("gtin", "4006381333932");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/products")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", is("Invalid GTIN")).body("detail", containsString("expected 1, got 2"));
        given().header("Authorization", CLERK).when().get("/products/by-gtin/{gtin}", "4006381333932")
                .then().statusCode(422);

        body.put("gtin", TestCatalog.randomGtin13());
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/products").then().statusCode(201);
        Map<String, Object> sameSku = TestCatalog.productBody(TestCatalog.uniqueId("P"), category, "1.00");
        sameSku.put("sku", body.get("sku"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(sameSku)
                .when().post("/products").then().statusCode(409).body("title", is("Duplicate SKU"));
        Map<String, Object> sameGtin = TestCatalog.productBody(TestCatalog.uniqueId("P"), category, "1.00");
        sameGtin.put("gtin", body.get("gtin"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(sameGtin)
                .when().post("/products").then().statusCode(409).body("title", is("Duplicate GTIN"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/products").then().statusCode(409).body("title", is("Duplicate product"));

        given().header("Authorization", CLERK).when().get("/products/{id}", "P-NOPE").then().statusCode(404);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(TestCatalog.productBody("P-NOPE", category, "1.00"))
                .when().put("/products/{id}", "P-NOPE").then().statusCode(404);
        Map<String, Object> noCategory = TestCatalog.productBody(TestCatalog.uniqueId("P"), "nope", "1.00");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(noCategory)
                .when().post("/products").then().statusCode(422).body("title", is("Unknown category"));
        Map<String, Object> threeDecimals = TestCatalog.productBody(TestCatalog.uniqueId("P"), category, "1.005");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(threeDecimals)
                .when().post("/products").then().statusCode(400).body("errors[0].field", is("unitPrice"));
    }

    @Test
    void rolesAreEnforced() {
        String category = TestCatalog.category(null, "Roles");
        Map<String, Object> body = TestCatalog.productBody(TestCatalog.uniqueId("P"), category, "1.00");

        given().contentType(ContentType.JSON).body(body).when().post("/products").then().statusCode(401);
        given().when().get("/products").then().statusCode(401);
        given().header("Authorization", CLERK).contentType(ContentType.JSON).body(body)
                .when().post("/products")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", MANAGER).when().post("/products/republish").then().statusCode(403);
        given().header("Authorization", CLERK).when().get("/products").then().statusCode(200);
        given().header("Authorization", ADMIN).when().post("/products/republish")
                .then().statusCode(202).body("products", greaterThan(0));
    }

    @Test
    void locationsArePublishedAndValidated() {
        String id = TestCatalog.store();

        await().atMost(Duration.ofSeconds(20)).until(() -> !locations.withKey(id).isEmpty());
        KafkaRecorder.Received published = locations.withKey(id).get(0);
        Contracts.assertValid("catalog.locations.v1/location", published.value());
        assertThat(published.ceType()).isEqualTo("io.salespulse.location.v1");
        assertThat(published.json().get("timeZone").asText()).isEqualTo("Europe/Berlin");

        given().header("Authorization", CLERK).queryParam("kind", "STORE").queryParam("region", "DACH")
                .queryParam("size", 200)
                .when().get("/locations").then().statusCode(200).body("items.id", hasItem(id));
        Map<String, Object> badZone = Map.of("name", "Somewhere", "kind", "STORE", "region", "DACH",
                "timeZone", "Mars/Olympus");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(badZone)
                .when().put("/locations/{id}", id)
                .then().statusCode(422).body("title", equalTo("Invalid time zone"));
    }

    @Test
    void categoriesAreRenamedAndMovedButNeverUnderThemselves() {
        String top = TestCatalog.category(null, "Household");
        String middle = TestCatalog.category(top, "Cleaning");
        String leaf = TestCatalog.category(middle, "Sponges");
        String other = TestCatalog.category(null, "Kitchen");
        String sibling = TestCatalog.category(other, "Cloths");
        String product = TestCatalog.product(leaf);

        // rename and move the leaf (with its product) under another root
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Scrubbers " + leaf, "parentId", other))
                .when().put("/categories/{id}", leaf)
                .then().statusCode(200).body("id", is(leaf)).body("name", is("Scrubbers " + leaf))
                .body("parentId", is(other));
        given().header("Authorization", CLERK).when().get("/categories")
                .then().statusCode(200)
                .body("find { it.id == '" + other + "' }.children.id", hasItem(leaf))
                .body("find { it.id == '" + top + "' }.children.find { it.id == '" + middle + "' }.children",
                        empty());
        // the product's categoryPath changed, so it is published again with the new path
        await().atMost(Duration.ofSeconds(20)).until(() -> products.withKey(product).size() == 2);
        KafkaRecorder.Received republished = products.withKey(product).get(1);
        Contracts.assertValid("catalog.products.v1/product", republished.value());
        assertThat(republished.json().get("categoryPath").toString()).isEqualTo(
                "[\"Kitchen " + other + "\",\"Scrubbers " + leaf + "\"]");

        // under itself or a descendant: a cycle
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "Household " + top, "parentId", middle))
                .when().put("/categories/{id}", top)
                .then().statusCode(409).contentType("application/problem+json").body("title", is("Category cycle"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Household " + top, "parentId", top))
                .when().put("/categories/{id}", top)
                .then().statusCode(409).body("title", is("Category cycle"));
        // a sibling already has the name (case-insensitively)
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", ("Cloths " + sibling).toUpperCase(), "parentId", other))
                .when().put("/categories/{id}", leaf)
                .then().statusCode(409).body("title", is("Duplicate category name"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("name", "Anything", "parentId", "no-such-parent"))
                .when().put("/categories/{id}", middle)
                .then().statusCode(422).body("title", is("Unknown parent category"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(Map.of("name", "Anything"))
                .when().put("/categories/{id}", "no-such-category")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(Map.of("id", other, "name", "Anything"))
                .when().put("/categories/{id}", middle)
                .then().statusCode(400).body("errors[0].field", is("id"));
        given().header("Authorization", CLERK).contentType(ContentType.JSON).body(Map.of("name", "Anything"))
                .when().put("/categories/{id}", middle)
                .then().statusCode(403);

        // no parent: the category becomes a root
        Map<String, Object> toRoot = new HashMap<>();
        toRoot.put("name", "Cleaning " + middle);
        toRoot.put("parentId", null);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(toRoot)
                .when().put("/categories/{id}", middle)
                .then().statusCode(200).body("parentId", nullValue());
        given().header("Authorization", CLERK).when().get("/categories")
                .then().statusCode(200).body("id", hasItem(middle));
    }

    @Test
    void productWritesAreAuditedWithTheUserAndThePriceBeforeAndAfter() {
        String category = TestCatalog.category(null, "Audited");
        String id = TestCatalog.uniqueId("P");
        Map<String, Object> body = TestCatalog.productBody(id, category, "1.90");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().post("/products").then().statusCode(201);

        body.put("unitPrice", "2.10");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().put("/products/{id}", id).then().statusCode(200);
        body.put("unitCost", "0.65");
        body.put("name", "Renamed " + id);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .when().put("/products/{id}", id).then().statusCode(200);

        given().header("Authorization", ANALYST).when().get("/products/{id}/changes", id)
                .then().statusCode(200)
                .body("totalItems", is(3)).body("page", is(0))
                .body("items.kind", contains("UPDATE", "UPDATE", "CREATE"))
                .body("items.changedBy", contains("admin-1", "manager-1", "manager-1"))
                // newest: the cost changed, the price did not
                .body("items[0].oldUnitPrice", is(2.10f)).body("items[0].newUnitPrice", is(2.10f))
                .body("items[0].oldUnitCost", is(0.50f)).body("items[0].newUnitCost", is(0.65f))
                .body("items[0].before.name", is("Product " + id)).body("items[0].after.name", is("Renamed " + id))
                // the price change, with the user who made it
                .body("items[1].oldUnitPrice", is(1.90f)).body("items[1].newUnitPrice", is(2.10f))
                .body("items[1].before.unitPrice", is("1.90")).body("items[1].after.unitPrice", is("2.10"))
                .body("items[2].oldUnitPrice", nullValue()).body("items[2].before", nullValue())
                .body("items[2].newUnitPrice", is(1.90f));
        given().header("Authorization", MANAGER).queryParam("size", 1).queryParam("page", 1)
                .when().get("/products/{id}/changes", id)
                .then().statusCode(200).body("totalItems", is(3)).body("items.changedBy", contains("manager-1"))
                .body("items[0].newUnitPrice", is(2.10f));

        // a refused update leaves no audit row
        body.put("categoryId", "no-such-category");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body)
                .when().put("/products/{id}", id).then().statusCode(422);
        given().header("Authorization", ADMIN).when().get("/products/{id}/changes", id)
                .then().statusCode(200).body("totalItems", is(3));

        given().header("Authorization", CLERK).when().get("/products/{id}/changes", id).then().statusCode(403);
        given().header("Authorization", ANALYST).when().get("/products/{id}/changes", "P-NOPE")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", ANALYST).queryParam("size", 0).when().get("/products/{id}/changes", id)
                .then().statusCode(400);
    }

    private static String create(String categoryId, String price) {
        String id = TestCatalog.uniqueId("P");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body(TestCatalog.productBody(id, categoryId, price))
                .when().post("/products").then().statusCode(201);
        return id;
    }
}
