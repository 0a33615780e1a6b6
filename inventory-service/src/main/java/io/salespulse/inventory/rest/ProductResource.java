package io.salespulse.inventory.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.inventory.CatalogService;
import io.salespulse.inventory.data.ProductRepository;
import io.salespulse.inventory.domain.PageRequest;
import io.salespulse.inventory.domain.Product;
import io.salespulse.inventory.domain.ProductChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Products: lists for the back office, lookups by SKU and GTIN for scanners, writes for managers. */
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {
    private final CatalogService catalog;
    private final SecurityIdentity identity;

    public ProductResource(CatalogService catalog, SecurityIdentity identity) {
        this.catalog = catalog;
        this.identity = identity;
    }

    /**
     * Body of POST (id required) and PUT (id optional, must match the path). The GTIN's check digit is verified by
     * the service (422); money has at most two decimals.
     */
    public record ProductRequest(@Pattern(regexp = BadRequests.ID_PATTERN) String id,
                                 @NotBlank @Pattern(regexp = BadRequests.ID_PATTERN) String sku,
                                 String gtin,
                                 @NotBlank @Size(max = 300) String name,
                                 @NotBlank @Pattern(regexp = BadRequests.ID_PATTERN) String categoryId,
                                 @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
                                 @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitCost,
                                 @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency,
                                 Map<String, Object> attributes,
                                 Boolean active) {
    }

    public record ProductResponse(String id, String sku, String gtin, String name, String categoryId,
                                  BigDecimal unitPrice, BigDecimal unitCost, String currency,
                                  Map<String, Object> attributes, boolean active, Instant createdAt,
                                  Instant updatedAt) {
        static ProductResponse of(Product p) {
            return new ProductResponse(p.id(), p.sku(), p.gtin(), p.name(), p.categoryId(), p.unitPrice(),
                    p.unitCost(), p.currency(), p.attributes(), p.active(), p.createdAt(), p.updatedAt());
        }
    }

    /** One audited write; {@code old*} and {@code before} are null for a CREATE. Money as in products. */
    public record ProductChangeResponse(long changeId, String productId, String kind, String changedBy,
                                        Instant changedAt, BigDecimal oldUnitPrice, BigDecimal newUnitPrice,
                                        BigDecimal oldUnitCost, BigDecimal newUnitCost, Map<String, Object> before,
                                        Map<String, Object> after) {
        static ProductChangeResponse of(ProductChange c) {
            return new ProductChangeResponse(c.changeId(), c.productId(), c.kind().name(), c.changedBy(),
                    c.changedAt(), c.oldUnitPrice(), c.newUnitPrice(), c.oldUnitCost(), c.newUnitCost(), c.before(),
                    c.after());
        }
    }

    public record RepublishResponse(int products) {
    }

    /**
     * Filters: q (name or SKU contains, case-insensitive), categoryId (with its sub-categories), active. Sort:
     * name, sku, unitPrice, updatedAt, "-" first for descending.
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public PageResponse<ProductResponse> list(@QueryParam("q") @Size(max = 100) String q,
                                              @QueryParam("categoryId") String categoryId,
                                              @QueryParam("active") Boolean active,
                                              @QueryParam("sort") @DefaultValue("name") String sort,
                                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        var filter = new ProductRepository.Filter(q == null || q.isBlank() ? null : q.strip(), categoryId, active);
        return PageResponse.of(catalog.products(filter, BadRequests.sort(sort, ProductRepository.sortKeys()),
                new PageRequest(page, size)), ProductResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public ProductResponse get(@PathParam("id") String id) {
        return ProductResponse.of(catalog.product(id));
    }

    /**
     * Who created and changed the product, newest first, with price and cost before and after: applied price
     * suggestions (recommendation-service calls PUT with the manager's token) are audited here.
     */
    @GET
    @Path("/{id}/changes")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ANALYST})
    public PageResponse<ProductChangeResponse> changes(@PathParam("id") String id,
                                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200)
                                                       int size) {
        return PageResponse.of(catalog.productChanges(id, new PageRequest(page, size)), ProductChangeResponse::of);
    }

    @GET
    @Path("/by-sku/{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public ProductResponse bySku(@PathParam("sku") String sku) {
        return ProductResponse.of(catalog.productBySku(sku));
    }

    /** Any GTIN length a scanner reads (8, 12, 13, 14 digits) finds the product; a bad check digit answers 422. */
    @GET
    @Path("/by-gtin/{gtin}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public ProductResponse byGtin(@PathParam("gtin") String gtin) {
        return ProductResponse.of(catalog.productByGtin(gtin));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public Response create(@Valid @NotNull ProductRequest request) {
        if (request.id() == null) {
            throw BadRequests.invalid("id", "must not be blank");
        }
        Product created = catalog.createProduct(toProduct(request.id(), request), user());
        return Response.created(URI.create("/products/" + created.id())).entity(ProductResponse.of(created)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public ProductResponse update(@PathParam("id") String id, @Valid @NotNull ProductRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw BadRequests.invalid("id", "must match the id in the path");
        }
        return ProductResponse.of(catalog.updateProduct(toProduct(id, request), user()));
    }

    /** Publishes the whole catalog to catalog.products.v1 again (asynchronously, through the outbox). */
    @POST
    @Path("/republish")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response republish() {
        return Response.accepted(new RepublishResponse(catalog.republishProducts())).build();
    }

    /** The caller's user name from the access token, for the audit. */
    private String user() {
        return identity.getPrincipal().getName();
    }

    private static Product toProduct(String id, ProductRequest r) {
        Instant now = Instant.now();
        return new Product(id, r.sku(), r.gtin() == null || r.gtin().isBlank() ? null : r.gtin().strip(),
                r.name().strip(), r.categoryId(), r.unitPrice().setScale(2), r.unitCost().setScale(2), r.currency(),
                r.attributes() == null ? Map.of() : r.attributes(), r.active() == null || r.active(), now, now);
    }
}
