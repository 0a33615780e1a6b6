package io.salespulse.recommendations.domain;

/** A chat model that answers a prompt with JSON following the prompt's schema. */
public interface LlmProvider {

    /** {@code openai} or {@code gemini}: the first part of {@code source: "llm:<provider>/<model>"}. */
    String name();

    String model();

    /** Throws on any transport or provider error; the caller retries and falls back. */
    LlmAnswer complete(LlmPrompt prompt);
}
