package io.salespulse.orders.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.orders.domain.privacy.AuditEntry;
import io.salespulse.orders.domain.privacy.CustomerExport;
import io.salespulse.orders.domain.privacy.PrivacyService;
import io.salespulse.support.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The protected customer store (behind the gateway: /api/privacy, admin only). Channels hand personal data over
 * with a service token (role customer-intake, never reachable with a user's roles); administrators answer data
 * subject requests: find by e-mail, export, erase, and read the audit of every access.
 */
@Path("/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
public class PrivacyResource {
    private static final Pattern CUSTOMER_REF = Pattern.compile("cus_[A-Za-z0-9_-]{16,120}");

    private final PrivacyService privacy;
    private final SecurityIdentity identity;

    public PrivacyResource(PrivacyService privacy, SecurityIdentity identity) {
        this.privacy = privacy;
        this.identity = identity;
    }

    @PUT
    @Path("/customers/{customerRef}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("customer-intake")
    @Operation(summary = "Store a customer's personal data (channel services only)",
            description = "Sealed with AES-256-GCM; merged with what is stored for this pseudonym.")
    public Response store(@PathParam("customerRef") String customerRef,
                          @Valid @NotNull CustomerIntakeRequest request) {
        privacy.store(checked(customerRef), request.personal(), request.source(), request.externalId(), actor());
        return Response.noContent().build();
    }

    /** A POST, so that the address never appears in a URL (access logs, traces, proxies). */
    @POST
    @Path("/customers/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Find the pseudonyms stored for an e-mail address: body {\"email\": \"…\"}")
    public CustomerRefs findByEmail(@Valid @NotNull EmailLookup lookup) {
        return new CustomerRefs(privacy.findByEmail(lookup.email(), actor()));
    }

    @GET
    @Path("/customers/{customerRef}")
    @RolesAllowed("admin")
    @Operation(summary = "Export everything held about a customer (access and portability requests)")
    public Response export(@PathParam("customerRef") String customerRef) {
        CustomerExport export = privacy.export(checked(customerRef), actor()).orElseThrow(() -> notFound(customerRef));
        return Response.ok(export).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/customers/{customerRef}")
    @RolesAllowed("admin")
    @Operation(summary = "Erase a customer's personal data (orders stay, under the pseudonym)")
    public Response erase(@PathParam("customerRef") String customerRef) {
        if (!privacy.erase(checked(customerRef), actor())) {
            throw notFound(customerRef);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/audit")
    @RolesAllowed("admin")
    @Operation(summary = "The latest accesses to the customer store, newest first")
    public List<AuditEntry> audit(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ProblemException(400, "Invalid limit", "limit must be between 1 and 1000");
        }
        return privacy.auditLog(limit);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String checked(String customerRef) {
        if (customerRef == null || !CUSTOMER_REF.matcher(customerRef).matches()) {
            throw new ProblemException(400, "Invalid customer reference",
                    "A customer reference is cus_ followed by 16 to 120 base64url characters");
        }
        return customerRef;
    }

    private static ProblemException notFound(String customerRef) {
        return new ProblemException(404, "Customer not found", "No personal data is stored for " + customerRef);
    }

    /** The question of a lookup by e-mail; {@link #toString()} hides the address. */
    public record EmailLookup(@NotBlank @Email @Size(max = 320) String email) {
        @Override
        public String toString() {
            return "EmailLookup[hidden]";
        }
    }

    /** The answer of a lookup by e-mail. */
    public record CustomerRefs(List<String> customerRefs) {
    }
}
