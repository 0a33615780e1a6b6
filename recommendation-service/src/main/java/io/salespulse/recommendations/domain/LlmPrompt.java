package io.salespulse.recommendations.domain;

/** What goes to a model: the rendered template version, the text and the JSON Schema of the expected answer. */
public record LlmPrompt(String version, String system, String user, String jsonSchema) {
}
