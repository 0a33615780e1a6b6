package io.salespulse.ingest.rest;

import io.salespulse.ingest.data.StoredDelivery;
import io.salespulse.ingest.data.WebhookDeliveryRepository;
import io.salespulse.support.Problem;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What became of one webhook delivery ({@code /api/ingest/webhooks/deliveries/{id}}), for support and operations. */
@Path("/ingest/webhooks/deliveries")
@Tag(name = "Webhooks")
public class WebhookDeliveryResource {
    private final WebhookDeliveryRepository deliveries;

    public WebhookDeliveryResource(WebhookDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "manager"})
    @Operation(summary = "The status of a webhook delivery (the deliveryId of its 200 answer)")
    @APIResponse(responseCode = "200", description = "The delivery, without its body",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Delivery.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or forgotten after ingest.webhooks.retention",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Delivery get(@RestPath UUID id) {
        StoredDelivery delivery = deliveries.find(id)
                .orElseThrow(() -> new ProblemException(404, "Not Found", "No webhook delivery " + id));
        return new Delivery(delivery.id(), delivery.channel().tag(), delivery.source(), delivery.topic(),
                delivery.deliveryId(), delivery.receivedAt(), delivery.verification(), delivery.status().name(),
                delivery.attempts(), delivery.redeliveries(), delivery.lastError(), delivery.processedAt(),
                delivery.eventIds());
    }

    /** A webhook delivery as the API shows it. */
    @Schema(name = "WebhookDelivery")
    public record Delivery(UUID id, String channel, String source, String topic,
                           @Schema(description = "The platform's delivery or event id") String deliveryId,
                           Instant receivedAt,
                           @Schema(description = "SECRET_1 (current) or SECRET_2 (previous, during a rotation)")
                           String verification,
                           @Schema(enumeration = {"PENDING", "PROCESSED", "DUPLICATE", "IGNORED", "DEAD_LETTERED"})
                           String status,
                           int attempts, int redeliveries,
                           @Schema(description = "Why it was ignored or dead-lettered, or the last retried error")
                           String note,
                           Instant processedAt, List<UUID> eventIds) {
    }
}
