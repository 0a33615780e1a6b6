package io.salespulse.recommendations.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The template-written review: what the rules engine says when there is no LLM or it failed. */
public final class SummaryWriter {

    private SummaryWriter() {
    }

    public static Summary write(PeriodFigures f, Instant now) {
        var text = new StringBuilder();
        text.append("In ").append(f.period()).append(" revenue was ").append(money(f.revenue(), f.currency()))
                .append(" from ").append(f.orders()).append(" orders and ").append(f.units()).append(" units");
        var highlights = new ArrayList<String>();
        if (f.previousRevenue() != null && f.previousRevenue().signum() != 0) {
            var pct = f.revenue().subtract(f.previousRevenue()).multiply(BigDecimal.valueOf(100))
                    .divide(f.previousRevenue().abs(), 1, RoundingMode.HALF_UP);
            text.append(", ").append(pct.signum() >= 0 ? "up " : "down ").append(pct.abs().toPlainString())
                    .append("% on the previous period");
            highlights.add("Revenue " + (pct.signum() >= 0 ? "+" : "") + pct.toPlainString() + "% vs previous period");
        }
        text.append('.');
        if (f.orders() > 0) {
            var basket = f.revenue().divide(BigDecimal.valueOf(f.orders()), 2, RoundingMode.HALF_UP);
            text.append(" The average order was ").append(money(basket, f.currency())).append('.');
        }
        best(f.topProducts()).ifPresent(p -> {
            text.append(" The best seller was ").append(label(p)).append(" (").append(money(p.revenue(), f.currency())).append(").");
            highlights.add("Best seller: " + label(p));
        });
        best(f.byLocation()).ifPresent(l -> {
            text.append(" The strongest location was ").append(label(l)).append(" (").append(money(l.revenue(), f.currency())).append(").");
            highlights.add("Strongest location: " + label(l));
        });
        if (f.byLocation().size() > 1) {
            f.byLocation().stream().filter(l -> l.revenue() != null).min(Comparator.comparing(PeriodFigures.Ranked::revenue))
                    .ifPresent(l -> highlights.add("Weakest location: " + label(l) + ", worth a look"));
        }
        return new Summary(now, RulesEngine.SOURCE, f.period(), text.toString(), List.copyOf(highlights));
    }

    private static java.util.Optional<PeriodFigures.Ranked> best(List<PeriodFigures.Ranked> list) {
        return list.stream().filter(r -> r.revenue() != null).max(Comparator.comparing(PeriodFigures.Ranked::revenue));
    }

    private static String label(PeriodFigures.Ranked r) {
        return r.name() == null || r.name().isBlank() ? r.key() : r.name() + " (" + r.key() + ")";
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + (currency == null ? "" : currency).strip();
    }
}
