package io.salespulse.ingest.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.ingest.domain.IngestResult;
import io.salespulse.ingest.domain.LocationNotPermittedException;
import io.salespulse.ingest.domain.ReturnGuard;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleIngestService;
import io.salespulse.ingest.domain.SourceNotPermittedException;
import io.salespulse.ingest.domain.SourcePolicy;
import io.salespulse.support.Problem;
import io.salespulse.support.security.StaffLocations;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * The public order API ({@code POST /api/orders} behind the gateway). It answers only after the Kafka acknowledgement,
 * so a 202 always means the sale is durably recorded, but it waits without a thread: the request stays on its event
 * loop and the answer is written when the idempotency key and the event are stored ({@link SaleIngestService#ingestAsync}).
 */
@Path("/orders")
@Tag(name = "Orders", description = "Sales entered through the API")
public class OrderResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final SaleIngestService ingest;
    private final ReturnGuard returns;
    private final JsonWebToken caller;
    private final SecurityIdentity identity;

    public OrderResource(SaleIngestService ingest, ReturnGuard returns, JsonWebToken caller,
                         SecurityIdentity identity) {
        this.ingest = ingest;
        this.returns = returns;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"clerk", "integration", "manager", "admin"})
    @Operation(summary = "Record a sale or return",
            description = "Accepts the simple one-product form or the full form with lines, publishes the canonical "
                    + "sale event to sales.events.v1 and answers once Kafka has acknowledged it. Retries with the same "
                    + "Idempotency-Key (or the same externalId within the source) return the first result.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {SimpleOrderRequest.class, FullOrderRequest.class})))
    @APIResponse(responseCode = "202", description = "Accepted: the sale event is in Kafka",
            headers = @Header(name = REPLAYED, description = "true when this answers a retry of an earlier request",
                    schema = @Schema(implementation = Boolean.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed order; errors[] names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller's role may not enter sales, or not for the source it "
            + "names: clerks and managers post as themselves or for a store (store:<locationId>); staff whose token "
            + "lists their stores (claim locations) only at those",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The first request with this key is still in progress (retry after "
            + "Retry-After), or a return would bring back more of a product than its sale (returnOf) sold, counting "
            + "earlier returns (title Return exceeds sale)",
            headers = @Header(name = "Retry-After", schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MB")
    @APIResponse(responseCode = "422", description = "The idempotency key was already used for a different order, or a "
            + "return names a product its sale does not have (title Product not in sale)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka (or the idempotency store) unavailable: not accepted; retry with the same key",
            headers = @Header(name = "Retry-After", schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<OrderAccepted>> create(
            @Valid @NotNull OrderRequest order,
            @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
                    description = "Client-chosen key (1-200 visible ASCII characters) making retries safe; kept 7 days")
            @RestHeader(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7E]+")
            String idempotencyKey) {
        long received = System.nanoTime();
        String callerSource = CallerSource.of(caller);
        SaleDraft draft = order.toDraft(callerSource);
        boolean namesAnySource = identity.hasRole("integration") || identity.hasRole("admin");
        if (!SourcePolicy.mayName(draft.source(), callerSource, namesAnySource)) {
            throw new SourceNotPermittedException(draft.source());
        }
        List<String> stores = StaffLocations.boundOf(identity, caller);
        if (!stores.isEmpty()) {
            // A bound clerk's sale that names no location is at their (first) store, not the web fulfilment centre.
            draft = draft.locationId() == null ? draft.atLocation(stores.get(0)) : draft;
            if (!SourcePolicy.mayRecordAt(draft.locationId(), draft.source(), stores)) {
                throw new LocationNotPermittedException(draft.locationId(), draft.source(), stores);
            }
        }
        SaleDraft sale = draft;
        return returns.refusal(sale)
                .chain(refusal -> refusal.isEmpty()
                        ? ingest.ingestAsync(sale, idempotencyKey, received)
                        // Refused now, yet perhaps a retry of this very return, accepted before it counted.
                        : ingest.acceptedBefore(sale, idempotencyKey).map(first -> first.orElseThrow(refusal::get)))
                .map(OrderResource::accepted);
    }

    private static RestResponse<OrderAccepted> accepted(IngestResult result) {
        RestResponse.ResponseBuilder<OrderAccepted> response =
                RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, OrderAccepted.of(result));
        if (result.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
