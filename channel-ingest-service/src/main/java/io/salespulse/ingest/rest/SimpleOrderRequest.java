package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.PlausibleSaleTime;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleDraftRules;
import io.salespulse.ingest.domain.SaleLine;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The seed's order: one product, {@code price} per unit, {@code date} optional (now). Channel API, defaults for the rest. */
// Read as itself: the interface's deserializer would otherwise be inherited and call itself.
@JsonDeserialize(using = JsonDeserializer.None.class)
@TotalWithinLimit
@Schema(name = "SimpleOrder", description = "One product sold through the API; location, currency and externalId take their defaults.")
public record SimpleOrderRequest(
        @Schema(examples = "P-1001", required = true)
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String productId,

        @Schema(examples = "2", required = true, minimum = "1", maximum = "10000")
        @NotNull @Min(1) @Max(OrderRequest.MAX_QUANTITY)
        Integer quantity,

        @Schema(description = "Price of one unit, at most 2 decimals (a JSON string or number)", examples = "2.50",
                required = true)
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2)
        BigDecimal price,

        @Schema(description = "When the sale happened (ISO-8601); default now; at most 5 s in the future",
                examples = "2026-11-21T10:15:30Z")
        @PlausibleSaleTime
        Instant date) implements OrderRequest {

    @Override
    public Stream<BigDecimal> lineAmounts() {
        return SaleDraftRules.lineAmount(quantity, price);
    }

    @Override
    public SaleDraft toDraft(String callerSource) {
        return SaleDraft.builder(Channel.API, callerSource)
                .occurredAt(date)
                .lines(List.of(SaleLine.ofProduct(productId, quantity, price)))
                .build();
    }
}
