package io.salespulse.ingest.domain.pos;

import java.math.BigDecimal;
import java.time.Instant;

/** One valid row of a POS export: one product line of a receipt. Exactly one of sku and gtin is set. */
public record PosRow(int row, String store, String receiptId, Instant timestamp, String sku, String gtin, int quantity,
                     BigDecimal unitPrice, String paymentType, String currency) {
}
