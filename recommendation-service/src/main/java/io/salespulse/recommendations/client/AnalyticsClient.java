package io.salespulse.recommendations.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** analytics-service's dashboard document (its README, {@code GET /analytics}); only the parts we use. */
@RegisterRestClient(configKey = "analytics")
@RegisterClientHeaders
public interface AnalyticsClient {

    @GET
    @Path("/analytics")
    Snapshot snapshot();

    /** {@code lastHour} is one entry per minute of the last hour, oldest first. */
    record Snapshot(String currency, Figures today, Figures lastMinute, List<Figures> lastHour,
                    List<TopProduct> topProducts, List<TopProduct> topProductsByUnits,
                    List<TopProduct> topProductsLastMinute) {
    }

    /** Money is a string with two decimals on this API. */
    record Figures(String revenue, Long orders) {
    }

    record TopProduct(String productId, String name, Long units, String revenue) {
    }
}
