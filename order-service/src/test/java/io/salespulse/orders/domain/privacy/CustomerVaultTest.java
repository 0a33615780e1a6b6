package io.salespulse.orders.domain.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerVaultTest {
    private static final String REF = "cus_0123456789abcdefABCDEF";
    private static final byte[] OLD = key(1);
    private static final byte[] NEW = key(2);
    private static final byte[] INDEX = key(3);
    private static final byte[] SECRET = "{\"email\":\"ana@example.com\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedDataOpensWithTheSameReferenceAndHidesTheClearText() {
        CustomerVault vault = new CustomerVault(Map.of("k1", OLD), "k1", INDEX);
        CustomerVault.Sealed sealed = vault.seal(REF, SECRET);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("ana@example.com");
        assertThat(vault.open(REF, sealed)).isEqualTo(SECRET);
    }

    @Test
    void everySealUsesAFreshIv() {
        CustomerVault vault = new CustomerVault(Map.of("k1", OLD), "k1", INDEX);
        assertThat(vault.seal(REF, SECRET).bytes()).isNotEqualTo(vault.seal(REF, SECRET).bytes());
    }

    @Test
    void dataSealedForOneCustomerDoesNotOpenAsAnother() {
        CustomerVault vault = new CustomerVault(Map.of("k1", OLD), "k1", INDEX);
        CustomerVault.Sealed sealed = vault.seal(REF, SECRET);

        assertThatThrownBy(() -> vault.open("cus_somebodyElse0000000", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not authenticate");
    }

    @Test
    void aTamperedByteIsDetected() {
        CustomerVault vault = new CustomerVault(Map.of("k1", OLD), "k1", INDEX);
        byte[] bytes = vault.seal(REF, SECRET).bytes();
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> vault.open(REF, new CustomerVault.Sealed("k1", bytes)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldRowsStillOpenAndNewOnesUseTheNewKey() {
        CustomerVault.Sealed old = new CustomerVault(Map.of("k1", OLD), "k1", INDEX).seal(REF, SECRET);
        CustomerVault rotated = CustomerVault.fromConfig("k1=" + b64(OLD) + ", k2=" + b64(NEW), "k2", b64(INDEX));

        assertThat(rotated.open(REF, old)).isEqualTo(SECRET);
        assertThat(rotated.seal(REF, SECRET).keyId()).isEqualTo("k2");
    }

    @Test
    void aRetiredKeyIsNamedInTheError() {
        CustomerVault.Sealed old = new CustomerVault(Map.of("k1", OLD), "k1", INDEX).seal(REF, SECRET);
        CustomerVault newOnly = new CustomerVault(Map.of("k2", NEW), "k2", INDEX);

        assertThatThrownBy(() -> newOnly.open(REF, old)).hasMessageContaining("'k1'");
    }

    @Test
    void theEmailIndexIgnoresCaseAndSpacesAndDependsOnTheKey() {
        CustomerVault vault = new CustomerVault(Map.of("k1", OLD), "k1", INDEX);
        CustomerVault otherIndex = new CustomerVault(Map.of("k1", OLD), "k1", key(4));

        assertThat(vault.emailIndex(" Ana@Example.COM ")).isEqualTo(vault.emailIndex("ana@example.com"))
                .hasSize(64).doesNotContain("ana");
        assertThat(otherIndex.emailIndex("ana@example.com")).isNotEqualTo(vault.emailIndex("ana@example.com"));
        assertThat(vault.emailIndex(null)).isNull();
    }

    @Test
    void misconfiguredKeysAreRefusedAtStart() {
        assertThatThrownBy(() -> CustomerVault.fromConfig("k1=" + b64(new byte[16]), null, b64(INDEX)))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> CustomerVault.fromConfig("k1", null, b64(INDEX))).hasMessageContaining("id=base64");
        assertThatThrownBy(() -> CustomerVault.fromConfig("k1=" + b64(OLD), "k9", b64(INDEX)))
                .hasMessageContaining("'k9'");
        assertThatThrownBy(() -> CustomerVault.fromConfig("k1=" + b64(OLD), null, "")).hasMessageContaining("index key");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
