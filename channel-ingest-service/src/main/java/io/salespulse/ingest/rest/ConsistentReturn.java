package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.SaleType;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A RETURN names the sale it returns ({@code returnOf}); a SALE does not. Reported on field returnOf. */
@Documented
@Constraint(validatedBy = ConsistentReturn.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentReturn {
    String message() default "returnOf is required for a RETURN and only allowed for one";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentReturn, FullOrderRequest> {
        @Override
        public boolean isValid(FullOrderRequest order, ConstraintValidatorContext context) {
            if (order == null) {
                return true;
            }
            boolean isReturn = order.type() == SaleType.RETURN;
            boolean hasReturnOf = order.returnOf() != null;
            if (isReturn == hasReturnOf) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(isReturn ? "is required for a RETURN" : "is only allowed for a RETURN")
                    .addPropertyNode("returnOf")
                    .addConstraintViolation();
            return false;
        }
    }
}
