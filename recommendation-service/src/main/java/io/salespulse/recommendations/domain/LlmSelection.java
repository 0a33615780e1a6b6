package io.salespulse.recommendations.domain;

import java.net.URI;
import java.util.Optional;

/**
 * Which LLM provider is really usable from the configuration, and each provider's default model. A provider that
 * certainly needs a key and has none counts as no provider: the rules answer at once instead of every request
 * failing against the provider, being retried and opening the circuit.
 */
public final class LlmSelection {

    public static final String OPENAI = "openai";
    public static final String GEMINI = "gemini";
    public static final String OPENAI_DEFAULT_MODEL = "gpt-4o-mini";
    public static final String GEMINI_DEFAULT_MODEL = "gemini-2.0-flash";
    private static final String OPENAI_PUBLIC_HOST = "api.openai.com";

    /** The provider to use, or none and why (for the one start-up log line). */
    public record Decision(Optional<String> provider, String reason) {
    }

    private LlmSelection() {
    }

    public static String defaultModel(String provider) {
        return GEMINI.equals(provider) ? GEMINI_DEFAULT_MODEL : OPENAI_DEFAULT_MODEL;
    }

    /** The configured model, or the provider's default when unset or blank. */
    public static String model(String provider, Optional<String> configured) {
        return configured.map(String::strip).filter(m -> !m.isEmpty()).orElse(defaultModel(provider));
    }

    /**
     * {@code gemini} always needs a key; {@code openai} needs one at the public api.openai.com (the default base
     * URL) but not on a local OpenAI-compatible server (Ollama, vLLM, LM Studio).
     */
    public static Decision decide(String provider, Optional<String> apiKey, Optional<String> baseUrl) {
        var name = provider == null ? "none" : provider.strip().toLowerCase(java.util.Locale.ROOT);
        boolean hasKey = apiKey.filter(k -> !k.isBlank()).isPresent();
        return switch (name) {
            case GEMINI -> hasKey ? use(GEMINI)
                    : none("provider gemini has no API key (salespulse.llm.api-key / SALESPULSE_LLM_API_KEY)");
            case OPENAI -> hasKey || !isPublicOpenAi(baseUrl) ? use(OPENAI)
                    : none("provider openai at " + OPENAI_PUBLIC_HOST
                            + " has no API key (salespulse.llm.api-key / SALESPULSE_LLM_API_KEY)");
            case "none", "" -> none("salespulse.llm.provider is none");
            default -> none("unknown salespulse.llm.provider '" + name + "' (openai, gemini or none)");
        };
    }

    private static boolean isPublicOpenAi(Optional<String> baseUrl) {
        if (baseUrl.filter(u -> !u.isBlank()).isEmpty()) {
            return true;
        }
        try {
            var host = URI.create(baseUrl.get().strip()).getHost();
            return host == null || host.equalsIgnoreCase(OPENAI_PUBLIC_HOST);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static Decision use(String provider) {
        return new Decision(Optional.of(provider), "provider " + provider + " configured");
    }

    private static Decision none(String reason) {
        return new Decision(Optional.empty(), reason);
    }
}
