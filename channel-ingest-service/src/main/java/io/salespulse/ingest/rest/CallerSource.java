package io.salespulse.ingest.rest;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The default {@code source} of an API order: {@code api:<preferred_username or client id>}. It travels in every event
 * and log, so it must not be personal data: a username that looks like an e-mail address is replaced by the token's
 * subject (an opaque id), and service accounts are named by their client id.
 */
public final class CallerSource {
    static final String PREFIX = "api:";
    private static final String SERVICE_ACCOUNT = "service-account-";
    private static final int MAX_LENGTH = 200;

    private CallerSource() {
    }

    public static String of(JsonWebToken token) {
        String username = claim(token, "preferred_username");
        if (isPlainUsername(username)) {
            // The usual case, decided by the username alone. The other claims are read only when needed: client_id is
            // not a registered claim, and smallrye-jwt throws and catches an exception to find that out on every read.
            return of(username, null, null, null);
        }
        // Service accounts: azp (a registered claim) names the client in Keycloak's tokens; client_id, which costs
        // that exception, is read only for tokens without it.
        String authorizedParty = claim(token, "azp");
        return of(username, authorizedParty == null ? claim(token, "client_id") : null, authorizedParty,
                token.getSubject());
    }

    static String of(String username, String clientId, String authorizedParty, String subject) {
        String client = clientId != null ? clientId : authorizedParty;
        String name;
        if (username != null && username.startsWith(SERVICE_ACCOUNT)) {
            name = client != null ? client : username.substring(SERVICE_ACCOUNT.length());
        } else if (isPlainUsername(username)) {
            name = username;
        } else if (username != null || client == null) {
            name = subject != null ? subject : "unknown";
        } else {
            name = client;
        }
        String source = PREFIX + name.strip();
        return source.length() > MAX_LENGTH ? source.substring(0, MAX_LENGTH) : source;
    }

    /** A login name that is neither a service account's nor an e-mail address: the source can show it as it is. */
    private static boolean isPlainUsername(String username) {
        return username != null && !username.startsWith(SERVICE_ACCOUNT) && !username.contains("@");
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return blankToNull(json.getString());
        }
        return value == null ? null : blankToNull(value.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
