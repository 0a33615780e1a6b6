package io.salespulse.inventory.rest;

import io.salespulse.inventory.CatalogService;
import io.salespulse.inventory.data.LocationRepository;
import io.salespulse.inventory.domain.Location;
import io.salespulse.inventory.domain.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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

import java.net.URI;
import java.time.Instant;

/** Locations: stores, warehouses, the online fulfilment centre, marketplaces. */
@Path("/locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LocationResource {
    private final CatalogService catalog;

    public LocationResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Body of POST (id required) and PUT (id optional, must match the path); timeZone is an IANA zone id. */
    public record LocationRequest(@Pattern(regexp = BadRequests.ID_PATTERN) String id,
                                  @NotBlank @Size(max = 200) String name,
                                  @NotNull Location.Kind kind,
                                  @NotBlank @Size(max = 64) String region,
                                  @Pattern(regexp = "^[A-Z]{2}$") String country,
                                  @DecimalMin("-90") @DecimalMax("90") Double latitude,
                                  @DecimalMin("-180") @DecimalMax("180") Double longitude,
                                  @NotBlank @Size(max = 64) String timeZone,
                                  Boolean active) {
    }

    public record LocationResponse(String id, String name, Location.Kind kind, String region, String country,
                                   Double latitude, Double longitude, String timeZone, boolean active,
                                   Instant createdAt, Instant updatedAt) {
        static LocationResponse of(Location l) {
            return new LocationResponse(l.id(), l.name(), l.kind(), l.region(), l.country(), l.latitude(),
                    l.longitude(), l.timeZone(), l.active(), l.createdAt(), l.updatedAt());
        }
    }

    public record RepublishResponse(int locations) {
    }

    /** Filters: kind, region, active. Sort: id, name, region, "-" first for descending. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public PageResponse<LocationResponse> list(@QueryParam("kind") String kind,
                                               @QueryParam("region") String region,
                                               @QueryParam("active") Boolean active,
                                               @QueryParam("sort") @DefaultValue("id") String sort,
                                               @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                               @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var filter = new LocationRepository.Filter(BadRequests.enumValue("kind", kind, Location.Kind.class), region,
                active);
        return PageResponse.of(catalog.locations(filter, BadRequests.sort(sort, LocationRepository.sortKeys()),
                new PageRequest(page, size)), LocationResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public LocationResponse get(@PathParam("id") String id) {
        return LocationResponse.of(catalog.location(id));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response create(@Valid @NotNull LocationRequest request) {
        if (request.id() == null) {
            throw BadRequests.invalid("id", "must not be blank");
        }
        Location created = catalog.createLocation(toLocation(request.id(), request));
        return Response.created(URI.create("/locations/" + created.id())).entity(LocationResponse.of(created))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public LocationResponse update(@PathParam("id") String id, @Valid @NotNull LocationRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw BadRequests.invalid("id", "must match the id in the path");
        }
        return LocationResponse.of(catalog.updateLocation(toLocation(id, request)));
    }

    /** Publishes every location to catalog.locations.v1 again (asynchronously, through the outbox). */
    @POST
    @Path("/republish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response republish() {
        return Response.accepted(new RepublishResponse(catalog.republishLocations())).build();
    }

    private static Location toLocation(String id, LocationRequest r) {
        Instant now = Instant.now();
        return new Location(id, r.name().strip(), r.kind(), r.region().strip(), r.country(), r.latitude(),
                r.longitude(), r.timeZone(), r.active() == null || r.active(), now, now);
    }
}
