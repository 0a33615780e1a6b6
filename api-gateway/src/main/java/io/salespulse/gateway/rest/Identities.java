package io.salespulse.gateway.rest;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.salespulse.gateway.domain.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Resolves the caller's identity on demand. Authentication is not proactive in the gateway, so a missing or
 * broken token does not end the request inside Quarkus with an empty 401: the gateway decides, per route,
 * whether a token is needed at all (webhooks) and answers with a problem document. A token verified before is
 * answered from {@link VerifiedTokens} until it expires.
 */
@ApplicationScoped
public class Identities {
    private static final BiConsumer<RoutingContext, Throwable> IGNORE_FAILURE = (ctx, failure) -> {
    };

    private final IdentityProviderManager identityProviderManager;
    private final VerifiedTokens verifiedTokens;

    public Identities(IdentityProviderManager identityProviderManager, VerifiedTokens verifiedTokens) {
        this.identityProviderManager = identityProviderManager;
        this.verifiedTokens = verifiedTokens;
    }

    /** Anonymous without a token; fails with AuthenticationFailedException for an invalid or expired one. */
    public Uni<SecurityIdentity> resolve(RoutingContext ctx) {
        String token = VerifiedTokens.bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            Optional<SecurityIdentity> known = verifiedTokens.find(token);
            if (known.isPresent()) {
                return Uni.createFrom().item(known.get());
            }
        }
        // When lazy authentication fails, Quarkus hands the failure to this handler, whose default ends the
        // request itself (ctx.fail: an empty 401, or the REST exception mapper's body without a challenge).
        // The gateway answers from the failed Uni instead, so Quarkus must do nothing here.
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, IGNORE_FAILURE);
        Uni<SecurityIdentity> verified = QuarkusHttpUser.getSecurityIdentity(ctx, identityProviderManager);
        return token == null ? verified : verified.invoke(identity -> verifiedTokens.remember(token, identity));
    }

    public static Caller caller(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? Caller.ANONYMOUS : new Caller(true, identity.getRoles());
    }
}
