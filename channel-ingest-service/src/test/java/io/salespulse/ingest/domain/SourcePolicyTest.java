package io.salespulse.ingest.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourcePolicyTest {
    @Test
    void staffPostAsThemselvesOrForAStore() {
        assertThat(SourcePolicy.mayName("api:clara", "api:clara", false)).isTrue();
        assertThat(SourcePolicy.mayName("store:ST-003", "api:clara", false)).isTrue();
    }

    @Test
    void staffMayNotSpeakForAnotherSystemOrPerson() {
        assertThat(SourcePolicy.mayName("shopify:demo.myshopify.com", "api:clara", false)).isFalse();
        assertThat(SourcePolicy.mayName("marketplace:amazon-eu", "api:clara", false)).isFalse();
        assertThat(SourcePolicy.mayName("api:integration-demo", "api:clara", false)).isFalse();
        assertThat(SourcePolicy.mayName("api:clara2", "api:clara", false)).isFalse();
        assertThat(SourcePolicy.mayName("Store:ST-003", "api:clara", false)).as("prefixes are exact").isFalse();
    }

    @Test
    void integrationsAndAdminsNameTheSystemsTheyConnect() {
        assertThat(SourcePolicy.mayName("marketplace:amazon-eu", "api:integration-demo", true)).isTrue();
        assertThat(SourcePolicy.mayName("web:shop.example.com", "api:admin", true)).isTrue();
    }

    @Test
    void staffBoundToStoresRecordSalesOnlyThere() {
        var stores = java.util.List.of("ST-001", "ST-005");
        assertThat(SourcePolicy.mayRecordAt("ST-005", "store:ST-005", stores)).isTrue();
        assertThat(SourcePolicy.mayRecordAt("ST-001", "api:clara", stores)).isTrue();
        assertThat(SourcePolicy.mayRecordAt("ST-003", "store:ST-003", stores)).isFalse();
        assertThat(SourcePolicy.mayRecordAt("ST-003", "api:clara", stores)).as("stock would move at ST-003").isFalse();
        assertThat(SourcePolicy.mayRecordAt("ST-001", "store:ST-003", stores)).as("nor under another store").isFalse();
        assertThat(SourcePolicy.mayRecordAt("ST-003", "store:ST-003", java.util.List.of())).as("not bound").isTrue();
    }
}
