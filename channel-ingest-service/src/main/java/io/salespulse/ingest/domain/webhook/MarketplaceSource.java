package io.salespulse.ingest.domain.webhook;

/** One configured generic marketplace: how its webhooks are signed and identified, and how its orders map. */
public record MarketplaceSource(String name, SecretRing secrets, String signatureHeader,
                                HmacSignatures.Encoding signatureEncoding, String signaturePrefix,
                                String deliveryIdHeader, MarketplaceMapping mapping, ChannelSettings settings) {

    public String source() {
        return "marketplace:" + name;
    }
}
