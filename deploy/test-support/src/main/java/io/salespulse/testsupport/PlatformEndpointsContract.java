package io.salespulse.testsupport;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * The operator endpoints every data service exposes, against real PostgreSQL and Kafka. A service's test extends it
 * and carries the Quarkus annotations:
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(InfraTestResource.class)
 * &#64;WithTestResource(OidcWiremockTestResource.class)
 * class PlatformEndpointsIT extends PlatformEndpointsContract { ... }
 * </pre>
 */
public abstract class PlatformEndpointsContract {

    /** A word of the service's OpenAPI title, e.g. "Orders". */
    protected abstract String apiTitle();

    @Test
    void readinessChecksTheRealDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", containsString(apiTitle()));
    }

    @Test
    void applicationPathsNeedAToken() {
        given().when().get("/anything").then().statusCode(401);
    }
}
