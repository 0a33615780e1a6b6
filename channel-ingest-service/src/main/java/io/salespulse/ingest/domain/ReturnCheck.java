package io.salespulse.ingest.domain;

import io.salespulse.support.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A return checked against its sale: each line's product must be in the sale (422 otherwise), and no product may come
 * back more often than it was sold, counting the earlier returns (409). Lines are matched by productId, else by SKU;
 * a line known only by its GTIN is not checked (the sale's lines carry product ids and SKUs).
 */
public final class ReturnCheck {

    private ReturnCheck() {
    }

    /** Why {@code draft} (a RETURN) may not be accepted against {@code sale}; empty when it fits. */
    public static Optional<ProblemException> refusal(SaleDraft draft, ReturnableSale sale) {
        Map<ReturnableSale.Line, Integer> returning = new LinkedHashMap<>();
        List<String> notInSale = new ArrayList<>();
        for (SaleLine line : draft.lines()) {
            Optional<ReturnableSale.Line> sold = matching(sale, line);
            if (sold.isPresent()) {
                returning.merge(sold.get(), line.quantity(), Integer::sum);
            } else if (line.productId() != null || line.sku() != null) {
                notInSale.add(line.productId() != null ? line.productId() : "SKU " + line.sku());
            }
        }
        if (!notInSale.isEmpty()) {
            return Optional.of(new ProblemException(422, "Product not in sale", "Sale " + draft.returnOf()
                    + " has no line of " + String.join(", ", notInSale)));
        }
        List<String> exceeding = new ArrayList<>();
        returning.forEach((sold, units) -> {
            if (units > sold.returnable()) {
                exceeding.add(sold.productId() + ": " + units + " returned, " + sold.sold() + " sold, "
                        + sold.returned() + " came back already");
            }
        });
        if (!exceeding.isEmpty()) {
            return Optional.of(new ProblemException(409, "Return exceeds sale", "Sale " + draft.returnOf()
                    + " cannot take this return back: " + String.join("; ", exceeding)));
        }
        return Optional.empty();
    }

    private static Optional<ReturnableSale.Line> matching(ReturnableSale sale, SaleLine line) {
        if (line.productId() != null) {
            return sale.lines().stream().filter(l -> line.productId().equals(l.productId())).findFirst();
        }
        if (line.sku() != null) {
            return sale.lines().stream().filter(l -> line.sku().equals(l.sku())).findFirst();
        }
        return Optional.empty();
    }
}
