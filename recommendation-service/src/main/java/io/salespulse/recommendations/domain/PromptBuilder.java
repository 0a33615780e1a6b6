package io.salespulse.recommendations.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Renders {@code prompts/recommendations-v2.txt} (v1 stays for the audit rows naming it): the business, the data
 * as compact pipe tables, the weather and the constraints. Only catalog, stock, sales and weather figures go in:
 * the inputs carry no personal data (no customers, no users, no tokens), so neither can the prompt.
 */
public final class PromptBuilder {

    public static final String VERSION = "recommendations-v2";

    private final String template;
    private final String schema;

    public PromptBuilder(String template, String schema) {
        this.template = template;
        this.schema = schema;
    }

    public static PromptBuilder fromClasspath() {
        return new PromptBuilder(read("prompts/" + VERSION + ".txt"), read("prompts/" + VERSION + ".schema.json"));
    }

    public LlmPrompt build(RecommendationInput in, BigDecimal maxChangePct) {
        var products = in.products().values().stream().sorted(Comparator.comparing(ProductInfo::productId))
                .map(p -> String.join(" | ", p.productId(), clean(p.name()), clean(p.categoryId()),
                        String.valueOf(p.unitPrice()), String.valueOf(p.unitCost()),
                        p.attributes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                                .map(e -> clean(e.getKey()) + "=" + clean(e.getValue())).collect(Collectors.joining(","))))
                .collect(Collectors.joining("\n"));
        var stock = in.stock().stream()
                .map(s -> String.join(" | ", s.productId(), s.locationId(), String.valueOf(s.available()),
                        String.valueOf(s.salesVelocityPerHour()),
                        s.coverHours() == null ? "-" : s.coverHours().toPlainString()))
                .collect(Collectors.joining("\n"));
        var expiring = in.expiring().stream()
                .map(l -> String.join(" | ", l.productId(), l.locationId(), String.valueOf(l.quantityOnHand()),
                        String.valueOf(l.daysToExpiry())))
                .collect(Collectors.joining("\n"));
        var weather = in.locations().stream()
                .map(l -> {
                    var w = in.weather().get(l.locationId());
                    return String.join(" | ", l.locationId(), clean(l.name()), w == null ? "-" : String.valueOf(w.temperatureC()),
                            w == null ? "-" : w.condition().name(), w == null ? "-" : String.valueOf(w.precipitationMm()),
                            w == null ? "-" : w.source());
                })
                .collect(Collectors.joining("\n"));
        var figures = in.sales();
        var sales = java.util.stream.Stream.concat(figures.unitsToday().keySet().stream(),
                        figures.unitsLastMinute().keySet().stream()).distinct().sorted()
                .map(id -> String.join(" | ", id, String.valueOf(figures.unitsToday().getOrDefault(id, 0L)),
                        String.valueOf(figures.unitsLastMinute().getOrDefault(id, 0L))))
                .collect(Collectors.joining("\n"));
        var pace = String.join("\n", window("last minute", figures.lastMinute()), window("last hour", figures.lastHour()),
                window("today", figures.today()));
        var user = template
                .replace("{{date}}", in.now().toString())
                .replace("{{maxChangePct}}", maxChangePct.toPlainString())
                .replace("{{weather}}", weather)
                .replace("{{products}}", products)
                .replace("{{stock}}", stock)
                .replace("{{expiring}}", expiring.isEmpty() ? "(none)" : expiring)
                .replace("{{pace}}", pace)
                .replace("{{sales}}", sales.isEmpty() ? "(none)" : sales);
        var system = "You are a retail pricing and promotion analyst. Answer only with JSON matching the schema.";
        return new LlmPrompt(VERSION, system, user, schema);
    }

    private static String window(String name, SalesFigures.Window w) {
        return w == null ? name + " | - | -" : name + " | " + w.orders() + " | " + w.revenue().toPlainString();
    }

    /** Table cells must not break the table (nor smuggle instructions across lines). */
    private static String clean(String s) {
        return s == null ? "-" : s.replace('|', '/').replace('\n', ' ').replace('\r', ' ');
    }

    private static String read(String resource) {
        try (InputStream in = PromptBuilder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
