package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.IsoCurrency;
import io.salespulse.ingest.domain.PlausibleSaleTime;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleDraftRules;
import io.salespulse.ingest.domain.SaleType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The full form: several lines, the caller's own order id, channel, source, location, currency, returns. */
// Read as itself: the interface's deserializer would otherwise be inherited and call itself.
@JsonDeserialize(using = JsonDeserializer.None.class)
@ConsistentReturn
@TotalWithinLimit
@Schema(name = "FullOrder", description = "An order or return with lines; absent fields take their defaults.")
public record FullOrderRequest(
        @Schema(description = "The order's id in the calling system; default a new UUID. Within its source it is also "
                + "the idempotency key when no Idempotency-Key header is sent.", examples = "WEB-100234")
        @Size(min = 1, max = 200) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String externalId,

        @Schema(description = "Default API")
        Channel channel,

        @Schema(description = "Origin within the channel; default api:<caller>", examples = "webshop:main")
        @Size(min = 1, max = 200) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String source,

        @Schema(description = "Where the stock moves; default WEB-FC (ingest.default-location)", examples = "ST-001")
        @Size(min = 1, max = 64) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String locationId,

        @Schema(description = "ISO 4217; default EUR (ingest.default-currency)", examples = "EUR")
        @IsoCurrency
        String currency,

        @Schema(description = "When the sale happened (ISO-8601); default now; at most 5 s in the future")
        @PlausibleSaleTime
        Instant occurredAt,

        @Schema(description = "Pseudonym of the customer, never personal data", examples = "c-5f2a9b")
        @Size(min = 1, max = 128) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String customerRef,

        @Schema(required = true, minItems = 1, maxItems = 1000)
        @NotNull @Size(min = 1, max = 1000)
        List<@NotNull @Valid LineRequest> lines,

        @Schema(description = "Default SALE")
        SaleType type,

        @Schema(description = "For a RETURN (required then): the original sale's eventId or externalId")
        @Size(min = 1, max = 200) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String returnOf) implements OrderRequest {

    @Override
    public Stream<BigDecimal> lineAmounts() {
        return lines == null ? Stream.empty() : lines.stream()
                .filter(line -> line != null)
                .flatMap(line -> SaleDraftRules.lineAmount(line.quantity(), line.unitPrice()));
    }

    @Override
    public SaleDraft toDraft(String callerSource) {
        return SaleDraft.builder(channel == null ? Channel.API : channel, source == null ? callerSource : source)
                .type(type)
                .externalId(externalId)
                .locationId(locationId)
                .occurredAt(occurredAt)
                .currency(currency)
                .customerRef(customerRef)
                .returnOf(returnOf)
                .lines(lines.stream().map(LineRequest::toSaleLine).toList())
                .build();
    }
}
