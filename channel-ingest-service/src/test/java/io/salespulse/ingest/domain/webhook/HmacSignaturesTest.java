package io.salespulse.ingest.domain.webhook;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSignaturesTest {
    private static final byte[] BODY = "{\"id\":820982911946154508,\"total_price\":\"45.31\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final SecretRing ONE = new SecretRing(List.of("fake-shopify-secret-current"));

    @Test
    void theRfc4231VectorIsReproduced() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] mac = HmacSignatures.mac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aSignatureMadeByTheJdkVerifies() throws Exception {
        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec("fake-shopify-secret-current".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String header = Base64.getEncoder().encodeToString(jdk.doFinal(BODY));

        assertThat(HmacSignatures.verify(BODY, header, ONE, HmacSignatures.Encoding.BASE64)).isEqualTo(1);
        assertThat(HmacSignatures.sign("fake-shopify-secret-current", BODY, HmacSignatures.Encoding.BASE64))
                .isEqualTo(header);
    }

    @Test
    void aChangedBodyOrAnotherSecretDoesNotVerify() {
        String header = HmacSignatures.sign("fake-shopify-secret-current", BODY, HmacSignatures.Encoding.BASE64);
        byte[] tampered = Arrays.copyOf(BODY, BODY.length);
        tampered[tampered.length - 3] = '9';

        assertThat(HmacSignatures.verify(tampered, header, ONE, HmacSignatures.Encoding.BASE64)).isZero();
        assertThat(HmacSignatures.verify(BODY, header, new SecretRing(List.of("another-secret")),
                HmacSignatures.Encoding.BASE64)).isZero();
    }

    @Test
    void duringARotationBothSecretsVerifyAndTheAnswerSaysWhich() {
        SecretRing rotating = new SecretRing(List.of("new-secret", "old-secret"));

        assertThat(HmacSignatures.verify(BODY, HmacSignatures.sign("new-secret", BODY, HmacSignatures.Encoding.BASE64),
                rotating, HmacSignatures.Encoding.BASE64)).isEqualTo(1);
        assertThat(HmacSignatures.verify(BODY, HmacSignatures.sign("old-secret", BODY, HmacSignatures.Encoding.BASE64),
                rotating, HmacSignatures.Encoding.BASE64)).isEqualTo(2);
    }

    @Test
    void hexSignaturesVerifyInEitherCase() {
        String hex = HmacSignatures.sign("fake-shopify-secret-current", BODY, HmacSignatures.Encoding.HEX);

        assertThat(hex).hasSize(64).matches("[0-9a-f]+");
        assertThat(HmacSignatures.verify(BODY, hex.toUpperCase(), ONE, HmacSignatures.Encoding.HEX)).isEqualTo(1);
    }

    @Test
    void missingOrGarbageSignaturesNeverVerify() {
        assertThat(HmacSignatures.verify(BODY, null, ONE, HmacSignatures.Encoding.BASE64)).isZero();
        assertThat(HmacSignatures.verify(BODY, "  ", ONE, HmacSignatures.Encoding.BASE64)).isZero();
        assertThat(HmacSignatures.verify(BODY, "not base64!", ONE, HmacSignatures.Encoding.BASE64)).isZero();
        assertThat(HmacSignatures.verify(BODY, "abc=", ONE, HmacSignatures.Encoding.BASE64)).isZero();
        assertThat(HmacSignatures.verify(BODY, "xyz", ONE, HmacSignatures.Encoding.HEX)).isZero();
    }
}
