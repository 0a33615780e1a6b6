package io.salespulse.gateway.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.salespulse.gateway.domain.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.BiConsumer;

/**
 * Resolves the caller's identity on demand. Authentication is not proactive in the gateway, so a missing or
 * broken token does not end the request inside Quarkus with an empty 401: the gateway decides, per route,
 * whether a token is needed at all (webhooks) and answers with a problem document. A token verified before is
 * answered from memory until it expires (service-support's {@code VerifiedTokenIdentityProvider}).
 */
@ApplicationScoped
public class Identities {
    private static final BiConsumer<RoutingContext, Throwable> IGNORE_FAILURE = (ctx, failure) -> {
    };

    private final IdentityProviderManager identityProviderManager;

    public Identities(IdentityProviderManager identityProviderManager) {
        this.identityProviderManager = identityProviderManager;
    }

    /** Anonymous without a token; fails with AuthenticationFailedException for an invalid or expired one. */
    public Uni<SecurityIdentity> resolve(RoutingContext ctx) {
        // When lazy authentication fails, Quarkus hands the failure to this handler, whose default ends the
        // request itself (ctx.fail: an empty 401, or the REST exception mapper's body without a challenge).
        // The gateway answers from the failed Uni instead, so Quarkus must do nothing here.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_FAILURE);
        return QuarkusHttpUser.getSecurityIdentity(ctx, identityProviderManager);
    }

    public static Caller caller(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Caller.ANONYMOUS : new Caller(true, identity.getRoles());
    }
}
