package io.salespulse.analytics.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a snapshot reads from the rollups (exact and shared by all replicas): totals, today, breakdowns, daily.
 * {@code daily} holds only the days that have rows; {@link SnapshotBuilder} fills the gaps.
 */
public record DurableFigures(LocalDate today, BigDecimal totalRevenue, long totalOrders, long totalUnits,
                             DayFigures todayFigures, List<ProductFigure> topProducts,
                             List<ProductFigure> topProductsByUnits, List<ProductFigure> topProductsAllTime,
                             List<ProductFigure> topProductsAllTimeByUnits,
                             List<Breakdown> byChannel, List<SourceBreakdown> bySource,
                             List<Breakdown> byCategory, List<Breakdown> byLocation,
                             List<Breakdown> byRegion, List<DailyTotal> daily) {
}
