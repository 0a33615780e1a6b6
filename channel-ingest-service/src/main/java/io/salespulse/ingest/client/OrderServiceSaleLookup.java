package io.salespulse.ingest.client;

import io.salespulse.ingest.domain.ReturnableSale;
import io.salespulse.ingest.domain.SaleLookup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/** {@link SaleLookup} through order-service's REST API; its 404 means the sale is not recorded. */
@ApplicationScoped
public class OrderServiceSaleLookup implements SaleLookup {
    private final SaleLookupClient orders;

    public OrderServiceSaleLookup(@RestClient SaleLookupClient orders) {
        this.orders = orders;
    }

    @Override
    public Uni<Optional<ReturnableSale>> returnable(String returnOf, String source) {
        return orders.returnable(returnOf, source)
                .map(Optional::of)
                .onFailure(OrderServiceSaleLookup::notFound).recoverWithItem(Optional.empty());
    }

    private static boolean notFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == 404;
    }
}
