package io.salespulse.ingest.config;

import io.salespulse.ingest.domain.Channel;
import io.salespulse.ingest.domain.webhook.SecretRing;
import io.salespulse.ingest.domain.webhook.SecretRings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import org.eclipse.microprofile.config.spi.Converter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sales channels and their secrets: keys {@code salespulse.*}. Secrets come from the environment
 * ({@code SALESPULSE_SHOPIFY_SECRETS}, ...) or from the properties file named by {@code salespulse.secrets-file}
 * ({@link SecretsFileConfigSourceFactory}), never from committed files; tests use obviously fake ones.
 * <p>
 * One mapping per sub-prefix rather than one for {@code salespulse}: other {@code salespulse.*} properties exist
 * (the test support's {@code salespulse.repo.root}, {@code salespulse.secrets-file}) and must not fail validation.
 */
public final class ChannelsConfig {
    private ChannelsConfig() {
    }

    @ConfigMapping(prefix = "salespulse.pseudonym")
    public interface Pseudonym {
        /** HMAC key of customer pseudonyms (SALESPULSE_PSEUDONYM_KEY); without it events carry no customerRef. */
        Optional<String> key();
    }

    @ConfigMapping(prefix = "salespulse.shopify")
    public interface Shopify {
        /** {@code shop.myshopify.com=secret,other.myshopify.com=current|previous} (SALESPULSE_SHOPIFY_SECRETS). */
        @WithConverter(SecretRingsConverter.class)
        Optional<SecretRings> secrets();

        @WithDefault("MARKETPLACE")
        Channel channel();

        @WithDefault("WEB-FC")
        String locationId();

        /** Per shop domain: another channel or location ({@code salespulse.shopify.sources."x.myshopify.com".channel}). */
        Map<String, SourceOverride> sources();

        /** Shopify test orders (payload {@code "test": true}) are not sales when true. */
        @WithDefault("false")
        boolean skipTestOrders();
    }

    @ConfigMapping(prefix = "salespulse.woocommerce")
    public interface WooCommerce {
        /** {@code https://shop.example.com=secret} (SALESPULSE_WOOCOMMERCE_SECRETS); the key is the site URL. */
        @WithConverter(SecretRingsConverter.class)
        Optional<SecretRings> secrets();

        /** Your own web shop by default; a WooCommerce site that is a marketplace partner overrides it per source. */
        @WithDefault("WEB")
        Channel channel();

        @WithDefault("WEB-FC")
        String locationId();

        /** Per site host ({@code salespulse.woocommerce.sources."shop.example.com".channel}). */
        Map<String, SourceOverride> sources();
    }

    /** Generic marketplaces by name: {@code POST /webhooks/marketplace/<name>}, {@code salespulse.marketplaces.<name>.*}. */
    @ConfigMapping(prefix = "salespulse.marketplaces")
    public interface Marketplaces {
        @WithParentName
        Map<String, Marketplace> byName();
    }

    public interface SourceOverride {
        Optional<Channel> channel();

        Optional<String> locationId();
    }

    public interface Marketplace {
        /** {@code secret} or {@code current|previous}. */
        @WithConverter(SecretRingConverter.class)
        SecretRing secret();

        /** The request header carrying the signature. */
        @WithDefault("X-Signature")
        String signatureHeader();

        /** {@code base64} or {@code hex}. */
        @WithDefault("base64")
        String signatureEncoding();

        /** Text before the signature in the header, e.g. {@code sha256=}. */
        Optional<String> signaturePrefix();

        /** A header with a delivery id that redeliveries repeat; else mapping.delivery-id, else the body hash. */
        Optional<String> deliveryIdHeader();

        @WithDefault("MARKETPLACE")
        Channel channel();

        @WithDefault("WEB-FC")
        String locationId();

        /** Currency of orders whose mapping has none (default ingest.default-currency). */
        Optional<String> defaultCurrency();

        Mapping mapping();
    }

    /** JSON Pointers into the marketplace's order body; line pointers are relative to one element of {@code lines}. */
    public interface Mapping {
        String externalId();

        Optional<String> deliveryId();

        Optional<String> occurredAt();

        Optional<String> currency();

        String lines();

        Optional<String> lineSku();

        Optional<String> lineGtin();

        String lineQuantity();

        String lineUnitPrice();

        Optional<String> country();

        Optional<String> region();

        Optional<String> customerId();

        Optional<String> customerEmail();

        Optional<String> taxTotal();

        Optional<String> discountTotal();

        Optional<String> shippingTotal();

        /** A field whose value says SALE or RETURN; with return-values. */
        Optional<String> type();

        @WithDefault("RETURN")
        List<String> returnValues();

        Optional<String> returnOf();
    }

    public static class SecretRingsConverter implements Converter<SecretRings> {
        @Override
        public SecretRings convert(String value) {
            return SecretRings.parse(value);
        }
    }

    public static class SecretRingConverter implements Converter<SecretRing> {
        @Override
        public SecretRing convert(String value) {
            return SecretRing.parse(value);
        }
    }
}
