package io.salespulse.recommendations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code salespulse.llm.*}: without a provider (the default) the rules engine answers alone. */
@ConfigMapping(prefix = "salespulse.llm")
public interface LlmConfig {

    /** {@code none}, {@code openai} (any OpenAI-compatible server by base URL) or {@code gemini}. */
    @WithDefault("none")
    String provider();

    /**
     * Model name, e.g. {@code llama3.1} on Ollama; unset: the provider's default ({@code gpt-4o-mini} for openai,
     * {@code gemini-2.0-flash} for gemini, see {@code LlmSelection}).
     */
    Optional<String> model();

    /** API key (env SALESPULSE_LLM_API_KEY); local OpenAI-compatible servers may need none. */
    Optional<String> apiKey();

    /**
     * Base URL of the provider's API (env SALESPULSE_LLM_BASE_URL), e.g. {@code http://localhost:11434/v1} for
     * Ollama; without it the provider's public endpoint. The REST clients {@code openai} and {@code gemini} use it.
     */
    Optional<String> baseUrl();

    /** Calls per clock minute across all requests; over it the rules answer. */
    @WithDefault("20")
    int callsPerMinute();
}
