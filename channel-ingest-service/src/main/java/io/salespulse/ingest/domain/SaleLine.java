package io.salespulse.ingest.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One product line of a sale: the product named by productId, sku or gtin (downstream services resolve whichever
 * is given), how many, and the price of one unit (2 decimals; a JSON string on the wire so it stays exact).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaleLine(String productId, String sku, String gtin, int quantity,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice) {

    public static SaleLine ofProduct(String productId, int quantity, BigDecimal unitPrice) {
        return new SaleLine(productId, null, null, quantity, unitPrice);
    }
}
