package io.salespulse.gateway.domain;

/** The realm roles of Keycloak realm {@code salespulse} (see ARCHITECTURE.md, security model). */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String CLERK = "clerk";
    public static final String ANALYST = "analyst";
    public static final String DEVICE = "device";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
