package io.salespulse.ingest.rest;

import io.salespulse.ingest.domain.SaleDraftRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The order's lines add up to at most {@link SaleDraftRules#MAX_MONEY}, the largest total order-service stores. Each
 * price may be that large on its own; without this, a large quantity of one would be answered 202 and then
 * dead-lettered by order-service.
 */
@Documented
@Constraint(validatedBy = TotalWithinLimit.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TotalWithinLimit {
    String message() default "the lines add up to more than 999999999999.99";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TotalWithinLimit, OrderRequest> {
        @Override
        public boolean isValid(OrderRequest order, ConstraintValidatorContext context) {
            if (order == null || SaleDraftRules.withinMaxTotal(order.lineAmounts())) {
                return true;
            }
            // Named after what the caller would change: the quantity of the simple form, the full form's lines.
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode(order instanceof SimpleOrderRequest ? "quantity" : "lines")
                    .addConstraintViolation();
            return false;
        }
    }
}
