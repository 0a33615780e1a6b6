package io.salespulse.gateway.domain;

import static io.salespulse.gateway.domain.Roles.ADMIN;
import static io.salespulse.gateway.domain.Roles.ANALYST;
import static io.salespulse.gateway.domain.Roles.CLERK;
import static io.salespulse.gateway.domain.Roles.DEVICE;
import static io.salespulse.gateway.domain.Roles.INTEGRATION;
import static io.salespulse.gateway.domain.Roles.MANAGER;
import static io.salespulse.gateway.domain.Upstream.ANALYTICS;
import static io.salespulse.gateway.domain.Upstream.DEVICES;
import static io.salespulse.gateway.domain.Upstream.GATEWAY;
import static io.salespulse.gateway.domain.Upstream.INGEST;
import static io.salespulse.gateway.domain.Upstream.INVENTORY;
import static io.salespulse.gateway.domain.Upstream.ORDERS;
import static io.salespulse.gateway.domain.Upstream.RECOMMENDATIONS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The gateway's routes and role matrix, as data: which service owns a path, and which roles may call it.
 * Rules are tried in order and the first whose path and method match wins, so specific rules (the order
 * create, which belongs to channel-ingest) come before the prefix rules they would otherwise fall under.
 * Anything not listed is refused: a new endpoint needs a line here before it is reachable from outside.
 */
public final class RouteTable {

    /** Reads; HEAD goes with GET because it is the same question without the body. */
    public static final Set<String> READS = Set.of("GET", "HEAD");
    public static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    public static final Set<String> ALL = union(READS, WRITES);

    /** Answered by the gateway itself. */
    public static final String WHOAMI = "/api/whoami";
    public static final String WS_TICKET = "/api/ws-ticket";

    private static final String[] CATALOG = {"/api/products", "/api/inventory", "/api/locations", "/api/categories"};

    private final List<RouteRule> rules;

