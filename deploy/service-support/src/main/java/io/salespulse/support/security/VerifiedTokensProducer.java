package io.salespulse.support.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
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
            @ConfigProperty(name = "salespulse.tokens.verified-cache-capacity", defaultValue = "10000") long capacity,
            MeterRegistry registry) {
        VerifiedTokens tokens = new VerifiedTokens(ttl, capacity, InstantSource.system());
        // Against http_server_requests, how much token checking the cache saves: zero means it never answers.
        FunctionCounter.builder("salespulse.tokens.answered", tokens, VerifiedTokens::answered)
                .description("Requests whose bearer token was answered from memory instead of verified again")
                .register(registry);
        return tokens;
    }
}
