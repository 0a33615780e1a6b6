package io.salespulse.ingest.domain;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event time not before {@link SaleDraftRules#EARLIEST_SALE} and at most {@link #seconds()} after now (ARCHITECTURE.md: events more than 5 s in the future are rejected
 * at ingest; a little skew between the caller's clock and ours is normal). Null is valid. "Now" comes from the
 * {@link java.time.Clock} bean, so tests can pin it.
 */
@Documented
@Constraint(validatedBy = PlausibleSaleTimeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleSaleTime {
    String message() default "must not be more than {seconds} s in the future";

    long seconds() default 5;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
