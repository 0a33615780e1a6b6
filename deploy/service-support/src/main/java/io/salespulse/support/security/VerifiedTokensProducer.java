package io.salespulse.support.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.InstantSource;
import java.time.Duration;

/** One {@link VerifiedTokens} per service, sized by {@code salespulse.tokens.verified-cache-*}. */
public class VerifiedTokensProducer {

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(
            @ConfigProperty(name = "salespulse.tokens.verified-cache-ttl", defaultValue = "60s") Duration ttl,
            @ConfigProperty(name = "salespulse.tokens.verified-cache-capacity", defaultValue = "10000") long capacity) {
        return new VerifiedTokens(ttl, capacity, InstantSource.system());
    }
}
