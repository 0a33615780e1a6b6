package io.salespulse.gateway.config;

import io.salespulse.gateway.domain.RouteTable;
import io.salespulse.gateway.domain.WsTicketStore;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The framework-free domain objects, made into beans with their configuration. */
public class GatewayBeans {

    @Produces
    @Singleton
    RouteTable routeTable() {
        return RouteTable.salesPulse();
    }

    @Produces
    @Singleton
    WsTicketStore wsTicketStore(GatewayConfig config) {
        return new WsTicketStore(config.ws().ticketTtl(), config.ws().ticketCapacity(), Clock.systemUTC());
    }
}
