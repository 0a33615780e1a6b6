package io.salespulse.gateway.rest;

import java.util.List;

/** Who the gateway thinks the caller is: lets the SPA and API clients check their token and roles. */
public record WhoAmIResponse(String username, String subject, List<String> roles) {
}
