package io.salespulse.gateway.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The role matrix of ARCHITECTURE.md, decided without Quarkus. */
class RouteTableTest {
    private final RouteTable table = RouteTable.salesPulse();

    @ParameterizedTest(name = "{0} {1} as [{2}] -> {3} {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /api/orders                 | clerk        | ALLOW           | INGEST          | /orders
            POST   | /api/orders                 | integration  | ALLOW           | INGEST          | /orders
            POST   | /api/orders                 | manager      | ALLOW           | INGEST          | /orders
            POST   | /api/orders                 | admin        | ALLOW           | INGEST          | /orders
            POST   | /api/orders                 | analyst      | FORBIDDEN       | INGEST          | /orders
            POST   | /api/orders                 | device       | FORBIDDEN       | INGEST          | /orders
            POST   | /api/orders                 |              | UNAUTHENTICATED | INGEST          | /orders
            GET    | /api/orders                 | analyst      | ALLOW           | ORDERS          | /orders
            GET    | /api/orders/o-1/lines       | clerk        | ALLOW           | ORDERS          | /orders/o-1/lines
            GET    | /api/orders                 | integration  | FORBIDDEN       | ORDERS          | /orders
            PATCH  | /api/orders/o-1             | clerk        | ALLOW           | ORDERS          | /orders/o-1
            POST   | /api/orders/o-1/cancel      | analyst      | FORBIDDEN       | ORDERS          | /orders/o-1/cancel
            DELETE | /api/orders/o-1             | integration  | FORBIDDEN       | ORDERS          | /orders/o-1
            GET    | /api/returns                | analyst      | ALLOW           | ORDERS          | /returns
            POST   | /api/returns                | clerk        | ALLOW           | ORDERS          | /returns
            POST   | /api/returns                | analyst      | FORBIDDEN       | ORDERS          | /returns
            GET    | /api/privacy/customers/c-1  | manager      | FORBIDDEN       | ORDERS          | /privacy/customers/c-1
            DELETE | /api/privacy/customers/c-1  | admin        | ALLOW           | ORDERS          | /privacy/customers/c-1
            POST   | /api/ingest/batch           | integration  | ALLOW           | INGEST          | /ingest/batch
            POST   | /api/imports/pos            | clerk        | ALLOW           | INGEST          | /imports/pos
            POST   | /api/imports/pos            | analyst      | FORBIDDEN       | INGEST          | /imports/pos
            GET    | /api/products/p-1           | device       | ALLOW           | INVENTORY       | /products/p-1
            GET    | /api/inventory              | analyst      | ALLOW           | INVENTORY       | /inventory
            GET    | /api/locations              | clerk        | ALLOW           | INVENTORY       | /locations
            GET    | /api/categories             | integration  | FORBIDDEN       | INVENTORY       | /categories
            PUT    | /api/products/p-1           | manager      | ALLOW           | INVENTORY       | /products/p-1
            POST   | /api/inventory/adjustments  | clerk        | FORBIDDEN       | INVENTORY       | /inventory/adjustments
            POST   | /api/locations              | device       | FORBIDDEN       | INVENTORY       | /locations
            POST   | /api/inventory/returns      | clerk        | ALLOW           | INVENTORY       | /inventory/returns
            POST   | /api/inventory/returns      | manager      | ALLOW           | INVENTORY       | /inventory/returns
            POST   | /api/inventory/returns      | admin        | ALLOW           | INVENTORY       | /inventory/returns
            POST   | /api/inventory/returns/     | clerk        | ALLOW           | INVENTORY       | /inventory/returns/
            POST   | /api/inventory/returns      | analyst      | FORBIDDEN       | INVENTORY       | /inventory/returns
            POST   | /api/inventory/returns      | device       | FORBIDDEN       | INVENTORY       | /inventory/returns
            POST   | /api/inventory/returns      |              | UNAUTHENTICATED | INVENTORY       | /inventory/returns
            POST   | /api/inventory/returns/r-1  | clerk        | FORBIDDEN       | INVENTORY       | /inventory/returns/r-1
            PUT    | /api/inventory/p-1/l-1/thresholds | clerk  | FORBIDDEN       | INVENTORY       | /inventory/p-1/l-1/thresholds
            POST   | /api/inventory/reconciliations/x-1/apply | clerk | FORBIDDEN | INVENTORY       | /inventory/reconciliations/x-1/apply
            GET    | /api/inventory/movements    | clerk        | ALLOW           | INVENTORY       | /inventory/movements
            PUT    | /api/categories/c-1         | manager      | ALLOW           | INVENTORY       | /categories/c-1
            PUT    | /api/categories/c-1         | admin        | ALLOW           | INVENTORY       | /categories/c-1
            PUT    | /api/categories/c-1         | clerk        | FORBIDDEN       | INVENTORY       | /categories/c-1
            PUT    | /api/categories/c-1         | analyst      | FORBIDDEN       | INVENTORY       | /categories/c-1
            PUT    | /api/categories/c-1         |              | UNAUTHENTICATED | INVENTORY       | /categories/c-1
            GET    | /api/products/p-1/changes   | manager      | ALLOW           | INVENTORY       | /products/p-1/changes
            GET    | /api/products/p-1/changes   | admin        | ALLOW           | INVENTORY       | /products/p-1/changes
            GET    | /api/products/p-1/changes   | analyst      | ALLOW           | INVENTORY       | /products/p-1/changes
            HEAD   | /api/products/p-1/changes/  | analyst      | ALLOW           | INVENTORY       | /products/p-1/changes/
            GET    | /api/products/p-1/changes   | clerk        | FORBIDDEN       | INVENTORY       | /products/p-1/changes
            GET    | /api/products/p-1/changes   | device       | FORBIDDEN       | INVENTORY       | /products/p-1/changes
            GET    | /api/products//changes      | clerk        | FORBIDDEN       | INVENTORY       | /products//changes
            GET    | /api/products/p-1/changes   |              | UNAUTHENTICATED | INVENTORY       | /products/p-1/changes
            GET    | /api/products/changes       | clerk        | ALLOW           | INVENTORY       | /products/changes
            GET    | /api/products/by-sku/S-1    | device       | ALLOW           | INVENTORY       | /products/by-sku/S-1
            GET    | /api/alerts                 | clerk        | ALLOW           | INVENTORY       | /alerts
            POST   | /api/alerts/a-1/acknowledge | manager      | ALLOW           | INVENTORY       | /alerts/a-1/acknowledge
            POST   | /api/alerts/a-1/acknowledge | clerk        | FORBIDDEN       | INVENTORY       | /alerts/a-1/acknowledge
            GET    | /api/alert-rules            | clerk        | ALLOW           | INVENTORY       | /alert-rules
            GET    | /api/alert-rules            | analyst      | ALLOW           | INVENTORY       | /alert-rules
            GET    | /api/alert-rules            | manager      | ALLOW           | INVENTORY       | /alert-rules
            GET    | /api/alert-rules            | admin        | ALLOW           | INVENTORY       | /alert-rules
            GET    | /api/alert-rules            | device       | FORBIDDEN       | INVENTORY       | /alert-rules
            GET    | /api/alert-rules            |              | UNAUTHENTICATED | INVENTORY       | /alert-rules
            PUT    | /api/alert-rules            | manager      | ALLOW           | INVENTORY       | /alert-rules
            PUT    | /api/alert-rules            | admin        | ALLOW           | INVENTORY       | /alert-rules
            PUT    | /api/alert-rules            | clerk        | FORBIDDEN       | INVENTORY       | /alert-rules
            PUT    | /api/alert-rules            | analyst      | FORBIDDEN       | INVENTORY       | /alert-rules
            PUT    | /api/alert-rules            |              | UNAUTHENTICATED | INVENTORY       | /alert-rules
            GET    | /api/analytics              | clerk        | ALLOW           | ANALYTICS       | /analytics
            GET    | /api/reports/daily          | analyst      | ALLOW           | ANALYTICS       | /reports/daily
            GET    | /api/analytics              | device       | FORBIDDEN       | ANALYTICS       | /analytics
            GET    | /api/analytics/exchange-rates | analyst    | ALLOW           | ANALYTICS       | /analytics/exchange-rates
            PUT    | /api/analytics/exchange-rates/USD | admin  | ALLOW           | ANALYTICS       | /analytics/exchange-rates/USD
            PUT    | /api/analytics/exchange-rates/USD | manager | FORBIDDEN      | ANALYTICS       | /analytics/exchange-rates/USD
            PUT    | /api/analytics/exchange-rates/USD |       | UNAUTHENTICATED | ANALYTICS       | /analytics/exchange-rates/USD
            GET    | /api/recommendations        | analyst      | ALLOW           | RECOMMENDATIONS | /recommendations
            GET    | /api/recommendations        | clerk        | FORBIDDEN       | RECOMMENDATIONS | /recommendations
            GET    | /api/recommendations/pricing/applied | manager | ALLOW         | RECOMMENDATIONS | /recommendations/pricing/applied
            GET    | /api/recommendations/pricing/applied | admin   | ALLOW         | RECOMMENDATIONS | /recommendations/pricing/applied
            GET    | /api/recommendations/pricing/applied | analyst | ALLOW         | RECOMMENDATIONS | /recommendations/pricing/applied
            GET    | /api/recommendations/pricing/applied | clerk   | FORBIDDEN     | RECOMMENDATIONS | /recommendations/pricing/applied
            GET    | /api/recommendations/pricing/applied | device  | FORBIDDEN     | RECOMMENDATIONS | /recommendations/pricing/applied
            GET    | /api/recommendations/pricing/applied |         | UNAUTHENTICATED | RECOMMENDATIONS | /recommendations/pricing/applied
            POST   | /api/recommendations/r-1/apply | manager   | ALLOW           | RECOMMENDATIONS | /recommendations/r-1/apply
            POST   | /api/recommendations/r-1/apply | analyst   | FORBIDDEN       | RECOMMENDATIONS | /recommendations/r-1/apply
            POST   | /api/summaries              | analyst      | ALLOW           | RECOMMENDATIONS | /summaries
            POST   | /api/summaries              | clerk        | FORBIDDEN       | RECOMMENDATIONS | /summaries
            GET    | /api/devices                | device       | ALLOW           | DEVICES         | /devices
            GET    | /api/devices                | manager      | ALLOW           | DEVICES         | /devices
            GET    | /api/devices                | clerk        | FORBIDDEN       | DEVICES         | /devices
            POST   | /api/devices/d-1/heartbeat  | device       | ALLOW           | DEVICES         | /devices/d-1/heartbeat
            POST   | /api/devices                | manager      | FORBIDDEN       | DEVICES         | /devices
            GET    | /api/whoami                 | nobody-role  | ALLOW           | GATEWAY         | /whoami
            GET    | /api/whoami                 |              | UNAUTHENTICATED | GATEWAY         | /whoami
            POST   | /api/ws-ticket              | device       | ALLOW           | GATEWAY         | /ws-ticket
            POST   | /webhooks/shopify           |              | ALLOW           | INGEST          | /webhooks/shopify
            GET    | /webhooks/ebay              |              | ALLOW           | INGEST          | /webhooks/ebay
            """)
    void decides(String method, String path, String roles, AccessDecision expected, Upstream upstream,
                 String upstreamPath) {
        Caller caller = roles == null ? Caller.ANONYMOUS : Caller.withRoles(roles.split(","));

        RouteMatch match = table.route(method, path);

        assertThat(match).isInstanceOf(RouteMatch.Routed.class);
        RouteMatch.Routed routed = (RouteMatch.Routed) match;
        assertThat(routed.rule().upstream()).isEqualTo(upstream);
        assertThat(routed.upstreamPath()).isEqualTo(upstreamPath);
        assertThat(routed.rule().access().decide(caller)).isEqualTo(expected);
    }

    @Test
    void anyOneFittingRoleIsEnough() {
        RouteMatch.Routed routed = (RouteMatch.Routed) table.route("POST", "/api/orders");
        assertThat(routed.rule().access().decide(Caller.withRoles("analyst", "clerk"))).isEqualTo(AccessDecision.ALLOW);
    }

    @Test
    void prefixesEndAtASegmentBoundary() {
        assertThat(table.route("GET", "/api/ordersummary")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.route("GET", "/api/orders/")).isInstanceOf(RouteMatch.Routed.class);
        assertThat(table.route("GET", "/webhooksx")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void theOrderCreateIsOnlyTheCollectionItself() {
        assertThat(((RouteMatch.Routed) table.route("POST", "/api/orders/")).rule().upstream()).isEqualTo(Upstream.INGEST);
        assertThat(((RouteMatch.Routed) table.route("POST", "/api/orders/o-1/notes")).rule().upstream())
                .isEqualTo(Upstream.ORDERS);
    }

    @Test
    void alertRulesAreNotTheAlertsPrefix() {
        assertThat(table.route("GET", "/api/alert-rules")).isInstanceOf(RouteMatch.Routed.class);
        assertThat(table.route("GET", "/api/alert-rulesx")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.route("GET", "/api/alertsx")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void theReturnsRuleOnlyWidensTheWrite() {
        // A read of the same path is still decided by the catalog read rule, not refused as 405.
        RouteMatch.Routed read = (RouteMatch.Routed) table.route("GET", "/api/inventory/returns");
        assertThat(read.rule().path()).isEqualTo("/api/inventory");
        assertThat(read.rule().access().decide(Caller.withRoles("device"))).isEqualTo(AccessDecision.ALLOW);
        RouteMatch.Routed put = (RouteMatch.Routed) table.route("PUT", "/api/inventory/returns");
        assertThat(put.rule().access().decide(Caller.withRoles("clerk"))).isEqualTo(AccessDecision.FORBIDDEN);
    }

    @Test
    void productChangesOnlyNarrowTheRead() {
        // Writes below a product id stay with the catalog write rule.
        RouteMatch.Routed write = (RouteMatch.Routed) table.route("PUT", "/api/products/p-1/changes");
        assertThat(write.rule().path()).isEqualTo("/api/products");
        assertThat(write.rule().access().decide(Caller.withRoles("manager"))).isEqualTo(AccessDecision.ALLOW);
    }

    @Test
    void unknownPrefixesAreNotFound() {
        assertThat(table.route("GET", "/api/secrets")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.route("GET", "/api")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void aKnownPathWithAnotherMethodIsMethodNotAllowed() {
        assertThat(table.route("DELETE", "/api/analytics/x"))
                .isEqualTo(new RouteMatch.MethodNotAllowed(Set.of("GET", "HEAD")));
        assertThat(table.route("OPTIONS", "/api/orders")).isInstanceOf(RouteMatch.MethodNotAllowed.class);
        assertThat(table.route("GET", "/api/ws-ticket")).isEqualTo(new RouteMatch.MethodNotAllowed(Set.of("POST")));
    }

    @Test
    void headGoesWithGet() {
        RouteMatch.Routed routed = (RouteMatch.Routed) table.route("HEAD", "/api/products");
        assertThat(routed.rule().access().decide(Caller.withRoles("device"))).isEqualTo(AccessDecision.ALLOW);
    }

    @Test
    void onlyWebhooksAreOpen() {
        assertThat(table.rules())
                .filteredOn(rule -> !rule.access().needsIdentity())
                .extracting(RouteRule::path)
                .containsExactly("/webhooks");
    }

    @Test
    void everyRoleInTheTableIsARealmRole() {
        Set<String> realmRoles = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE,
                Roles.INTEGRATION);
        assertThat(table.rules())
                .map(RouteRule::access)
                .filteredOn(Access.AnyRole.class::isInstance)
                .flatMap(access -> ((Access.AnyRole) access).roles())
                .allMatch(realmRoles::contains);
        // Admin may do everything that has a role list.
        assertThat(table.rules()).map(RouteRule::access).filteredOn(Access.AnyRole.class::isInstance)
                .allMatch(access -> ((Access.AnyRole) access).roles().contains(Roles.ADMIN));
    }
}
