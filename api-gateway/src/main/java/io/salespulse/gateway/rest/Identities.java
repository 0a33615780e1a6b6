package io.salespulse.gateway.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.salespulse.gateway.domain.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves the caller's identity on demand. Authentication is not proactive in the gateway, so a missing or
 * broken token does not end the request inside Quarkus with an empty 401: the gateway decides, per route,
 * whether a token is needed at all (webhooks) and answers with a problem document.
 */
@ApplicationScoped
public class Identities {
    private final IdentityProviderManager identityProviderManager;

    public Identities(IdentityProviderManager identityProviderManager) {
        this.identityProviderManager = identityProviderManager;
    }

    /** Anonymous without a token; fails with AuthenticationFailedException for an invalid or expired one. */
    public Uni<SecurityIdentity> resolve(RoutingContext ctx) {
        return QuarkusHttpUser.getSecurityIdentity(ctx, identityProviderManager);
    }

    public static Caller caller(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Caller.ANONYMOUS : new Caller(true, identity.getRoles());
    }
}
