package io.salespulse.analytics.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard's document: GET /analytics and the data of every {@code analytics.snapshot} WebSocket message.
 * All figures by event time; revenue is net of returns, orders count SALE orders, units are net units.
 */
@Schema(name = "AnalyticsSnapshot", description = "Live sales analytics by event time. Revenue is net of returns "
        + "(a RETURN subtracts its amount), orders count SALE orders only, units are net units. Money is a string "
        + "with 2 decimals in the reporting currency.")
public record AnalyticsSnapshot(
        @Schema(description = "When these figures were computed") Instant generatedAt,
        @Schema(description = "Business time zone of today, daily and trends", example = "UTC") String timeZone,
        @Schema(description = "Reporting currency (ISO 4217)", example = "EUR") String currency,
        @Schema(type = SchemaType.STRING, description = "All-time revenue, net of returns", example = "1520330.45")
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalRevenue,
        @Schema(description = "All-time SALE orders", example = "40211") long totalOrders,
        @Schema(description = "All-time net units", example = "98110") long totalUnits,
        @Schema(description = "Today in the business time zone") DayFigures today,
        @Schema(description = "Last and previous sliding minute") LastMinute lastMinute,
        @Schema(description = "Today's top products by revenue") List<ProductFigure> topProducts,
        @Schema(description = "Today's top products by units") List<ProductFigure> topProductsByUnits,
        @Schema(description = "Top products of the last minute by revenue") List<ProductFigure> topProductsLastMinute,
        @Schema(description = "Top products of the last minute by units") List<ProductFigure> topProductsLastMinuteByUnits,
        @Schema(description = "All-time top products by revenue") List<ProductFigure> topProductsAllTime,
        @Schema(description = "All-time top products by units") List<ProductFigure> topProductsAllTimeByUnits,
        @Schema(description = "Today per channel, by revenue descending") List<Breakdown> byChannel,
        @Schema(description = "Today per source, grouped by channel (channels in the order of byChannel), then by "
                + "revenue descending") List<SourceBreakdown> bySource,
        @Schema(description = "Today per category, by revenue descending") List<Breakdown> byCategory,
        @Schema(description = "Today per location, by revenue descending") List<Breakdown> byLocation,
        @Schema(description = "Today per region, by revenue descending") List<Breakdown> byRegion,
        @Schema(description = "The 60 minutes ending with the current one, oldest first, empty minutes included")
        List<MinutePoint> lastHour,
        @Schema(description = "The last 30 business days ending today, oldest first, empty days included")
        List<DayPoint> daily,
        @Schema(description = "Per currency, orders in no figure yet because no exchange rate into the reporting "
                + "currency covers their day (empty when there are none; an admin sets rates at "
                + "/api/analytics/exchange-rates)")
        List<AwaitingRate> awaitingExchangeRate) {
}