    public RouteTable(List<RouteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The Sales Pulse matrix (ARCHITECTURE.md, security model). */
    public static RouteTable salesPulse() {
        List<RouteRule> rules = new ArrayList<>(List.of(
                // The gateway's own endpoints.
                exact(Set.of("GET"), WHOAMI, GATEWAY, Access.authenticated()),
                exact(Set.of("POST"), WS_TICKET, GATEWAY, Access.authenticated()),

                // Creating an order is an ingest (idempotency keys, sales events); everything else about
                // orders, returns and personal data is order-service's.
                exact(Set.of("POST"), "/api/orders", INGEST, Access.anyOf(CLERK, INTEGRATION, MANAGER, ADMIN)),
                prefix(READS, "/api/orders", ORDERS, Access.anyOf(ADMIN, MANAGER, CLERK, ANALYST)),
                prefix(WRITES, "/api/orders", ORDERS, Access.anyOf(ADMIN, MANAGER, CLERK)),
                prefix(READS, "/api/returns", ORDERS, Access.anyOf(ADMIN, MANAGER, CLERK, ANALYST)),
                prefix(WRITES, "/api/returns", ORDERS, Access.anyOf(ADMIN, MANAGER, CLERK)),
                prefix(ALL, "/api/privacy", ORDERS, Access.anyOf(ADMIN)),

                prefix(ALL, "/api/ingest", INGEST, Access.anyOf(ADMIN, MANAGER, CLERK, INTEGRATION)),
                prefix(ALL, "/api/imports", INGEST, Access.anyOf(ADMIN, MANAGER, CLERK, INTEGRATION))));

        rules.addAll(List.of(
                // Clerks take returns back at the counter (inventory's ReturnResource); the rest of
                // /api/inventory below stays a manager's.
                exact(Set.of("POST"), "/api/inventory/returns", INVENTORY, Access.anyOf(ADMIN, MANAGER, CLERK)),
                // A product's change history is for managers and analysts (inventory's roles), narrower than
                // the catalog reads below.
                exact(READS, "/api/products/{id}/changes", INVENTORY, Access.anyOf(ADMIN, MANAGER, ANALYST))));

        // Stock and catalog are read by everyone who sells or counts (devices look up products);
        // changing them is for managers.
        for (String path : CATALOG) {
            rules.add(prefix(READS, path, INVENTORY, Access.anyOf(ADMIN, MANAGER, CLERK, ANALYST, DEVICE)));
            rules.add(prefix(WRITES, path, INVENTORY, Access.anyOf(ADMIN, MANAGER)));
        }

        rules.addAll(List.of(
                // Acknowledging alerts and editing alert rules is a manager's call.
                prefix(READS, "/api/alerts", INVENTORY, Access.anyOf(ADMIN, MANAGER, CLERK, ANALYST)),
                prefix(WRITES, "/api/alerts", INVENTORY, Access.anyOf(ADMIN, MANAGER)),
                // A separate prefix: /api/alerts only covers /api/alerts/…, not /api/alert-rules.
                prefix(READS, "/api/alert-rules", INVENTORY, Access.anyOf(ADMIN, MANAGER, CLERK, ANALYST)),
                prefix(WRITES, "/api/alert-rules", INVENTORY, Access.anyOf(ADMIN, MANAGER)),

                // Analytics' figures come from Kafka; the one write from outside is an exchange rate, which changes
                // what every converted order counts for.
                exact(Set.of("PUT"), "/api/analytics/exchange-rates/{currency}", ANALYTICS, Access.anyOf(ADMIN)),
                prefix(READS, "/api/analytics", ANALYTICS, Access.anyOf(ADMIN, MANAGER, ANALYST, CLERK)),
                prefix(READS, "/api/reports", ANALYTICS, Access.anyOf(ADMIN, MANAGER, ANALYST, CLERK)),

                // Applying a recommended price changes what customers pay.
                prefix(READS, "/api/recommendations", RECOMMENDATIONS, Access.anyOf(ADMIN, MANAGER, ANALYST)),
                prefix(WRITES, "/api/recommendations", RECOMMENDATIONS, Access.anyOf(ADMIN, MANAGER)),
                // A narrative review of figures the caller may already read: a POST, but it changes nothing.
                exact(Set.of("POST"), "/api/summaries", RECOMMENDATIONS, Access.anyOf(ADMIN, MANAGER, ANALYST)),

                // Devices register and report themselves; which device may act as which is device-gateway's check.
                prefix(READS, "/api/devices", DEVICES, Access.anyOf(ADMIN, MANAGER, DEVICE)),
                prefix(WRITES, "/api/devices", DEVICES, Access.anyOf(ADMIN, DEVICE)),

                // Marketplaces cannot get Keycloak tokens: channel-ingest verifies each webhook's HMAC signature.
                prefix(ALL, "/webhooks", INGEST, Access.open())));
        return new RouteTable(rules);
    }

    public List<RouteRule> rules() {
        return rules;
    }

    /** Finds the rule for a request; {@code path} must already be normalized (no dot segments). */
    public RouteMatch route(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (RouteRule rule : rules) {
            if (!rule.matchesPath(path)) {
                continue;
            }
            if (rule.allowsMethod(method)) {
                return new RouteMatch.Routed(rule, upstreamPath(path));
            }
            allowed.addAll(rule.methods());
        }
        return allowed.isEmpty() ? new RouteMatch.NotFound() : new RouteMatch.MethodNotAllowed(allowed);
    }

    /** Services serve their API at their root: /api/x… becomes /x…; /webhooks/… stays as it is. */
    static String upstreamPath(String path) {
        return path.startsWith("/api/") ? path.substring("/api".length()) : path;
    }

    private static RouteRule exact(Set<String> methods, String path, Upstream upstream, Access access) {
        return new RouteRule(path, true, methods, upstream, access);
    }

    private static RouteRule prefix(Set<String> methods, String path, Upstream upstream, Access access) {
        return new RouteRule(path, false, methods, upstream, access);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
