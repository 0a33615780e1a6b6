package io.salespulse.gateway.domain;

import java.util.Set;

/** Who may use a route. A closed set, so the route table reads as data and every case is decided here. */
public sealed interface Access {

    AccessDecision decide(Caller caller);

    /** Whether the gateway must resolve the caller's token at all (webhooks must work without one). */
    default boolean needsIdentity() {
        return true;
    }

    static Access open() {
        return new Open();
    }

    static Access authenticated() {
        return new Authenticated();
    }

    static Access anyOf(String... roles) {
        return new AnyRole(Set.of(roles));
    }

    /** No token needed: the upstream authenticates by other means (HMAC-signed marketplace webhooks). */
    record Open() implements Access {
        @Override
        public AccessDecision decide(Caller caller) {
            return AccessDecision.ALLOW;
        }

        @Override
        public boolean needsIdentity() {
            return false;
        }
    }

    /** Any valid token, whatever its roles. */
    record Authenticated() implements Access {
        @Override
        public AccessDecision decide(Caller caller) {
            return caller.authenticated() ? AccessDecision.ALLOW : AccessDecision.UNAUTHENTICATED;
        }
    }

    /** A valid token carrying at least one of these realm roles. */
    record AnyRole(Set<String> roles) implements Access {
        public AnyRole {
            roles = Set.copyOf(roles);
        }

        @Override
        public AccessDecision decide(Caller caller) {
            if (!caller.authenticated()) {
                return AccessDecision.UNAUTHENTICATED;
            }
            return caller.roles().stream().anyMatch(roles::contains) ? AccessDecision.ALLOW : AccessDecision.FORBIDDEN;
        }
    }
}
