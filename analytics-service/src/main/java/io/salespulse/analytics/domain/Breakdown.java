package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Today's figures of one value of a dimension (a channel, category, location or region).")
public record Breakdown(
        @Schema(description = "The value: channel (WEB...), category name ('uncategorized' when unknown), "
                + "location id, or region ('unknown' when unknown)", example = "STORE") String key,
        @Schema(type = SchemaType.STRING, description = "Revenue net of returns, 2 decimals", example = "5120.75")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(description = "SALE orders (an order counts once per category even with several lines)",
                example = "120") long orders,
        @Schema(description = "Net units", example = "310") long units) {
}
