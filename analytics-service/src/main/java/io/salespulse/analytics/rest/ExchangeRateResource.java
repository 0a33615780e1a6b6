package io.salespulse.analytics.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.analytics.config.AnalyticsConfig;
import io.salespulse.analytics.domain.AwaitingRate;
import io.salespulse.analytics.domain.ExchangeRate;
import io.salespulse.analytics.domain.ExchangeRateService;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Exchange rates into the reporting currency (gateway: /api/analytics/exchange-rates). Orders in another currency
 * are counted at the rate of their business day; orders no rate covers wait, listed here, until one is set.
 */
@Path("/analytics/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exchange rates", description = "Rates into the reporting currency, and the orders waiting for one")
public class ExchangeRateResource {
    private final ExchangeRateService exchangeRates;
    private final SecurityIdentity identity;
    private final String reportingCurrency;

    public ExchangeRateResource(ExchangeRateService exchangeRates, SecurityIdentity identity,
                                AnalyticsConfig config) {
        this.exchangeRates = exchangeRates;
        this.identity = identity;
        this.reportingCurrency = config.currency();
    }

    @Schema(description = "One unit of currency is worth rate in the reporting currency from validFrom (a business "
            + "day) until the next rate of that currency")
    public record RateView(@Schema(example = "USD") String currency,
                           @Schema(example = "2026-12-01") LocalDate validFrom,
                           @Schema(type = SchemaType.STRING, example = "0.9234")
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
                           String setBy, Instant setAt) {
        static RateView of(ExchangeRate rate) {
            return new RateView(rate.currency(), rate.validFrom(), rate.rate(), rate.setBy(), rate.setAt());
        }
    }

    public record Rates(@Schema(example = "EUR") String reportingCurrency, List<RateView> rates,
                        @Schema(description = "Per currency, orders no rate covers yet: they are in no figure")
                        List<AwaitingRate> awaiting) {
    }

    public record RateRequest(
            @Schema(description = "First business day the rate applies to", example = "2026-12-01")
            @NotNull LocalDate validFrom,
            @Schema(type = SchemaType.STRING, description = "Reporting-currency units for one unit of the currency",
                    example = "0.9234")
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000")
            @Digits(integer = 7, fraction = 8) BigDecimal rate) {
    }

    public record RateSetView(RateView rate,
                              @Schema(description = "Waiting orders this rate let analytics count now")
                              int countedNow) {
    }

    @GET
    @RolesAllowed({"admin", "manager", "analyst"})
    @Operation(summary = "The exchange rates and the orders waiting for one")
    @APIResponse(responseCode = "200", description = "Rates by currency and valid-from",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rates.class)))
    public Rates rates() {
        return new Rates(reportingCurrency, exchangeRates.all().stream().map(RateView::of).toList(),
                exchangeRates.waiting());
    }

    @PUT
    @Path("/{currency}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Set the rate of a currency from a business day on",
            description = "Replaces the rate of the same currency and day. Orders counted before keep the rate they "
                    + "were counted at; waiting orders the rate covers are counted at once.")
    @APIResponse(responseCode = "200", description = "The stored rate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RateSetView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rate or date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown currency, or the reporting currency itself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RateSetView setRate(
            @RestPath @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
            @Valid @NotNull RateRequest request) {
        if (currency.equals(reportingCurrency)) {
            throw new ProblemException(422, "Reporting currency",
                    currency + " is the reporting currency: its orders need no rate");
        }
        if (!isIsoCurrency(currency)) {
            throw new ProblemException(422, "Unknown currency", currency + " is not an ISO 4217 currency");
        }
        ExchangeRateService.RateSet set = exchangeRates.setRate(currency, request.validFrom(),
                request.rate().stripTrailingZeros(), identity.getPrincipal().getName());
        return new RateSetView(RateView.of(set.rate()), set.countedNow());
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
