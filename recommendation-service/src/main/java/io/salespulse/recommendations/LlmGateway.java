package io.salespulse.recommendations;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.salespulse.recommendations.client.GeminiProvider;
import io.salespulse.recommendations.client.OpenAiProvider;
import io.salespulse.recommendations.config.LlmConfig;
import io.salespulse.recommendations.data.LlmAuditRepository;
import io.salespulse.recommendations.data.LlmAuditRepository.AuditEntry;
import io.salespulse.recommendations.data.LlmAuditRepository.Outcome;
import io.salespulse.recommendations.domain.CallBudget;
import io.salespulse.recommendations.domain.LlmAnswer;
import io.salespulse.recommendations.domain.LlmPrompt;
import io.salespulse.recommendations.domain.LlmProvider;
import io.salespulse.recommendations.domain.LlmSelection;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one way to call the configured model: budget, timeout, retries with exponential backoff, circuit breaker,
 * and an audit row for every attempt. Callers fall back to the rules engine on any exception.
 */
@Startup // built at start-up so that its one log line says which provider (or why none) answers
@ApplicationScoped
public class LlmGateway {

    /** Name of the circuit breaker around {@link #call}, for tests and operators. */
    public static final String CIRCUIT = "llm";

    /** Over the per-minute budget: neither retried nor counted against the provider's health. */
    public static class BudgetExceededException extends RuntimeException {
        BudgetExceededException() {
            super("LLM call budget for this minute is used up");
        }
    }

    public record Timed(LlmAnswer answer, long latencyMs, String promptSha256) {
    }

    private final Optional<LlmProvider> provider;
    private final CallBudget budget;
    private final LlmAuditRepository audit;

    LlmGateway(LlmConfig config, OpenAiProvider openai, GeminiProvider gemini, LlmAuditRepository audit) {
        var decision = LlmSelection.decide(config.provider(), config.apiKey(), config.baseUrl());
        this.provider = decision.provider().map(name -> LlmSelection.GEMINI.equals(name) ? gemini : openai);
        this.budget = new CallBudget(config.callsPerMinute(), Clock.systemUTC());
        this.audit = audit;
        provider.ifPresentOrElse(
                p -> Log.infof("recommendations use LLM %s/%s, rules as fallback", p.name(), p.model()),
                () -> Log.infof("recommendations come from the rules engine alone: %s", decision.reason()));
    }

    public Optional<LlmProvider> provider() {
        return provider;
    }

    @Timeout(20_000)
    @Retry(maxRetries = 2, delay = 500, jitter = 200, abortOn = BudgetExceededException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = BudgetExceededException.class)
    @CircuitBreakerName(CIRCUIT)
    public Timed call(LlmPrompt prompt, String locationId) {
        var p = provider.orElseThrow(() -> new IllegalStateException("no LLM provider configured"));
        if (!budget.tryAcquire()) {
            throw new BudgetExceededException();
        }
        var hash = sha256(prompt.system() + "\n" + prompt.user());
        var start = Instant.now();
        long t0 = System.nanoTime();
        try {
            var answer = p.complete(prompt);
            return new Timed(answer, (System.nanoTime() - t0) / 1_000_000, hash);
        } catch (RuntimeException e) {
            audit(new AuditEntry(start, p.name(), p.model(), prompt.version(), locationId, hash, null,
                    (System.nanoTime() - t0) / 1_000_000, null, null, Outcome.ERROR, 0, e.toString()));
            throw e;
        }
    }

    /** The audit must not turn a good answer into a failure: a failed insert is logged, not thrown. */
    public void audit(AuditEntry entry) {
        try {
            audit.insert(entry);
        } catch (RuntimeException e) {
            Log.errorf("LLM audit row lost (%s %s): %s", entry.provider(), entry.outcome(), e.toString());
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
