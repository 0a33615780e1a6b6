package io.salespulse.inventory.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.salespulse.inventory.AlertRuleService;
import io.salespulse.inventory.domain.AlertRule;
import io.salespulse.inventory.domain.Thresholds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;

/**
 * Alert rules: default thresholds for a product or a category (with its sub-categories). Levels with explicit
 * thresholds (PUT /inventory/{p}/{l}/thresholds) keep theirs.
 */
@Path("/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertRuleResource {
    private final AlertRuleService rules;
    private final SecurityIdentity identity;

    public AlertRuleResource(AlertRuleService rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    public record ThresholdValues(int reorderPoint, int criticalLevel, int targetLevel) {
        static ThresholdValues of(Thresholds t) {
            return new ThresholdValues(t.reorderPoint(), t.criticalLevel(), t.targetLevel());
        }
    }

    public record AlertRuleResponse(String productId, String categoryId, int reorderPoint, int criticalLevel,
                                    int targetLevel, Instant updatedAt, String updatedBy) {
        static AlertRuleResponse of(AlertRule r) {
            return new AlertRuleResponse(r.productId(), r.categoryId(), r.thresholds().reorderPoint(),
                    r.thresholds().criticalLevel(), r.thresholds().targetLevel(), r.updatedAt(), r.updatedBy());
        }
    }

    /** The configured defaults (used where no rule applies) and every rule. */
    public record AlertRulesResponse(ThresholdValues defaults, List<AlertRuleResponse> rules) {
    }

    /** Exactly one of productId and categoryId. */
    public record AlertRuleRequest(@Pattern(regexp = BadRequests.ID_PATTERN) String productId,
                                   @Pattern(regexp = BadRequests.ID_PATTERN) String categoryId,
                                   @NotNull @Min(0) Integer reorderPoint, @NotNull @Min(0) Integer criticalLevel,
                                   @NotNull @Min(0) Integer targetLevel) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.CLERK, Roles.ANALYST, Roles.DEVICE})
    public AlertRulesResponse list() {
        return new AlertRulesResponse(ThresholdValues.of(rules.defaults()),
                rules.list().stream().map(AlertRuleResponse::of).toList());
    }

    /** Creates or replaces the rule; the levels it governs get the new thresholds and are re-evaluated. */
    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    public AlertRuleResponse put(@Valid @NotNull AlertRuleRequest request) {
        if ((request.productId() == null) == (request.categoryId() == null)) {
            throw BadRequests.invalid("productId", "give exactly one of productId and categoryId");
        }
        Thresholds thresholds;
        try {
            thresholds = new Thresholds(request.reorderPoint(), request.criticalLevel(), request.targetLevel());
        } catch (IllegalArgumentException e) {
            throw BadRequests.invalid("thresholds", e.getMessage());
        }
        return AlertRuleResponse.of(rules.put(request.productId(), request.categoryId(), thresholds,
                identity.getPrincipal().getName()));
    }
}
