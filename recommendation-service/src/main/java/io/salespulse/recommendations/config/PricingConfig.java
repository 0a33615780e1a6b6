package io.salespulse.recommendations.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** {@code salespulse.pricing.*}: bounds every price suggestion (rules and LLM) must respect. */
@ConfigMapping(prefix = "salespulse.pricing")
public interface PricingConfig {

    /** Largest change of a suggested price, in percent of the current price, both directions. */
    @WithDefault("15")
    BigDecimal maxChangePct();
}
