package io.salespulse.recommendations;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.salespulse.recommendations.config.PricingConfig;
import io.salespulse.recommendations.data.LlmAuditRepository.AuditEntry;
import io.salespulse.recommendations.data.LlmAuditRepository.Outcome;
import io.salespulse.recommendations.domain.AnswerParser;
import io.salespulse.recommendations.domain.AnswerValidator;
import io.salespulse.recommendations.domain.PromptBuilder;
import io.salespulse.recommendations.domain.RecommendationInput;
import io.salespulse.recommendations.domain.Recommendations;
import io.salespulse.recommendations.domain.RulesEngine;
import io.salespulse.recommendations.domain.Weather;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Collects the inputs, asks the LLM when one is configured (cached per location, hour and weather bucket) and
 * the rules engine otherwise or whenever the LLM fails, is over budget or answers nothing usable.
 */
@ApplicationScoped
public class RecommendationService {

    private final InputCollector inputs;
    private final RulesEngine rules;
    private final LlmGateway llm;
    private final PromptBuilder prompts;
    private final AnswerValidator validator;
    private final PricingConfig pricing;
    private final Cache llmCache;
    private final MeterRegistry registry;
    private final io.salespulse.recommendations.data.PriceSuggestionRepository suggestions;

    RecommendationService(io.salespulse.recommendations.data.PriceSuggestionRepository suggestions, InputCollector inputs, RulesEngine rules, LlmGateway llm, PromptBuilder prompts,
                          AnswerValidator validator, PricingConfig pricing,
                          @CacheName("llm-recommendations") Cache llmCache, MeterRegistry registry) {
        this.inputs = inputs;
        this.rules = rules;
        this.llm = llm;
        this.prompts = prompts;
        this.validator = validator;
        this.pricing = pricing;
        this.llmCache = llmCache;
        this.registry = registry;
        this.suggestions = suggestions;
    }

    /** An answer with the ids under which its price suggestions were stored (empty when storing failed). */
    public record Issued(Recommendations recommendations, List<java.util.UUID> pricingIds) {
    }

    @WithSpan("RecommendationService.issue")
    public Issued issue(Optional<String> locationId) {
        var result = recommend(locationId);
        try {
            return new Issued(result, suggestions.saveAll(result.pricing(), result.source(), Instant.now()));
        } catch (RuntimeException e) {
            // the suggestions are still worth showing; they just cannot be applied by id
            Log.errorf("price suggestions not stored: %s", e.toString());
            return new Issued(result, List.of());
        }
    }

    @WithSpan("RecommendationService.recommend")
    public Recommendations recommend(Optional<String> locationId) {
        var collected = inputs.collect(locationId);
        var input = collected.input();
        Recommendations result = null;
        if (llm.provider().isPresent() && !input.products().isEmpty()) {
            var key = cacheKey(locationId, input);
            try {
                result = llmCache.<String, Recommendations>get(key, k -> fromLlm(input, collected.warnings(),
                        locationId.orElse(null))).await().atMost(Duration.ofSeconds(90));
            } catch (RuntimeException e) {
                Log.warnf("LLM recommendations failed, the rules answer: %s", e.toString());
                registry.counter("salespulse.recommendations.llm.fallbacks").increment();
            }
        }
        if (result == null) {
            result = rules.recommend(input, collected.warnings());
        }
        registry.counter("salespulse.recommendations.generated", "source", result.source()).increment();
        return result;
    }

    private Recommendations fromLlm(RecommendationInput input, List<String> warnings, String locationId) {
        var prompt = prompts.build(input, pricing.maxChangePct());
        var timed = llm.call(prompt, locationId);
        var answer = timed.answer();
        var answerHash = LlmGateway.sha256(answer.text());
        var provider = llm.provider().orElseThrow();
        AnswerParser.Parsed parsed;
        try {
            parsed = AnswerParser.parse(answer.text());
        } catch (IllegalArgumentException e) {
            llm.audit(entry(prompt.version(), locationId, timed, answerHash, Outcome.INVALID, 0, e.getMessage()));
            throw e;
        }
        Set<String> locationIds = input.locations().stream().map(l -> l.locationId()).collect(Collectors.toSet());
        var valid = validator.validate(parsed.promotions(), parsed.pricing(), input.products(), locationIds);
        valid.dropped().forEach(d -> Log.warnf("LLM answer part dropped: %s", d));
        registry.counter("salespulse.recommendations.llm.dropped").increment(valid.dropped().size());
        boolean usable = !valid.promotions().isEmpty() || !valid.pricing().isEmpty();
        llm.audit(entry(prompt.version(), locationId, timed, answerHash, usable ? Outcome.OK : Outcome.INVALID,
                valid.dropped().size(), usable ? null : "nothing valid in the answer"));
        if (!usable) {
            throw new IllegalStateException("LLM answer had nothing valid");
        }
        var weather = input.locations().stream().map(l -> input.weather().get(l.locationId()))
                .filter(Objects::nonNull).toList();
        return new Recommendations(input.now(), "llm:" + provider.name() + "/" + provider.model(), weather,
                valid.promotions(), valid.pricing(), List.copyOf(warnings));
    }

    private static AuditEntry entry(String version, String locationId, LlmGateway.Timed timed, String answerHash,
                                    Outcome outcome, int dropped, String error) {
        var a = timed.answer();
        return new AuditEntry(Instant.now(), a.provider(), a.model(), version, locationId, timed.promptSha256(),
                answerHash, timed.latencyMs(), a.promptTokens(), a.completionTokens(), outcome, dropped, error);
    }

    /** Location, hour and the weather bucket of every location: a new hour or a weather change asks again. */
    private static String cacheKey(Optional<String> locationId, RecommendationInput input) {
        var hour = input.now().truncatedTo(ChronoUnit.HOURS);
        var buckets = input.weather().values().stream()
                .sorted(java.util.Comparator.comparing(Weather::locationId))
                .map(w -> w.locationId() + "=" + w.bucket()).collect(Collectors.joining(","));
        return locationId.orElse("*") + "|" + hour + "|" + buckets;
    }
}
