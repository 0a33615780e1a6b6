package io.salespulse.gateway.domain;

/** The outcome of checking a caller against a route: 401 and 403 are different answers for a client. */
public enum AccessDecision {
    ALLOW,
    /** No (valid) token: the client should log in, 401. */
    UNAUTHENTICATED,
    /** A valid token whose roles do not fit the route: 403. */
    FORBIDDEN
}
