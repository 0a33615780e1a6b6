package io.salespulse.inventory.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.inventory.AlertService;
import io.salespulse.inventory.data.AlertRepository;
import io.salespulse.inventory.domain.Alert;
import io.salespulse.inventory.domain.AlertState;
import io.salespulse.inventory.domain.AlertType;
import io.salespulse.inventory.domain.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Stock alerts: the list for the back office, acknowledgement by managers. */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {
    private final AlertService alerts;
    private final SecurityIdentity identity;

    public AlertResource(AlertService alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    public record AlertResponse(UUID alertId, AlertType type, AlertState state, String productId, String locationId,
                                String message, Map<String, Object> details, Instant raisedAt,
                                Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt) {
        static AlertResponse of(Alert a) {
            return new AlertResponse(a.alertId(), a.type(), a.state(), a.productId(), a.locationId(), a.message(),
                    a.details(), a.raisedAt(), a.acknowledgedAt(), a.acknowledgedBy(), a.resolvedAt());
        }
    }

    /** Newest first. Filters: type, state, productId, locationId. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public PageResponse<AlertResponse> list(@QueryParam("type") String type, @QueryParam("state") String state,
                                            @QueryParam("productId") String productId,
                                            @QueryParam("locationId") String locationId,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var filter = new AlertRepository.Filter(BadRequests.enumValue("type", type, AlertType.class),
                BadRequests.enumValue("state", state, AlertState.class), productId, locationId);
        return PageResponse.of(alerts.list(filter, new PageRequest(page, size)), AlertResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public AlertResponse get(@PathParam("id") UUID id) {
        return AlertResponse.of(alerts.find(id));
    }

    /** RAISED -> ACKNOWLEDGED (again: no change); 409 once resolved. The alert stays open until stock recovers. */
    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public AlertResponse acknowledge(@PathParam("id") UUID id) {
        return AlertResponse.of(alerts.acknowledge(id, identity.getPrincipal().getName()));
    }
}
