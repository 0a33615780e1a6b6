package io.salespulse.analytics.domain;

import java.util.List;

/** What the in-memory live window contributes to a snapshot, all seen at one instant. */
public record LiveFigures(SlidingWindow.Minutes minutes, List<ProductFigure> topProductsLastMinute,
                          List<ProductFigure> topProductsLastMinuteByUnits,
                          List<MinutePoint> lastHour) {
}
