package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "One period of a trend.")
public record TrendPoint(
        @Schema(description = "Period label: 2025-06-02 (day), 2025-W23 (ISO week), 2025-06 (month)",
                example = "2025-W23") String period,
        @Schema(description = "First business day of the period", example = "2025-06-02") LocalDate start,
        @Schema(description = "Last business day of the period (may lie after today)", example = "2025-06-08")
        LocalDate end,
        @Schema(type = SchemaType.STRING, description = "Revenue net of returns, 2 decimals", example = "90120.50")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(description = "SALE orders", example = "2201") long orders,
        @Schema(description = "Net units", example = "5120") long units) {
}
