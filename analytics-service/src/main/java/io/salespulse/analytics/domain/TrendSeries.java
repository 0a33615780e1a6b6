package io.salespulse.analytics.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Revenue, orders and units per period from the daily rollups, oldest first; the last "
        + "period is the current one (still running).")
public record TrendSeries(
        @Schema(description = "day, week or month", example = "week") String granularity,
        @Schema(description = "Business time zone of the periods", example = "UTC") String timeZone,
        @Schema(description = "The channel the figures are limited to; null for all channels", example = "WEB",
                nullable = true) String channel,
        @Schema(description = "The source the figures are limited to (under every channel it sells through "
                + "unless channel is given); null for all sources", example = "shopify:demo-shop.myshopify.com",
                nullable = true) String source,
        @Schema(description = "The periods, empty ones included") List<TrendPoint> points) {
}
