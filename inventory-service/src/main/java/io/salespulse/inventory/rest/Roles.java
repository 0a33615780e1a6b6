package io.salespulse.inventory.rest;

/** Keycloak realm roles (ARCHITECTURE.md, security model). */
final class Roles {
    static final String ADMIN = "admin";
    static final String MANAGER = "manager";
    static final String CLERK = "clerk";
    static final String ANALYST = "analyst";
    static final String DEVICE = "device";

    private Roles() {
    }
}
