package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.Gtin;
import io.salespulse.ingest.domain.SaleLine;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/** One line of the full form: exactly one of productId, sku or gtin, a quantity and the unit price. */
@OneProductReference
@Schema(name = "OrderLine", description = "Names the product by exactly one of productId, sku or gtin.")
public record LineRequest(
        @Schema(examples = "P-1001")
        @Size(min = 1, max = 64) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String productId,

        @Schema(examples = "SKU-COLA-330")
        @Size(min = 1, max = 64) @Pattern(regexp = OrderRequest.TRIMMED, message = OrderRequest.TRIMMED_MESSAGE)
        String sku,

        @Schema(description = "GTIN-8/12/13/14 with a valid check digit", examples = "4006381333931")
        @Gtin
        String gtin,

        @Schema(examples = "1", required = true, minimum = "1", maximum = "10000")
        @NotNull @Min(1) @Max(OrderRequest.MAX_QUANTITY)
        Integer quantity,

        @Schema(description = "Price of one unit, at most 2 decimals (a JSON string or number)", examples = "1.99",
                required = true)
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2)
        BigDecimal unitPrice) {

    SaleLine toSaleLine() {
        return new SaleLine(productId, sku, gtin, quantity, unitPrice);
    }
}
