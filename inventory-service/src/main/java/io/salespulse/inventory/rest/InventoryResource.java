package io.salespulse.inventory.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.inventory.LotService;
import io.salespulse.inventory.StockService;
import io.salespulse.inventory.config.InventoryConfig;
import io.salespulse.inventory.data.LotRepository;
import io.salespulse.inventory.data.StockRepository;
import io.salespulse.inventory.domain.AdjustmentType;
import io.salespulse.inventory.domain.LevelKey;
import io.salespulse.inventory.domain.Lot;
import io.salespulse.inventory.domain.LotShare;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.StockLevel;
import io.salespulse.inventory.domain.StockMovement;
import io.salespulse.inventory.domain.StockStatus;
import io.salespulse.inventory.domain.Thresholds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/**
 * Stock levels per product and location, their thresholds, manual adjustments, the movement journal, and the lots
 * (batches with expiry) the stock is held in.
 */
@Path("/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InventoryResource {
    private final StockService stock;
    private final LotService lots;
    private final SecurityIdentity identity;
    private final Duration halfLife;

    public InventoryResource(StockService stock, LotService lots, SecurityIdentity identity, InventoryConfig config) {
        this.stock = stock;
        this.lots = lots;
        this.identity = identity;
        this.halfLife = config.velocityHalfLife();
    }

    /**
     * One level. {@code available} is onHand minus reserved; {@code oversold} flags negative stock (a store sold
     * more than the books had); the velocity and the predicted stock-out are as of the request.
     */
    public record InventoryRow(String productId, String locationId, int onHand, int reserved, int available,
                               int reorderPoint, int criticalLevel, int targetLevel, boolean thresholdsExplicit,
                               StockStatus status, boolean oversold, BigDecimal salesVelocityPerHour,
                               Instant predictedStockoutAt, UUID causeEventId, Instant updatedAt) {

        static InventoryRow of(StockLevel level, Instant now, Duration halfLife) {
            double velocity = level.velocity().rateAt(now, halfLife);
            OptionalDouble hours = level.velocity().hoursToStockout(level.onHand(), now, halfLife);
            Instant stockoutAt = level.onHand() > 0 && hours.isPresent()
                    ? now.plusMillis((long) (hours.getAsDouble() * 3_600_000)) : null;
            return new InventoryRow(level.key().productId(), level.key().locationId(), level.onHand(),
                    level.reserved(), level.onHand() - level.reserved(), level.thresholds().reorderPoint(),
                    level.thresholds().criticalLevel(), level.thresholds().targetLevel(), level.thresholdsExplicit(),
                    level.status(), level.onHand() < 0,
                    BigDecimal.valueOf(velocity).setScale(3, RoundingMode.HALF_UP), stockoutAt, level.causeEventId(),
                    level.updatedAt());
        }
    }

    public record ThresholdsRequest(@NotNull @Min(0) Integer reorderPoint, @NotNull @Min(0) Integer criticalLevel,
                                    @NotNull @Min(0) Integer targetLevel) {
    }

    /**
     * quantity: units received, damaged or transferred (at least 1), or the counted units for COUNT (0 or more);
     * toLocationId only for TRANSFER. lotCode: RECEIPT into that lot (with expiresOn, the last day of sale, when the
     * goods expire) or DAMAGE out of it (writing off an expired batch).
     */
    public record AdjustmentRequest(@NotNull AdjustmentType type,
                                    @NotBlank @Pattern(regexp = BadRequests.ID_PATTERN) String productId,
                                    @NotBlank @Pattern(regexp = BadRequests.ID_PATTERN) String locationId,
                                    @Pattern(regexp = BadRequests.ID_PATTERN) String toLocationId,
                                    @NotNull @Min(0) @Max(1_000_000) Integer quantity,
                                    @Pattern(regexp = BadRequests.LOT_CODE_PATTERN) String lotCode,
                                    LocalDate expiresOn,
                                    @Size(max = 500) String note) {
    }

    /** A movement's share of one lot, signed like the movement. */
    public record LotShareRow(long lotId, String lotCode, LocalDate expiresOn, int quantity) {
        static LotShareRow of(LotShare share) {
            return new LotShareRow(share.lotId(), share.lotCode(), share.expiresOn(), share.quantity());
        }
    }

    public record MovementRow(long movementId, UUID eventId, int lineNo, String productId, String locationId,
                              int quantity, String cause, Instant occurredAt, Instant recordedAt, String user,
                              String note, String returnOf, List<LotShareRow> lots) {
        static MovementRow of(StockMovement m) {
            return new MovementRow(m.movementId(), m.eventId(), m.lineNo(), m.level().productId(),
                    m.level().locationId(), m.quantity(), m.cause().name(), m.occurredAt(), m.recordedAt(), m.user(),
                    m.note(), m.returnOf(), m.lots().stream().map(LotShareRow::of).toList());
        }
    }

    /**
     * A lot. {@code expired}: past its expiry date at the location's local date (now); {@code daysToExpiry}: days
     * from that date to the expiry date (negative once expired); {@code expiredFlaggedAt}: when the expiry sweep
     * flagged it.
     */
    public record LotRow(long lotId, String productId, String locationId, String lotCode, LocalDate expiresOn,
                         Long daysToExpiry, boolean expired, Instant expiredFlaggedAt, Instant receivedAt,
                         int quantityOnHand, Instant updatedAt) {
        static LotRow of(LotRepository.LotView view) {
            Lot lot = view.lot();
            Long days = lot.expiresOn() == null ? null : ChronoUnit.DAYS.between(view.localToday(), lot.expiresOn());
            return new LotRow(lot.lotId(), lot.level().productId(), lot.level().locationId(), lot.lotCode(),
                    lot.expiresOn(), days, lot.isExpiredOn(view.localToday()), lot.expiredAt(), lot.receivedAt(),
                    lot.quantityOnHand(), lot.updatedAt());
        }
    }

    public record AdjustmentResponse(UUID adjustmentId, AdjustmentType type, List<MovementRow> movements,
                                     List<InventoryRow> levels) {
    }

    /**
     * Filters: productId, locationId, status (one or more of OK, LOW, CRITICAL, OUT, OVERSOLD, comma-separated).
     * Sort: productId (default), locationId, onHand, updatedAt, "-" first for descending.
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public PageResponse<InventoryRow> list(@QueryParam("productId") String productId,
                                           @QueryParam("locationId") String locationId,
                                           @QueryParam("status") String status,
                                           @QueryParam("sort") @DefaultValue("productId") String sort,
                                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var filter = new StockRepository.LevelFilter(productId, locationId, statuses(status));
        Instant now = Instant.now();
        return PageResponse.of(stock.levels(filter, BadRequests.sort(sort, StockRepository.sortKeys()),
                new PageRequest(page, size)), level -> row(level, now));
    }

    @PUT
    @Path("/{productId}/{locationId}/thresholds")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public InventoryRow setThresholds(@PathParam("productId") String productId,
                                      @PathParam("locationId") String locationId,
                                      @Valid @NotNull ThresholdsRequest request) {
        Thresholds thresholds;
        try {
            thresholds = new Thresholds(request.reorderPoint(), request.criticalLevel(), request.targetLevel());
        } catch (IllegalArgumentException e) {
            throw BadRequests.invalid("thresholds", e.getMessage());
        }
        return row(stock.setThresholds(new LevelKey(productId, locationId), thresholds), Instant.now());
    }

    @POST
    @Path("/adjustments")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response adjust(@Valid @NotNull AdjustmentRequest request) {
        if (request.type() != AdjustmentType.COUNT && request.quantity() < 1) {
            throw BadRequests.invalid("quantity", "must be at least 1 for " + request.type());
        }
        if (request.type() == AdjustmentType.TRANSFER) {
            if (request.toLocationId() == null || request.toLocationId().equals(request.locationId())) {
                throw BadRequests.invalid("toLocationId", "a transfer needs a different destination location");
            }
        } else if (request.toLocationId() != null) {
            throw BadRequests.invalid("toLocationId", "only a TRANSFER has a destination");
        }
        if (request.lotCode() != null && request.type() != AdjustmentType.RECEIPT
                && request.type() != AdjustmentType.DAMAGE) {
            throw BadRequests.invalid("lotCode", "only a RECEIPT or a DAMAGE names a lot");
        }
        if (request.expiresOn() != null && (request.type() != AdjustmentType.RECEIPT || request.lotCode() == null)) {
            throw BadRequests.invalid("expiresOn", "only a RECEIPT into a lot (lotCode) has an expiry date");
        }
        StockService.LotRef lot = request.lotCode() == null ? null
                : new StockService.LotRef(request.lotCode(), request.expiresOn());
        StockService.Adjustment adjustment = stock.adjust(request.type(), request.productId(), request.locationId(),
                request.toLocationId(), request.quantity(), lot, request.note(), identity.getPrincipal().getName());
        Instant now = Instant.now();
        var body = new AdjustmentResponse(adjustment.adjustmentId(), adjustment.type(),
                adjustment.change().movements().stream().map(MovementRow::of).toList(),
                adjustment.change().levels().stream().map(level -> row(level, now)).toList());
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    /** The journal, newest first, of a product and/or a location and/or a lot (which sales took from a batch). */
    @GET
    @Path("/movements")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public PageResponse<MovementRow> movements(@QueryParam("productId") String productId,
                                               @QueryParam("locationId") String locationId,
                                               @QueryParam("lotId") Long lotId,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return PageResponse.of(stock.movements(productId, locationId, lotId, new PageRequest(page, size)),
                MovementRow::of);
    }

    /**
     * Lots of a product and/or location in the order sales take from them (first expiry first out); only lots with
     * stock unless {@code includeEmpty}.
     */
    @GET
    @Path("/lots")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST})
    public PageResponse<LotRow> lots(@QueryParam("productId") String productId,
                                     @QueryParam("locationId") String locationId,
                                     @QueryParam("includeEmpty") @DefaultValue("false") boolean includeEmpty,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return PageResponse.of(lots.list(productId, locationId, includeEmpty, new PageRequest(page, size)),
                LotRow::of);
    }

    /**
     * Lots with stock that expire within {@code days} days (0: today) at their location's local date, and those
     * already expired ({@code expired: true}), soonest first; optionally of one location and/or product.
     */
    @GET
    @Path("/expiring")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST})
    public PageResponse<LotRow> expiring(@QueryParam("days") @DefaultValue("7") @Min(0) @Max(3650) int days,
                                         @QueryParam("locationId") String locationId,
                                         @QueryParam("productId") String productId,
                                         @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return PageResponse.of(lots.expiring(days, locationId, productId, new PageRequest(page, size)), LotRow::of);
    }

    private InventoryRow row(StockLevel level, Instant now) {
        return InventoryRow.of(level, now, halfLife);
    }

    private static Set<StockStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        Set<StockStatus> statuses = EnumSet.noneOf(StockStatus.class);
        for (String value : status.split(",")) {
            statuses.add(BadRequests.enumValue("status", value, StockStatus.class));
        }
        return statuses;
    }
}
