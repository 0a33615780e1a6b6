package io.salespulse.recommendations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import io.salespulse.recommendations.data.LlmAuditRepository.AuditEntry;
import io.salespulse.recommendations.data.LlmAuditRepository.Outcome;
import io.salespulse.recommendations.domain.LlmPrompt;
import io.salespulse.recommendations.domain.PeriodFigures;
import io.salespulse.recommendations.domain.PersonalData;
import io.salespulse.recommendations.domain.Summary;
import io.salespulse.recommendations.domain.SummaryWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Management reviews of a period: the LLM's when configured and sensible, the template's otherwise. */
@ApplicationScoped
public class SummaryService {

    static final String VERSION = "summary-v1";
    private static final int MAX_SUMMARY_CHARS = 2_000;
    private static final int MAX_HIGHLIGHTS = 5;

    private final LlmGateway llm;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final String template = read("prompts/" + VERSION + ".txt");
    private final String schema = read("prompts/" + VERSION + ".schema.json");

    SummaryService(LlmGateway llm, ObjectMapper json, MeterRegistry registry) {
        this.llm = llm;
        this.json = json;
        this.registry = registry;
    }

    @WithSpan("SummaryService.summarise")
    public Summary summarise(PeriodFigures figures) {
        Summary result = null;
        if (llm.provider().isPresent()) {
            try {
                result = fromLlm(figures);
            } catch (RuntimeException e) {
                Log.warnf("LLM summary failed, the template writes it: %s", e.toString());
            }
        }
        if (result == null) {
            result = SummaryWriter.write(figures, Instant.now());
        }
        registry.counter("salespulse.summaries.generated", "source", result.source()).increment();
        return result;
    }

    private Summary fromLlm(PeriodFigures f) {
        var user = template.replace("{{period}}", clean(f.period()))
                .replace("{{currency}}", clean(f.currency()))
                .replace("{{revenue}}", f.revenue().toPlainString())
                .replace("{{orders}}", String.valueOf(f.orders()))
                .replace("{{units}}", String.valueOf(f.units()))
                .replace("{{previousRevenue}}", f.previousRevenue() == null ? "unknown" : f.previousRevenue().toPlainString())
                .replace("{{topProducts}}", table(f.topProducts()))
                .replace("{{byLocation}}", table(f.byLocation()));
        var prompt = new LlmPrompt(VERSION, "You write concise retail management reviews. Answer only with JSON.", user, schema);
        var timed = llm.call(prompt, null);
        var answer = timed.answer();
        var provider = llm.provider().orElseThrow();
        String summary;
        List<String> highlights = new ArrayList<>();
        try {
            JsonNode node = json.readTree(answer.text());
            summary = node.path("summary").asText("").strip();
            node.path("highlights").forEach(h -> {
                if (h.isTextual() && !h.asText().isBlank() && highlights.size() < MAX_HIGHLIGHTS) {
                    highlights.add(h.asText().strip());
                }
            });
        } catch (IOException e) {
            summary = "";
        }
        boolean ok = !summary.isEmpty() && summary.length() <= MAX_SUMMARY_CHARS;
        llm.audit(new AuditEntry(Instant.now(), answer.provider(), answer.model(), VERSION, null, timed.promptSha256(),
                LlmGateway.sha256(answer.text()), timed.latencyMs(), answer.promptTokens(), answer.completionTokens(),
                ok ? Outcome.OK : Outcome.INVALID, 0, ok ? null : "summary missing or too long"));
        if (!ok) {
            throw new IllegalStateException("LLM summary missing or too long");
        }
        return new Summary(Instant.now(), "llm:" + provider.name() + "/" + provider.model(), f.period(), summary,
                List.copyOf(highlights));
    }

    private static String table(List<PeriodFigures.Ranked> rows) {
        return rows.isEmpty() ? "(none)" : rows.stream()
                .map(r -> String.join(" | ", clean(r.key()), clean(r.name()), String.valueOf(r.revenue()), String.valueOf(r.units())))
                .collect(Collectors.joining("\n"));
    }

    /** Caller-supplied text: one table cell, and no e-mail address or phone number ever reaches the prompt. */
    private static String clean(String s) {
        return s == null ? "-" : PersonalData.strip(s).replace('|', '/').replace('\n', ' ').replace('\r', ' ');
    }

    private static String read(String resource) {
        try (InputStream in = SummaryService.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
