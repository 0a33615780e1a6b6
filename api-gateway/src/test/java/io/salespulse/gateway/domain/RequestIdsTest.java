package io.salespulse.gateway.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void keepsASaneId() {
        assertThat(RequestIds.keepOrCreate("pos-ST-001:retry.2")).isEqualTo("pos-ST-001:retry.2");
        assertThat(RequestIds.keepOrCreate("3f1c2a9e-1b2c-4d5e-8f90-123456789abc")).isEqualTo("3f1c2a9e-1b2c-4d5e-8f90-123456789abc");
    }

    @Test
    void replacesMissingOversizedOrForgedIds() {
        assertThat(RequestIds.keepOrCreate(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.keepOrCreate("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.keepOrCreate("x".repeat(129))).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.keepOrCreate("abc\r\nlevel=ERROR")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.keepOrCreate("<script>")).matches("[0-9a-f-]{36}");
    }
}
