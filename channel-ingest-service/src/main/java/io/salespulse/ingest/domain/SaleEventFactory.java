package io.salespulse.ingest.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Builds canonical sale events from drafts: pure (time and ids come from the constructor), shared by every adapter.
 * <ol>
 *   <li>{@link #normalise}: this service's defaults (type SALE, location, currency) and canonical amounts;</li>
 *   <li>{@link #fingerprint}: the SHA-256 of the normalised request, to recognise a retry of the same request;</li>
 *   <li>{@link #newIdentity}: the event id, and the externalId / occurredAt the caller did not give;</li>
 *   <li>{@link #event}: the event itself.</li>
 * </ol>
 * Identity is kept apart from the request so a retry that carries no externalId or time is still "the same request".
 */
public final class SaleEventFactory {
    private final String defaultLocation;
    private final String defaultCurrency;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public SaleEventFactory(String defaultLocation, String defaultCurrency, Clock clock, Supplier<UUID> ids) {
        this.defaultLocation = Objects.requireNonNull(defaultLocation, "defaultLocation");
        this.defaultCurrency = Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** The draft with defaults applied and amounts at scale 2; externalId and occurredAt stay null when absent. */
    public SaleDraft normalise(SaleDraft draft) {
        Objects.requireNonNull(draft.channel(), "the adapter must set the channel");
        Objects.requireNonNull(draft.source(), "the adapter must set the source");
        if (draft.lines().isEmpty()) {
            throw new IllegalArgumentException("a sale has at least one line");
        }
        return new SaleDraft(
                draft.type() == null ? SaleType.SALE : draft.type(),
                draft.channel(),
                draft.source(),
                draft.externalId(),
                draft.locationId() == null ? defaultLocation : draft.locationId(),
                // PostgreSQL keeps microseconds: truncating here keeps a re-published event identical to the first.
                draft.occurredAt() == null ? null : draft.occurredAt().truncatedTo(ChronoUnit.MICROS),
                draft.currency() == null ? defaultCurrency : draft.currency(),
                draft.lines().stream()
                        .map(line -> new SaleLine(line.productId(), line.sku(), line.gtin(), line.quantity(),
                                money(line.unitPrice())))
                        .toList(),
                draft.customerRef(),
                draft.returnOf(),
                draft.region(),
                draft.country(),
                money(draft.discountTotal()),
                money(draft.taxTotal()),
                money(draft.shippingTotal()));
    }

    /** A new event id, and the externalId (a UUID) and occurredAt (now) of a normalised draft that has none. */
    public EventIdentity newIdentity(SaleDraft sale) {
        UUID eventId = ids.get();
        String externalId = sale.externalId() != null ? sale.externalId() : ids.get().toString();
        Instant occurredAt = sale.occurredAt() != null ? sale.occurredAt()
                : clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new EventIdentity(eventId, externalId, occurredAt);
    }

    /** The canonical event of a normalised draft with its identity. */
    public static SaleEvent event(SaleDraft sale, EventIdentity identity) {
        return new SaleEvent(identity.eventId(), sale.type(), sale.channel(), sale.source(), identity.externalId(),
                sale.locationId(), identity.occurredAt(), sale.currency(), sale.lines(), sale.customerRef(),
                sale.returnOf(), sale.region(), sale.country(), sale.discountTotal(), sale.taxTotal(),
                sale.shippingTotal());
    }

    /**
     * SHA-256 (hex) of the normalised request: equal for the same order sent twice ("2.5" and "2.50" alike), different
     * as soon as anything that would change the event differs. Fields are length-prefixed, so no two requests share
     * an encoding.
     */
    public static String fingerprint(SaleDraft sale) {
        StringBuilder canonical = new StringBuilder(256);
        append(canonical, sale.type());
        append(canonical, sale.channel());
        append(canonical, sale.source());
        append(canonical, sale.externalId());
        append(canonical, sale.locationId());
        append(canonical, sale.occurredAt());
        append(canonical, sale.currency());
        append(canonical, sale.customerRef());
        append(canonical, sale.returnOf());
        append(canonical, sale.region());
        append(canonical, sale.country());
        append(canonical, plain(sale.discountTotal()));
        append(canonical, plain(sale.taxTotal()));
        append(canonical, plain(sale.shippingTotal()));
        append(canonical, sale.lines().size());
        for (SaleLine line : sale.lines()) {
            append(canonical, line.productId());
            append(canonical, line.sku());
            append(canonical, line.gtin());
            append(canonical, line.quantity());
            append(canonical, plain(line.unitPrice()));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append('-');
        } else {
            String text = value.toString();
            out.append(text.length()).append(':').append(text);
        }
        out.append('|');
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    /** Money has 2 decimals everywhere (NUMERIC(14,2)); more is a validation error upstream, never rounded here. */
    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
