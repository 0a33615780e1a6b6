package io.salespulse.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;

/**
 * Bearer tokens shaped like Keycloak's (roles in realm_access.roles), signed by the OIDC WireMock test server
 * of quarkus-test-oidc-server: {@code @WithTestResource(OidcWiremockTestResource.class)}.
 */
public final class TestTokens {
    private static final String ISSUER = "https://server.example.com";

    private TestTokens() {
    }

    public static String accessToken(String user, String... roles) {
        return Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .sign("privateKey.jwk");
    }

    public static String bearer(String user, String... roles) {
        return "Bearer " + accessToken(user, roles);
    }

    /** A bearer token with one more claim, e.g. the {@code locations} a clerk is bound to. */
    public static String bearerWith(String claim, Object value, String user, String... roles) {
        return "Bearer " + Jwt.preferredUserName(user)
                .subject("sub-" + user)
                .issuer(ISSUER)
                .audience("https://service.example.com")
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim(claim, value)
                .sign("privateKey.jwk");
    }
}
