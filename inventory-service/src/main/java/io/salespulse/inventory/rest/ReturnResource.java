package io.salespulse.inventory.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.inventory.StockService;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.support.security.StaffLocations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Returns recorded at a store's counter or the returns desk, including damaged goods, which sale events cannot mark
 * (their lines have no condition): those go to the quarantine location. Clerks handle returns (ARCHITECTURE.md); one
 * bound to stores (token claim {@code locations}) only those of their stores' sales.
 */
@Path("/inventory/returns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnResource {
    private final StockService stock;
    private final SecurityIdentity identity;
    private final JsonWebToken caller;
    private final Duration halfLife;

    public ReturnResource(StockService stock, SecurityIdentity identity, JsonWebToken caller, InventoryConfig config) {
        this.stock = stock;
        this.identity = identity;
        this.caller = caller;
        this.halfLife = config.velocityHalfLife();
    }

    /**
     * returnOf: the sale's eventId (checked against the sale when inventory has seen it) or another reference of the
     * original sale; locationId: where it was sold, needed only when the sale is unknown to inventory.
     */
    public record ReturnRequest(@NotBlank @Pattern(regexp = BadRequests.ID_PATTERN) String productId,
                                @Pattern(regexp = BadRequests.ID_PATTERN) String locationId,
                                @NotNull @Min(1) @Max(1_000_000) Integer quantity,
                                Boolean damaged,
                                @NotBlank @Size(max = 200) String returnOf,
                                @Size(max = 400) String note) {
    }

    /**
     * saleVerified: the sale was found and the return checked against it; originalLocationId: where it was sold
     * (null when unknown to inventory); restockedAt: where the units went (the quarantine location when damaged).
     */
    public record ReturnResponse(UUID returnId, String productId, int quantity, boolean damaged, String returnOf,
                                 boolean saleVerified, String originalLocationId, String restockedAt,
                                 InventoryResource.MovementRow movement, InventoryResource.InventoryRow level) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK})
    public Response record(@Valid @NotNull ReturnRequest request) {
        boolean damaged = Boolean.TRUE.equals(request.damaged());
        StockService.Return recorded = stock.recordReturn(request.productId(), request.locationId(),
                request.quantity(), damaged, request.returnOf().strip(), request.note(),
                new StockService.Staff(identity.getPrincipal().getName(), StaffLocations.boundOf(identity, caller)));
        Instant now = Instant.now();
        var body = new ReturnResponse(recorded.returnId(), recorded.productId(), request.quantity(), damaged,
                recorded.returnOf(), recorded.saleVerified(), recorded.originalLocationId(),
                recorded.restockLocationId(),
                InventoryResource.MovementRow.of(recorded.change().movements().get(0)),
                InventoryResource.InventoryRow.of(recorded.change().levels().get(0), now, halfLife));
        return Response.status(Response.Status.CREATED).entity(body).build();
    }
}
