package io.salespulse.ingest.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.salespulse.support.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Checks a return posted through the API against the sale it names before it is accepted ({@link ReturnCheck}), so
 * a till cannot refund or restock more than was sold. A sale order-service has not recorded (one from before the
 * system, or seconds old) cannot be checked and the return is accepted as before; so is one when order-service does
 * not answer: returns keep working while it is down. Each outcome is counted (salespulse.ingest.returns).
 */
@ApplicationScoped
public class ReturnGuard {
    private final SaleLookup sales;
    private final MeterRegistry registry;

    public ReturnGuard(SaleLookup sales, MeterRegistry registry) {
        this.sales = sales;
        this.registry = registry;
    }

    /** Why {@code draft} may not be accepted; empty for sales, returns that fit and returns that cannot be checked. */
    public Uni<Optional<ProblemException>> refusal(SaleDraft draft) {
        if (draft.type() != SaleType.RETURN || draft.returnOf() == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return sales.returnable(draft.returnOf(), draft.source())
                .map(sale -> {
                    if (sale.isEmpty()) {
                        count("unknown-sale");
                        return Optional.<ProblemException>empty();
                    }
                    Optional<ProblemException> refusal = ReturnCheck.refusal(draft, sale.get());
                    count(refusal.isPresent() ? "refused" : "passed");
                    return refusal;
                })
                .onFailure().recoverWithItem(e -> {
                    count("unchecked");
                    Log.warnf("Return of %s accepted unchecked: order-service did not answer (%s)", draft.returnOf(),
                            e.getMessage());
                    return Optional.empty();
                });
    }

    private void count(String outcome) {
        registry.counter("salespulse.ingest.returns", "outcome", outcome).increment();
    }
}
