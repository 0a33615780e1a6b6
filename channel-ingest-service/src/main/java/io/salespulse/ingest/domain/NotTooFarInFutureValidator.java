package io.salespulse.ingest.domain;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

public class NotTooFarInFutureValidator implements ConstraintValidator<NotTooFarInFuture, Instant> {
    private final Clock clock;
    private Duration tolerance;

    @Inject
    public NotTooFarInFutureValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(NotTooFarInFuture annotation) {
        tolerance = Duration.ofSeconds(annotation.seconds());
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        return value == null || !value.isAfter(clock.instant().plus(tolerance));
    }
}
