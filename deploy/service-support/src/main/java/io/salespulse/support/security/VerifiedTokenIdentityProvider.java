package io.salespulse.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Asked before Quarkus OIDC's provider: answers a bearer token this service verified before from
 * {@link VerifiedTokens}; for any other token it answers nothing (a null item), and Quarkus asks the OIDC provider,
 * which verifies it as always. {@link VerifiedTokenRecorder} remembers what the OIDC provider verified.
 */
@ApplicationScoped
public class VerifiedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private final VerifiedTokens verifiedTokens;

    public VerifiedTokenIdentityProvider(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return 100; // Quarkus OIDC's provider has the default 0; higher goes first
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        return Uni.createFrom().item(token == null ? null : verifiedTokens.find(token).orElse(null));
    }
}
