package io.salespulse.recommendations.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.recommendations.PricingService;
import io.salespulse.recommendations.RecommendationService;
import io.salespulse.recommendations.domain.Promotion;
import io.salespulse.recommendations.domain.Weather;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Promotions and price suggestions. Blocking on purpose: the inputs come from blocking REST clients that
 * propagate the caller's token, which needs the request context of this thread.
 */
@Path("/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    public record PriceResponse(UUID id, String productId, String locationId, BigDecimal currentPrice,
                                BigDecimal suggestedPrice, BigDecimal changePct, String reason) {
    }

    public record RecommendationsResponse(Instant generatedAt, String source, List<Weather> weather,
                                          List<Promotion> promotions, List<PriceResponse> pricing,
                                          List<String> warnings) {
    }

    /** One applied price: who changed which product's price, from what to what, when. */
    public record AppliedPriceResponse(UUID id, String productId, String locationId, BigDecimal previousPrice,
                                       BigDecimal appliedPrice, String appliedBy, Instant appliedAt) {
    }

    public record AppliedPricesPage(List<AppliedPriceResponse> items, int page, int size, long totalItems) {
    }

    private final RecommendationService service;
    private final PricingService pricing;
    private final SecurityIdentity identity;

    RecommendationResource(RecommendationService service, PricingService pricing, SecurityIdentity identity) {
        this.service = service;
        this.pricing = pricing;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"admin", "manager", "analyst"})
    public RecommendationsResponse get(@QueryParam("locationId") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String locationId) {
        var issued = service.issue(Optional.ofNullable(locationId));
        var r = issued.recommendations();
        var prices = new ArrayList<PriceResponse>();
        for (int i = 0; i < r.pricing().size(); i++) {
            var p = r.pricing().get(i);
            var id = i < issued.pricingIds().size() ? issued.pricingIds().get(i) : null;
            prices.add(new PriceResponse(id, p.productId(), p.locationId(), p.currentPrice(), p.suggestedPrice(),
                    p.changePct(), p.reason()));
        }
        return new RecommendationsResponse(r.generatedAt(), r.source(), r.weather(), r.promotions(), prices, r.warnings());
    }

    /**
     * The audit of applied suggestions, newest first. inventory-service keeps the product's own change history
     * ({@code GET /products/{id}/changes}) for every price change, applied from here or not.
     */
    @GET
    @Path("/pricing/applied")
    @RolesAllowed({"admin", "manager", "analyst"})
    public AppliedPricesPage applied(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var result = pricing.applied(page, size);
        return new AppliedPricesPage(result.items().stream()
                .map(s -> new AppliedPriceResponse(s.id(), s.productId(), s.locationId(), s.currentPrice(),
                        s.suggestedPrice(), s.appliedBy(), s.appliedAt()))
                .toList(), page, size, result.totalItems());
    }

    /** Managers decide: a suggestion changes the price only through this call. */
    @POST
    @Path("/pricing/{id}/apply")
    @RolesAllowed({"admin", "manager"})
    public PricingService.Applied apply(@PathParam("id") UUID id) {
        return pricing.apply(id, identity.getPrincipal().getName());
    }
}
