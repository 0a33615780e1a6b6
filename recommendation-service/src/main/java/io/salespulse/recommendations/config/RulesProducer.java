package io.salespulse.recommendations.config;

import io.salespulse.recommendations.domain.AnswerValidator;
import io.salespulse.recommendations.domain.Climatology;
import io.salespulse.recommendations.domain.PromptBuilder;
import io.salespulse.recommendations.domain.RuleSet;
import io.salespulse.recommendations.domain.RulesEngine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the rule and climate data once at start; the configured price limit wins over the file's. */
public class RulesProducer {

    @Produces
    @Singleton
    RulesEngine rulesEngine(PricingConfig pricing) {
        var r = RuleSet.fromClasspath();
        return new RulesEngine(new RuleSet(r.version(), pricing.maxChangePct(), r.weatherRules(), r.expiry(),
                r.slowMover(), r.fastMover()));
    }

    @Produces
    @Singleton
    AnswerValidator answerValidator(PricingConfig pricing) {
        return new AnswerValidator(pricing.maxChangePct());
    }

    @Produces
    @Singleton
    PromptBuilder promptBuilder() {
        return PromptBuilder.fromClasspath();
    }

    @Produces
    @Singleton
    Climatology climatology() {
        return Climatology.fromClasspath();
    }
}
