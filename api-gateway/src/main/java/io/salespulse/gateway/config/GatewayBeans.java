package io.salespulse.gateway.config;

import io.salespulse.gateway.domain.RouteTable;
import io.salespulse.gateway.domain.WsTicketStore;
import io.salespulse.gateway.rest.VerifiedTokens;
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

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(GatewayConfig config) {
        return new VerifiedTokens(config.tokens().verifiedCacheTtl(), config.tokens().verifiedCacheCapacity(),
                Clock.systemUTC());
    }
}
