package io.salespulse.ingest.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The canonical sale event, data of topic sales.events.v1, exactly as deploy/contracts/sales.events.v1/sale-event.schema.json
 * describes it (this service owns that contract together with device-gateway). Absent optional fields are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaleEvent(UUID eventId, SaleType type, Channel channel, String source, String externalId,
                        String locationId, Instant occurredAt, String currency, List<SaleLine> lines,
                        String customerRef, String returnOf, String region, String country,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountTotal,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxTotal,
                        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal shippingTotal) {

    public SaleEvent {
        lines = List.copyOf(lines);
    }

    /** The Kafka key {@code channel:source:externalId}: every event of one order lands on one partition, in order. */
    @JsonIgnore
    public String key() {
        return channel + ":" + source + ":" + externalId;
    }
}
