package io.salespulse.ingest.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A sale as a channel adapter understood it (the REST API now; marketplace webhooks and POS imports later), before
 * defaults and identity are applied: {@code null} means "not given". {@link SaleEventFactory} turns it into the
 * canonical {@link SaleEvent}. The adapter always sets channel and source: it knows who is calling.
 */
public record SaleDraft(SaleType type, Channel channel, String source, String externalId, String locationId,
                        Instant occurredAt, String currency, List<SaleLine> lines, String customerRef,
                        String returnOf, String region, String country, BigDecimal discountTotal,
                        BigDecimal taxTotal, BigDecimal shippingTotal) {

    public SaleDraft {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The same sale at {@code location}. */
    public SaleDraft atLocation(String location) {
        return new SaleDraft(type, channel, source, externalId, location, occurredAt, currency, lines, customerRef,
                returnOf, region, country, discountTotal, taxTotal, shippingTotal);
    }

    public static Builder builder(Channel channel, String source) {
        return new Builder(channel, source);
    }

    /** Adapters set what their payload carries and leave the rest null. */
    public static final class Builder {
        private SaleType type;
        private final Channel channel;
        private final String source;
        private String externalId;
        private String locationId;
        private Instant occurredAt;
        private String currency;
        private List<SaleLine> lines = List.of();
        private String customerRef;
        private String returnOf;
        private String region;
        private String country;
        private BigDecimal discountTotal;
        private BigDecimal taxTotal;
        private BigDecimal shippingTotal;

        private Builder(Channel channel, String source) {
            this.channel = channel;
            this.source = source;
        }

        public Builder type(SaleType value) {
            type = value;
            return this;
        }

        public Builder externalId(String value) {
            externalId = value;
            return this;
        }

        public Builder locationId(String value) {
            locationId = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public Builder currency(String value) {
            currency = value;
            return this;
        }

        public Builder lines(List<SaleLine> value) {
            lines = value;
            return this;
        }

        public Builder customerRef(String value) {
            customerRef = value;
            return this;
        }

        public Builder returnOf(String value) {
            returnOf = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder country(String value) {
            country = value;
            return this;
        }

        public Builder totals(BigDecimal discount, BigDecimal tax, BigDecimal shipping) {
            discountTotal = discount;
            taxTotal = tax;
            shippingTotal = shipping;
            return this;
        }

        public SaleDraft build() {
            return new SaleDraft(type, channel, source, externalId, locationId, occurredAt, currency, lines,
                    customerRef, returnOf, region, country, discountTotal, taxTotal, shippingTotal);
        }
    }
}
