package io.salespulse.gateway.rest;

import java.net.URI;
import java.util.Map;

/**
 * The browser-facing security headers of every response. The gateway serves the SPA and all APIs from one
 * origin, so the policy can be strict: only this origin, plus Keycloak (keycloak-js calls its endpoints and
 * checks the session in a hidden iframe).
 */
public final class SecurityHeaders {
    private final Map<String, String> headers;

    public SecurityHeaders(URI keycloakUrl) {
        this.headers = Map.of(
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer",
                "Content-Security-Policy", contentSecurityPolicy(origin(keycloakUrl)),
                // Barcode scanning uses the camera of the page itself; nothing else may use hardware.
                "Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()");
    }

    public Map<String, String> headers() {
        return headers;
    }

    static String contentSecurityPolicy(String keycloakOrigin) {
        return "default-src 'self'; "
                + "connect-src 'self' ws: wss: " + keycloakOrigin + "; "
                + "frame-src " + keycloakOrigin + "; "
                + "img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'none'; "
                + "object-src 'none'; "
                + "base-uri 'self'";
    }

    /** scheme://host[:port] — CSP sources are origins, the realm path does not belong there. */
    static String origin(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("Keycloak URL must be absolute: " + url);
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
