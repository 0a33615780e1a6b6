package io.salespulse.ingest.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;

/** A line names its product exactly once: two references could disagree, and none leaves nothing to sell. */
@Documented
@Constraint(validatedBy = OneProductReference.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OneProductReference {
    String message() default "exactly one of productId, sku or gtin is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneProductReference, LineRequest> {
        @Override
        public boolean isValid(LineRequest line, ConstraintValidatorContext context) {
            return line == null || Stream.of(line.productId(), line.sku(), line.gtin()).filter(v -> v != null).count() == 1;
        }
    }
}
