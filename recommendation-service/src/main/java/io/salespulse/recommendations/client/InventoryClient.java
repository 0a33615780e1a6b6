package io.salespulse.recommendations.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.util.Map;

/**
 * inventory-service's read API (its README). The caller's Authorization header is propagated
 * ({@code org.eclipse.microprofile.rest.client.propagateHeaders}), so inventory checks the user's own roles.
 */
@RegisterRestClient(configKey = "inventory")
@RegisterClientHeaders
public interface InventoryClient {

    /** inventory-service caps list pages at 200 products / locations and 500 levels / lots. */
    int MAX_CATALOG_PAGE = 200;
    int MAX_STOCK_PAGE = 500;

    @GET
    @Path("/products")
    Page<ProductRow> products(@QueryParam("active") Boolean active, @QueryParam("page") int page, @QueryParam("size") int size);

    /** The product as inventory-service serves it, kept whole so that a PUT changes nothing but the price. */
    @GET
    @Path("/products/{id}")
    com.fasterxml.jackson.databind.JsonNode product(@jakarta.ws.rs.PathParam("id") String id);

    @jakarta.ws.rs.PUT
    @Path("/products/{id}")
    com.fasterxml.jackson.databind.JsonNode updateProduct(@jakarta.ws.rs.PathParam("id") String id,
                                                          com.fasterxml.jackson.databind.JsonNode product);

    @GET
    @Path("/locations")
    Page<LocationRow> locations(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/inventory")
    Page<LevelRow> inventory(@QueryParam("locationId") String locationId, @QueryParam("page") int page,
                             @QueryParam("size") int size);

    @GET
    @Path("/inventory/expiring")
    Page<LotRow> expiring(@QueryParam("days") int days, @QueryParam("locationId") String locationId,
                          @QueryParam("size") int size);

    record ProductRow(String id, String name, String categoryId, BigDecimal unitPrice, BigDecimal unitCost,
                      String currency, Map<String, Object> attributes, Boolean active) {
    }

    record LocationRow(String id, String name, String kind, String region, Double latitude, Double longitude,
                       String timeZone, Boolean active) {
    }

    record LevelRow(String productId, String locationId, Long onHand, Long available, Long targetLevel,
                    BigDecimal salesVelocityPerHour) {
    }

    record LotRow(String productId, String locationId, String lotCode, Integer daysToExpiry, Boolean expired,
                  Long quantityOnHand) {
    }
}
