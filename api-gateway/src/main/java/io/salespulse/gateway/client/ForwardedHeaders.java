package io.salespulse.gateway.client;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The de-facto standard X-Forwarded-* headers, so that services see the real client and the public URL.
 * Host and Proto are set (never trusted from the client, the gateway is the edge); the client address is
 * appended, as every proxy on the way does.
 */
public final class ForwardedHeaders {
    public static final String FOR = "X-Forwarded-For";
    public static final String PROTO = "X-Forwarded-Proto";
    public static final String HOST = "X-Forwarded-Host";

    private ForwardedHeaders() {
    }

    public static void apply(MultiMap headers, HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String client = remote == null || remote.host() == null ? "unknown" : remote.host();
        String earlier = request.getHeader(FOR);
        headers.set(FOR, earlier == null || earlier.isBlank() ? client : earlier + ", " + client);
        headers.set(PROTO, request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set(HOST, request.authority().toString());
        }
    }
}
