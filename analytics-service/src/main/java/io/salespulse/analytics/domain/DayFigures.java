package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "Figures of the current business day (analytics.time-zone), by event time.")
public record DayFigures(
        @Schema(description = "Business date", example = "2025-06-02") LocalDate date,
        @Schema(type = SchemaType.STRING, description = "Revenue net of returns, 2 decimals", example = "18250.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(description = "SALE orders", example = "412") long orders,
        @Schema(description = "Net units", example = "1033") long units) {
}
