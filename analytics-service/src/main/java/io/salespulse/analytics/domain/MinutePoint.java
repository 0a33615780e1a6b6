package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(description = "One minute of the last hour, by event time: [minute, minute + 60 s).")
public record MinutePoint(
        @Schema(description = "Start of the minute (UTC)", example = "2025-06-02T09:41:00Z") Instant minute,
        @Schema(type = SchemaType.STRING, description = "Revenue net of returns, 2 decimals", example = "1250.40")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(description = "SALE orders", example = "31") long orders) {
}
