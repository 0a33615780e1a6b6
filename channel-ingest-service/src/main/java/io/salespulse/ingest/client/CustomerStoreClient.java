package io.salespulse.ingest.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * order-service's customer store ({@code PUT /privacy/customers/{customerRef}}), called with this service's own
 * client-credentials token (role customer-intake): webhooks carry no user token to pass on.
 */
@RegisterRestClient(configKey = "customer-store")
@OidcClientFilter
@Path("/privacy/customers")
public interface CustomerStoreClient {

    @PUT
    @Path("/{customerRef}")
    @Consumes(MediaType.APPLICATION_JSON)
    void store(@PathParam("customerRef") String customerRef, CustomerStoreRequest request);
}
