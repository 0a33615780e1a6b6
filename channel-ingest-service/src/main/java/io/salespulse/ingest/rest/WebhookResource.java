package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.webhook.WebhookIntake;
import io.salespulse.support.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Marketplace and web shop webhooks ({@code /webhooks/...}, forwarded unchanged and unauthenticated by the gateway).
 * The HMAC signature of the raw body is the authorization decision, so these methods take no bearer token and read
 * the body as bytes: verification runs on exactly what was signed, before anything parses it. An authentic delivery is
 * answered 200 as soon as it is durably recorded; it is mapped and published asynchronously.
 */
@Path("/webhooks")
@Tag(name = "Webhooks", description = "Orders from Shopify, WooCommerce and configured marketplaces, verified by HMAC")
@PermitAll
public class WebhookResource {
    private final WebhookIntake intake;

    public WebhookResource(WebhookIntake intake) {
        this.intake = intake;
    }

    @POST
    @Path("/shopify")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Shopify webhook (orders/create, refunds/create)",
            description = "Verifies X-Shopify-Hmac-Sha256 with the secret of X-Shopify-Shop-Domain, records the "
                    + "delivery (deduplicated on X-Shopify-Event-Id, else X-Shopify-Webhook-Id) and answers 200; the "
                    + "order becomes a MARKETPLACE sale event asynchronously.")
    @APIResponse(responseCode = "200", description = "Authentic: recorded (or a redelivery, or a topic not used)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "401", description = "Unknown shop, no signature or a wrong one; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MB")
    public WebhookAnswer shopify(@RestHeader("X-Shopify-Shop-Domain") String shopDomain,
                                 @RestHeader("X-Shopify-Topic") String topic,
                                 @RestHeader("X-Shopify-Hmac-Sha256") String signature,
                                 @RestHeader("X-Shopify-Event-Id") String eventId,
                                 @RestHeader("X-Shopify-Webhook-Id") String webhookId,
                                 byte[] body) {
        return WebhookAnswer.of(intake.shopify(shopDomain, topic, signature, eventId, webhookId, bytes(body)));
    }

    @POST
    @Path("/woocommerce")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "WooCommerce webhook (order.created, order.updated)",
            description = "Verifies X-WC-Webhook-Signature with the secret of X-WC-Webhook-Source, records the delivery "
                    + "(deduplicated on X-WC-Webhook-Delivery-ID; orders on their id) and answers 200. WooCommerce's "
                    + "unsigned ping (body webhook_id=<n>) is answered 200.")
    @APIResponse(responseCode = "200", description = "Authentic (or the ping)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "401", description = "Unknown site, no signature or a wrong one; nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MB")
    public WebhookAnswer wooCommerce(@RestHeader("X-WC-Webhook-Source") String site,
                                     @RestHeader("X-WC-Webhook-Topic") String topic,
                                     @RestHeader("X-WC-Webhook-Signature") String signature,
                                     @RestHeader("X-WC-Webhook-Delivery-ID") String deliveryId,
                                     byte[] body) {
        return WebhookAnswer.of(intake.wooCommerce(site, topic, signature, deliveryId, bytes(body)));
    }

    @POST
    @Path("/marketplace/{name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Webhook of a configured marketplace",
            description = "Signed and mapped as salespulse.marketplaces.<name>.* configures it (signature header, "
                    + "encoding, JSON Pointer mapping to the canonical sale).")
    @APIResponse(responseCode = "200", description = "Authentic: recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "401", description = "Unknown marketplace, no signature or a wrong one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MB")
    public WebhookAnswer marketplace(@RestPath String name, HttpHeaders headers, byte[] body) {
        return WebhookAnswer.of(intake.marketplace(name, headers::getHeaderString, bytes(body)));
    }

    private static byte[] bytes(byte[] body) {
        return body == null ? new byte[0] : body;
    }
}
