package io.salespulse.ingest.domain.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.ingest.config.WebhookSources;
import io.salespulse.ingest.data.NewDelivery;
import io.salespulse.ingest.data.RecordedDelivery;
import io.salespulse.ingest.data.WebhookDeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The synchronous half of a webhook, inside the platform's answer budget (Shopify: 5 s): find the source's secrets,
 * verify the HMAC of the raw body, and durably record the delivery, redacted, as PENDING. Mapping and publishing
 * happen afterwards in {@link WebhookProcessor}, so a slow Kafka never makes a platform time out and redeliver.
 * Every delivery is logged with its verification outcome; personal data is split off to the {@link CustomerDataSink}
 * and replaced by a pseudonym before anything is stored.
 */
@ApplicationScoped
public class WebhookIntake {
    private static final Pattern WOO_PING = Pattern.compile("webhook_id=\\d+");
    private static final int MAX_DELIVERY_ID = 200;

    private final WebhookSources sources;
    private final WebhookDeliveryRepository deliveries;
    private final Pseudonymizer pseudonyms;
    private final CustomerDataSink customers;
    private final WebhookMetrics metrics;
    private final WebhookProcessor processor;
    private final ObjectMapper json;

    public WebhookIntake(WebhookSources sources, WebhookDeliveryRepository deliveries, Pseudonymizer pseudonyms,
                         CustomerDataSink customers, WebhookMetrics metrics, WebhookProcessor processor,
                         ObjectMapper json) {
        this.sources = sources;
        this.deliveries = deliveries;
        this.pseudonyms = pseudonyms;
        this.customers = customers;
        this.metrics = metrics;
        this.processor = processor;
        this.json = json;
    }

    /** A Shopify delivery: shop from X-Shopify-Shop-Domain, dedup on X-Shopify-Event-Id (else X-Shopify-Webhook-Id). */
    @WithSpan("WebhookIntake.shopify")
    public WebhookAck shopify(String shopDomain, String topic, String signature, String eventId, String webhookId,
                              byte[] body) {
        WebhookChannel channel = WebhookChannel.SHOPIFY;
        String source = blank(shopDomain) ? null : WebhookSources.shopifySource(shopDomain);
        SecretRing secrets = blank(shopDomain) ? null : sources.shopifySecrets(shopDomain).orElse(null);
        int verified = verify(channel, source, topic, secrets, body, signature, HmacSignatures.Encoding.BASE64);
        if (!ShopifyMapper.supports(topic)) {
            return ignored(channel, source, topic);
        }
        String deliveryId = deliveryId(!blank(eventId) ? eventId : webhookId, body);
        return accept(channel, source, topic, deliveryId, verified, body, order -> ShopifyMapper.redact(topic, order),
                order -> ShopifyMapper.customer(topic, source, order, pseudonyms));
    }

    /**
     * A WooCommerce delivery: site from X-WC-Webhook-Source, dedup on X-WC-Webhook-Delivery-ID. The ping WooCommerce
     * sends when a webhook is saved (form body {@code webhook_id=<n>}, unsigned) is answered 200 and nothing else.
     */
    @WithSpan("WebhookIntake.wooCommerce")
    public WebhookAck wooCommerce(String siteUrl, String topic, String signature, String deliveryId, byte[] body) {
        WebhookChannel channel = WebhookChannel.WOOCOMMERCE;
        if (blank(signature) && WOO_PING.matcher(new String(body, StandardCharsets.UTF_8).strip()).matches()) {
            metrics.received(channel, "ping");
            Log.infof("Webhook channel=woocommerce source=%s outcome=ping", LogText.safe(siteUrl));
            return new WebhookAck(WebhookAck.Status.PING, null);
        }
        String source = blank(siteUrl) ? null : WebhookSources.wooCommerceSource(siteUrl);
        SecretRing secrets = blank(siteUrl) ? null : sources.wooCommerceSecrets(siteUrl).orElse(null);
        int verified = verify(channel, source, topic, secrets, body, signature, HmacSignatures.Encoding.BASE64);
        if (!WooCommerceMapper.supports(topic)) {
            return ignored(channel, source, topic);
        }
        return accept(channel, source, topic, deliveryId(deliveryId, body), verified, body,
                WooCommerceMapper::redact, order -> WooCommerceMapper.customer(source, order, pseudonyms));
    }

