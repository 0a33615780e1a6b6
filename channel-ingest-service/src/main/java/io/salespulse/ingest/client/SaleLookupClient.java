package io.salespulse.ingest.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.salespulse.ingest.domain.ReturnableSale;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * order-service's {@code GET /orders/returnable}, called with this service's own client-credentials token (role
 * order-lookup): integrations post returns too, and their role may not read orders.
 */
@RegisterRestClient(configKey = "order-lookup")
@OidcClientFilter
@Path("/orders/returnable")
public interface SaleLookupClient {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ReturnableSale> returnable(@QueryParam("returnOf") String returnOf, @QueryParam("source") String source);
}
