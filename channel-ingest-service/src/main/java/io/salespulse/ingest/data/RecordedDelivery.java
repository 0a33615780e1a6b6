package io.salespulse.ingest.data;

import java.util.UUID;

/** The outcome of recording a delivery: its row, and whether it had been received before (a redelivery). */
public record RecordedDelivery(UUID id, boolean redelivery, DeliveryStatus status) {
}
