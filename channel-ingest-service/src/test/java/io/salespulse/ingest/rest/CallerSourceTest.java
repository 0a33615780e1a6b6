package io.salespulse.ingest.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallerSourceTest {

    @Test
    void aUserIsNamedByUsername() {
        assertThat(CallerSource.of("clerk", null, "web-frontend", "f3a1")).isEqualTo("api:clerk");
    }

    @Test
    void anIntegrationClientIsNamedByItsClientId() {
        assertThat(CallerSource.of("service-account-pos-sync", "pos-sync", "pos-sync", "9d2e")).isEqualTo("api:pos-sync");
        assertThat(CallerSource.of(null, null, "pos-sync", "9d2e")).isEqualTo("api:pos-sync");
    }

    @Test
    void anEmailAddressNeverBecomesTheSource() {
        assertThat(CallerSource.of("jane.doe@example.com", null, "web-frontend", "4b1c-77")).isEqualTo("api:4b1c-77");
    }

    @Test
    void theSourceFitsTheContract() {
        assertThat(CallerSource.of("u".repeat(300), null, null, null)).hasSize(200).startsWith("api:");
    }
}
