package io.salespulse.inventory.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.inventory.ReconciliationService;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Reconciliation;
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
import java.util.List;
import java.util.UUID;

/** RFID cycle counts compared with the books (shrinkage), and their application by a manager. */
@Path("/inventory/reconciliations")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {
    private final ReconciliationService reconciliations;
    private final SecurityIdentity identity;

    public ReconciliationResource(ReconciliationService reconciliations, SecurityIdentity identity) {
        this.reconciliations = reconciliations;
        this.identity = identity;
    }

    /**
     * One reconciliation. Differences are observed - expected: shrinkageUnits adds up the units missing,
     * surplusUnits those found beyond the books; unknownGtins counts GTINs the catalog does not know.
     */
    public record ReconciliationSummary(UUID reconciliationId, String locationId, String deviceId, String zone,
                                        Instant startedAt, Instant countedAt, Instant recordedAt,
                                        Reconciliation.Status status, int productsCounted, int productsDiffering,
                                        int unitsExpected, int unitsObserved, int shrinkageUnits, int surplusUnits,
                                        int unknownGtins, Instant appliedAt, String appliedBy) {
        static ReconciliationSummary of(Reconciliation r) {
            return new ReconciliationSummary(r.reconciliationId(), r.locationId(), r.deviceId(), r.zone(),
                    r.startedAt(), r.countedAt(), r.recordedAt(), r.status(), r.productsCounted(),
                    r.productsDiffering(), r.unitsExpected(), r.unitsObserved(), r.shrinkageUnits(),
                    r.surplusUnits(), r.unknownGtins(), r.appliedAt(), r.appliedBy());
        }
    }

    /** One product counted; productId, expected and difference are null for a GTIN the catalog does not know. */
    public record LineRow(int lineNo, String gtin, String productId, Integer expected, int observed,
                          Integer difference) {
        static LineRow of(Reconciliation.Line line) {
            return new LineRow(line.lineNo(), line.gtin(), line.productId(), line.expected(), line.observed(),
                    line.difference());
        }
    }

    /** A reconciliation with its lines; after applying it, also the COUNT movements it booked. */
    public record ReconciliationDetail(ReconciliationSummary reconciliation, List<LineRow> lines,
                                       List<InventoryResource.MovementRow> movements) {
    }

    /** Newest first; filters locationId, status (OPEN or APPLIED). */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ANALYST})
    public PageResponse<ReconciliationSummary> list(@QueryParam("locationId") String locationId,
                                                    @QueryParam("status") String status,
                                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500)
                                                    int size) {
        return PageResponse.of(reconciliations.list(locationId,
                BadRequests.enumValue("status", status, Reconciliation.Status.class), new PageRequest(page, size)),
                ReconciliationSummary::of);
    }

    /** One reconciliation and its lines; {@code differencesOnly} leaves out the products that matched the books. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ANALYST})
    public ReconciliationDetail get(@PathParam("id") UUID id,
                                    @QueryParam("differencesOnly") @DefaultValue("false") boolean differencesOnly) {
        Reconciliation reconciliation = reconciliations.find(id);
        List<LineRow> lines = reconciliations.lines(id).stream()
                .filter(line -> !differencesOnly || line.difference() == null || line.difference() != 0)
                .map(LineRow::of).toList();
        return new ReconciliationDetail(ReconciliationSummary.of(reconciliation), lines, List.of());
    }

    /** Books COUNT movements for the differences (levels, alerts and their events follow); 409 once applied. */
    @POST
    @Path("/{id}/apply")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public ReconciliationDetail apply(@PathParam("id") UUID id) {
        ReconciliationService.Applied applied = reconciliations.apply(id, identity.getPrincipal().getName());
        return new ReconciliationDetail(ReconciliationSummary.of(applied.reconciliation()),
                applied.lines().stream().map(LineRow::of).toList(),
                applied.change().movements().stream().map(InventoryResource.MovementRow::of).toList());
    }
}
