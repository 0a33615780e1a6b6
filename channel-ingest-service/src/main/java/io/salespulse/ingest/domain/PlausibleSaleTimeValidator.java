package io.salespulse.ingest.domain;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

public class PlausibleSaleTimeValidator implements ConstraintValidator<PlausibleSaleTime, Instant> {
    private final Clock clock;
    private Duration tolerance;

    @Inject
    public PlausibleSaleTimeValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(PlausibleSaleTime annotation) {
        tolerance = Duration.ofSeconds(annotation.seconds());
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        if (value != null && value.isBefore(SaleDraftRules.EARLIEST_SALE)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not be before " + SaleDraftRules.EARLIEST_SALE)
                    .addConstraintViolation();
            return false;
        }
        return value == null || !value.isAfter(clock.instant().plus(tolerance));
    }
}
