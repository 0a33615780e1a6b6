package io.salespulse.gateway.rest;

/** A WebSocket ticket and its lifetime in seconds. */
public record WsTicketResponse(String ticket, long expiresIn) {
}
