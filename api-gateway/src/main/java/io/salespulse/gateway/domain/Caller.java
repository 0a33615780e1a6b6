package io.salespulse.gateway.domain;

import java.util.Set;

/** Who is asking, as far as the role matrix cares: authenticated or not, and with which realm roles. */
public record Caller(boolean authenticated, Set<String> roles) {
    public static final Caller ANONYMOUS = new Caller(false, Set.of());

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller withRoles(String... roles) {
        return new Caller(true, Set.of(roles));
    }
}
