package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A product's sales in a period: net units and revenue net of returns.")
public record ProductFigure(
        @Schema(description = "Product id", example = "P-1001") String productId,
        @Schema(description = "Product name as last seen in an order; null when the catalog did not know it",
                nullable = true, example = "Cola 330 ml") String name,
        @Schema(description = "Net units (returns subtract)", example = "42") long units,
        @Schema(type = SchemaType.STRING, description = "Revenue net of returns, 2 decimals", example = "83.58")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue) {
}
