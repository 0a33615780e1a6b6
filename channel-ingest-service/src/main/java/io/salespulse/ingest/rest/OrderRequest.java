package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.salespulse.ingest.domain.SaleDraft;
import io.salespulse.ingest.domain.SaleDraftRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * Body of {@code POST /orders}: the seed's simple one-product order, or the full form with lines. An object with
 * {@code lines} is the full form, anything else the simple one ({@link OrderRequestDeserializer}).
 */
@JsonDeserialize(using = OrderRequestDeserializer.class)
@Schema(oneOf = {SimpleOrderRequest.class, FullOrderRequest.class})
public sealed interface OrderRequest permits SimpleOrderRequest, FullOrderRequest {

    /**
     * Identifiers and references: 1+ characters without leading or trailing whitespace and without control characters
     * (a NUL is refused by PostgreSQL further down: it must be a 400 here, not a 503 or a dead letter later).
     */
    String TRIMMED = SaleDraftRules.TRIMMED;
    String TRIMMED_MESSAGE = "must not be blank, start or end with whitespace, nor contain control characters";
    int MAX_QUANTITY = 10_000;

    /** quantity x unit price of each line, for {@link TotalWithinLimit}. */
    Stream<BigDecimal> lineAmounts();

    /** The sale as the domain sees it; {@code callerSource} ({@code api:<caller>}) applies when none is given. */
    SaleDraft toDraft(String callerSource);
}
