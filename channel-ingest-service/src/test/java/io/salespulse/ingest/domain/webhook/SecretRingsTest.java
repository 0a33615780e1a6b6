package io.salespulse.ingest.domain.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The format of SALESPULSE_SHOPIFY_SECRETS / SALESPULSE_WOOCOMMERCE_SECRETS. */
class SecretRingsTest {

    @Test
    void shopsWithOneOrTwoSecrets() {
        SecretRings rings = SecretRings.parse("a.myshopify.com=s1, B.myshopify.com = current|previous");

        assertThat(rings.size()).isEqualTo(2);
        assertThat(rings.forSource("a.myshopify.com")).contains(new SecretRing(List.of("s1")));
        assertThat(rings.forSource("b.myshopify.com").orElseThrow().secrets()).containsExactly("current", "previous");
        assertThat(rings.forSource("c.myshopify.com")).isEmpty();
    }

    @Test
    void siteUrlsAreComparedWithoutSchemeCaseOrTrailingSlash() {
        SecretRings rings = SecretRings.parse("https://Shop.Example.com/=wc-secret,https://example.org/shop/=other");

        assertThat(rings.forSource("https://shop.example.com/")).isPresent();
        assertThat(rings.forSource("shop.example.com")).isPresent();
        assertThat(rings.forSource("http://example.org/shop")).isPresent();
        assertThat(SecretRings.normalise("https://Shop.Example.com/")).isEqualTo("shop.example.com");
    }

    @Test
    void punctuationInSecretsIsEscaped() {
        SecretRings rings = SecretRings.parse("shop.example.com=a\\,b\\=c\\|d\\\\e|second");

        assertThat(rings.forSource("shop.example.com").orElseThrow().secrets()).containsExactly("a,b=c|d\\e", "second");
    }

    @Test
    void anEmptyValueMeansNoSources() {
        assertThat(SecretRings.parse("").size()).isZero();
        assertThat(SecretRings.parse(" , ").size()).isZero();
    }

    @Test
    void mistakesAreRefusedWithoutEchoingSecrets() {
        assertThatThrownBy(() -> SecretRings.parse("just-a-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("just-a-secret");
        assertThatThrownBy(() -> SecretRings.parse("a.myshopify.com=s1,a.myshopify.com=s2"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SecretRings.parse("a.myshopify.com=one|two|three"))
                .hasMessageContaining("1 or 2");
        assertThatThrownBy(() -> SecretRings.parse("a.myshopify.com="))
                .hasMessageContaining("blank");
    }

    @Test
    void secretsNeverShowInToString() {
        SecretRings rings = SecretRings.parse("a.myshopify.com=super-secret-value|older-secret");

        assertThat(rings.toString()).contains("a.myshopify.com").doesNotContain("super-secret-value", "older-secret");
        assertThat(rings.forSource("a.myshopify.com").orElseThrow().toString()).doesNotContain("super-secret-value");
    }
}
