package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "Today's figures of one source within its channel.")
public record SourceBreakdown(
        @Schema(description = "WEB, STORE, MARKETPLACE, SCANNER, RFID or API", example = "WEB") String channel,
        @Schema(description = "The source as the channel names it", example = "shopify:demo-shop.myshopify.com")
        String source,
        @Schema(type = SchemaType.STRING, description = "Revenue net of returns, 2 decimals", example = "2310.40")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(description = "SALE orders", example = "61") long orders,
        @Schema(description = "Net units", example = "140") long units) {
}
