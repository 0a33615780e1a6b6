package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

@Schema(description = "Sliding minutes by event time: last = (windowEnd - 60 s, windowEnd], previous = "
        + "(windowEnd - 120 s, windowEnd - 60 s]; windowEnd is 'now' truncated to the second.")
public record LastMinute(
        @Schema(description = "End of the last minute (inclusive)", example = "2025-06-02T09:41:27Z") Instant windowEnd,
        @Schema(type = SchemaType.STRING, description = "Revenue of the last minute, net of returns", example = "310.20")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue,
        @Schema(description = "SALE orders of the last minute", example = "9") long orders,
        @Schema(type = SchemaType.STRING, description = "Revenue of the previous minute", example = "280.00")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal previousRevenue,
        @Schema(description = "SALE orders of the previous minute", example = "8") long previousOrders,
        @Schema(type = SchemaType.STRING, description = "revenue - previousRevenue", example = "30.20")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenueChange,
        @Schema(description = "Change in percent of |previousRevenue|, 1 decimal HALF_UP; null only when "
                + "previousRevenue is zero", nullable = true, example = "10.8") BigDecimal revenueChangePct) {
}
