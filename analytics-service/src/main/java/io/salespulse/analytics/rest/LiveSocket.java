package io.salespulse.analytics.rest;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code /ws/live}: the dashboard's live feed. The HTTP upgrade is authorized here (a security annotation on the
 * endpoint class secures the handshake): the gateway opens it with the user's bearer token; no token gives 401,
 * a token without one of these roles 403. When the token expires Quarkus closes the connection and the client
 * reconnects through the gateway with a new one.
 */
@WebSocket(path = "/ws/live")
@RolesAllowed({"admin", "manager", "analyst", "clerk"})
public class LiveSocket {
    private final LiveBroadcaster broadcaster;

    public LiveSocket(LiveBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        broadcaster.register(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        broadcaster.unregister(connection);
    }

    /** The feed is one-way; whatever a client sends is ignored. */
    @OnTextMessage
    public void onText(String ignored) {
        // nothing to do
    }
}
