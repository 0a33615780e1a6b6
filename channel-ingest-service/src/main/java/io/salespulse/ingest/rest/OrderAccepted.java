package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.IngestResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Answer of an accepted order: its event is durably in Kafka. */
@Schema(name = "OrderAccepted")
public record OrderAccepted(
        @Schema(description = "Id of the sale event, carried end to end") UUID eventId,
        @Schema(description = "The order's externalId (generated when none was sent)") String externalId,
        @Schema(enumeration = "ACCEPTED") String status) {

    public static OrderAccepted of(IngestResult result) {
        return new OrderAccepted(result.eventId(), result.externalId(), "ACCEPTED");
    }
}
