package io.salespulse.gateway.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Path matching of one rule: exact, prefix at a segment boundary, and placeholders for ids. */
class RouteRuleTest {
    private static final Access ANY = Access.authenticated();

    @Test
    void aPlaceholderStandsForExactlyOneSegment() {
        RouteRule changes = new RouteRule("/api/products/{id}/changes", true, Set.of("GET"), Upstream.INVENTORY, ANY);

        assertThat(changes.matchesPath("/api/products/p-1/changes")).isTrue();
        assertThat(changes.matchesPath("/api/products/p-1/changes/")).isTrue();
        assertThat(changes.matchesPath("/api/products/p-1/x/changes")).isFalse();
        assertThat(changes.matchesPath("/api/products/changes")).isFalse();
        assertThat(changes.matchesPath("/api/products/p-1/changes/c-1")).isFalse();
        assertThat(changes.matchesPath("/api/products/p-1/changesx")).isFalse();
        assertThat(changes.matchesPath("/api/products/p-1")).isFalse();
    }

    @Test
    void anEmptySegmentFillsAPlaceholderSoTheStricterRuleStillApplies() {
        RouteRule changes = new RouteRule("/api/products/{id}/changes", true, Set.of("GET"), Upstream.INVENTORY, ANY);

        assertThat(changes.matchesPath("/api/products//changes")).isTrue();
    }

    @Test
    void onlyExactRulesTakePlaceholders() {
        assertThatThrownBy(() -> new RouteRule("/api/products/{id}", false, Set.of("GET"), Upstream.INVENTORY, ANY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exactAndPrefixRulesMatchAsBefore() {
        RouteRule exact = new RouteRule("/api/inventory/returns", true, Set.of("POST"), Upstream.INVENTORY, ANY);
        RouteRule prefix = new RouteRule("/api/alert-rules", false, Set.of("GET"), Upstream.INVENTORY, ANY);

        assertThat(exact.matchesPath("/api/inventory/returns")).isTrue();
        assertThat(exact.matchesPath("/api/inventory/returns/")).isTrue();
        assertThat(exact.matchesPath("/api/inventory/returns/r-1")).isFalse();
        assertThat(prefix.matchesPath("/api/alert-rules/anything")).isTrue();
        assertThat(prefix.matchesPath("/api/alert-rulesx")).isFalse();
    }
}
