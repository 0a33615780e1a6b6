package io.salespulse.support.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs after every other augmentor and remembers each bearer token's verified identity in {@link VerifiedTokens}. */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    private final VerifiedTokens verifiedTokens;

    public VerifiedTokenRecorder(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // last: what is remembered is the finished identity
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        TokenCredential credential = identity.isAnonymous() ? null : identity.getCredential(TokenCredential.class);
        if (credential != null && credential.getToken() != null) {
            verifiedTokens.remember(credential.getToken(), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
