package io.salespulse.ingest.domain.webhook;

import io.salespulse.ingest.domain.SaleDraft;

import java.util.List;

/** What a channel adapter made of one delivery. */
public sealed interface WebhookMapping {

    /** Sales or returns to publish (usually one), and notes worth a log line (never personal data). */
    record Sales(List<SaleDraft> drafts, List<String> warnings) implements WebhookMapping {
        public Sales {
            drafts = List.copyOf(drafts);
            warnings = List.copyOf(warnings);
        }
    }

    /** Nothing to publish, by design (an update without refund, a failed order...). */
    record Ignored(String why) implements WebhookMapping {
    }

    /**
     * Cannot become an event; a person must look at it: it is dead-lettered with {@code reason}. {@code dedupeKey},
     * when set, names the problem itself rather than the delivery, so that the same problem repeated by later
     * deliveries (every update of an order carries its partial refunds) is dead-lettered once.
     */
    record Unmappable(String reason, String dedupeKey) implements WebhookMapping {
        public Unmappable(String reason) {
            this(reason, null);
        }
    }
}
