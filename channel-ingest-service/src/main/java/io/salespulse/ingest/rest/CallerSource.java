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
        return of(claim(token, "preferred_username"), claim(token, "client_id"), claim(token, "azp"),
                token.getSubject());
    }

    static String of(String username, String clientId, String authorizedParty, String subject) {
        String client = clientId != null ? clientId : authorizedParty;
        String name;
        if (username != null && username.startsWith(SERVICE_ACCOUNT)) {
            name = client != null ? client : username.substring(SERVICE_ACCOUNT.length());
        } else if (username != null && !username.contains("@")) {
            name = username;
        } else if (username != null || client == null) {
            name = subject != null ? subject : "unknown";
        } else {
            name = client;
        }
        String source = PREFIX + name.strip();
        return source.length() > MAX_LENGTH ? source.substring(0, MAX_LENGTH) : source;
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
