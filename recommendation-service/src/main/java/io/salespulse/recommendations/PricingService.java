package io.salespulse.recommendations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.recommendations.client.InventoryClient;
import io.salespulse.recommendations.data.PriceSuggestionRepository;
import io.salespulse.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Applies a stored price suggestion: inventory-service owns prices, so the change is a {@code PUT /products/{id}}
 * there with the manager's own token (inventory records it in its product change history and publishes
 * {@code catalog.products.v1}); here {@code price_suggestions} keeps who applied which suggestion when.
 */
@ApplicationScoped
public class PricingService {

    public record Applied(UUID id, String productId, String locationId, BigDecimal previousPrice,
                          BigDecimal appliedPrice, Instant appliedAt) {
    }

    private final PriceSuggestionRepository suggestions;
    private final InventoryClient inventory;
    private final MeterRegistry registry;

    PricingService(PriceSuggestionRepository suggestions, @RestClient InventoryClient inventory, MeterRegistry registry) {
        this.suggestions = suggestions;
        this.inventory = inventory;
        this.registry = registry;
    }

    /** Applied suggestions, newest first. */
    public PriceSuggestionRepository.AppliedPage applied(int page, int size) {
        return suggestions.applied(page, size);
    }

    @WithSpan("PricingService.apply")
    public Applied apply(UUID id, String user) {
        var s = suggestions.find(id).orElseThrow(() ->
                new ProblemException(404, "Unknown price suggestion", "No price suggestion " + id));
        var now = Instant.now();
        if (!suggestions.claim(id, user, now)) {
            throw new ProblemException(409, "Already applied", "Price suggestion " + id + " was applied already");
        }
        try {
            var product = (ObjectNode) inventory.product(s.productId());
            var price = new BigDecimal(product.path("unitPrice").asText("0"));
            if (price.compareTo(s.currentPrice()) != 0) {
                throw new ProblemException(409, "Price changed",
                        "The price of " + s.productId() + " is " + price + " now, the suggestion was made for " + s.currentPrice());
            }
            product.put("unitPrice", s.suggestedPrice().toPlainString());
            product.remove("createdAt");
            product.remove("updatedAt");
            inventory.updateProduct(s.productId(), product);
            registry.counter("salespulse.recommendations.prices.applied").increment();
            return new Applied(id, s.productId(), s.locationId(), s.currentPrice(), s.suggestedPrice(), now);
        } catch (ProblemException e) {
            suggestions.unclaim(id);
            throw e;
        } catch (WebApplicationException e) {
            suggestions.unclaim(id);
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                throw new ProblemException(403, "Forbidden", "inventory-service refused the price change");
            }
            Log.warnf("inventory-service refused price change of %s: HTTP %d", s.productId(), status);
            throw new ProblemException(502, "Price not applied", "inventory-service answered " + status);
        } catch (RuntimeException e) {
            suggestions.unclaim(id);
            Log.warnf("price change of %s failed: %s", s.productId(), e.toString());
            throw new ProblemException(503, "Price not applied", "inventory-service unavailable, try again");
        }
    }
}