    /** A generic marketplace delivery, signed, identified and mapped as salespulse.marketplaces.&lt;name&gt; says. */
    @WithSpan("WebhookIntake.marketplace")
    public WebhookAck marketplace(String name, Function<String, String> headers, byte[] body) {
        WebhookChannel channel = WebhookChannel.MARKETPLACE;
        Optional<MarketplaceSource> configured = sources.marketplace(name);
        String source = configured.map(MarketplaceSource::source).orElse("marketplace:" + name);
        String signature = configured.map(m -> signature(headers.apply(m.signatureHeader()), m.signaturePrefix()))
                .orElse(null);
        int verified = verify(channel, configured.isPresent() ? source : null, MarketplaceMapper.TOPIC,
                configured.map(MarketplaceSource::secrets).orElse(null), body, signature,
                configured.map(MarketplaceSource::signatureEncoding).orElse(HmacSignatures.Encoding.BASE64));
        MarketplaceSource marketplace = configured.orElseThrow();
        String deliveryId = marketplace.deliveryIdHeader() == null ? null : headers.apply(marketplace.deliveryIdHeader());
        if (blank(deliveryId) && marketplace.mapping().deliveryId() != null) {
            deliveryId = parse(body).map(order -> Json.text(order.at(marketplace.mapping().deliveryId()))).orElse(null);
        }
        return accept(channel, source, MarketplaceMapper.TOPIC, deliveryId(deliveryId, body), verified, body,
                order -> marketplace.mapping().allowlist().apply(order),
                order -> MarketplaceMapper.customer(source, order, marketplace.mapping(), pseudonyms));
    }

    /** Returns which secret verified the body (1 or 2), or throws: unknown source, no signature, wrong signature. */
    private int verify(WebhookChannel channel, String source, String topic, SecretRing secrets, byte[] body,
                       String signature, HmacSignatures.Encoding encoding) {
        String outcome;
        if (source == null || secrets == null) {
            outcome = "unknown_source";
        } else if (blank(signature)) {
            outcome = "missing_signature";
        } else {
            int matched = HmacSignatures.verify(body, signature, secrets, encoding);
            if (matched > 0) {
                return matched;
            }
            outcome = "bad_signature";
        }
        metrics.received(channel, outcome);
        Log.warnf("Webhook channel=%s source=%s topic=%s outcome=%s bytes=%d", channel.tag(), LogText.safe(source),
                LogText.safe(topic), outcome, body.length);
        throw new WebhookRejectedException(outcome, switch (outcome) {
            case "unknown_source" -> "The webhook's source is not configured here";
            case "missing_signature" -> "The webhook carries no signature";
            default -> "The webhook's signature does not match its body";
        });
    }

    private WebhookAck ignored(WebhookChannel channel, String source, String topic) {
        metrics.received(channel, "ignored");
        Log.infof("Webhook channel=%s source=%s topic=%s outcome=ignored (topic not used)", channel.tag(),
                LogText.safe(source), LogText.safe(topic));
        return new WebhookAck(WebhookAck.Status.IGNORED, null);
    }

    private WebhookAck accept(WebhookChannel channel, String source, String topic, String deliveryId, int verified,
                              byte[] body, UnaryOperator<JsonNode> redact, Function<JsonNode, CustomerData> customer) {
        Optional<JsonNode> order = parse(body).filter(JsonNode::isObject);
        CustomerData personal = order.map(customer).orElse(null);
        String redacted = order.map(redact).map(this::write).orElse(null);
        String verification = "SECRET_" + verified;
        if (personal != null) {
            customers.accept(personal);
        }
        RecordedDelivery recorded = deliveries.record(new NewDelivery(channel, source, topic, deliveryId, verification,
                redacted, sha256(body), personal == null ? null : personal.customerRef()));
        String outcome = recorded.redelivery() ? "duplicate" : "accepted";
        metrics.received(channel, outcome);
        Log.infof("Webhook channel=%s source=%s topic=%s delivery=%s outcome=%s verified-with=%s id=%s", channel.tag(),
                LogText.safe(source), LogText.safe(topic), LogText.safe(deliveryId), outcome, verification,
                recorded.id());
        if (recorded.redelivery()) {
            return new WebhookAck(WebhookAck.Status.DUPLICATE, recorded.id());
        }
        processor.wake();
        return new WebhookAck(WebhookAck.Status.ACCEPTED, recorded.id());
    }

    private Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.ofNullable(json.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    /** The platform's id when it has a usable one, else the body's hash (identical bodies are the same delivery). */
    private static String deliveryId(String given, byte[] body) {
        if (blank(given)) {
            return "sha256:" + sha256(body);
        }
        String id = given.strip();
        return id.length() <= MAX_DELIVERY_ID ? id : "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String signature(String header, String prefix) {
        if (header == null || prefix == null || prefix.isEmpty()) {
            return header;
        }
        return header.startsWith(prefix) ? header.substring(prefix.length()) : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
