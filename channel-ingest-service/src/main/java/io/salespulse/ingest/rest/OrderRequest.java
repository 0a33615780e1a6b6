package io.salespulse.ingest.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.salespulse.ingest.domain.SaleDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /orders}: the seed's simple one-product order, or the full form with lines. An object with
 * {@code lines} is the full form, anything else the simple one ({@link OrderRequestDeserializer}).
 */
@JsonDeserialize(using = OrderRequestDeserializer.class)
@Schema(oneOf = {SimpleOrderRequest.class, FullOrderRequest.class})
public sealed interface OrderRequest permits SimpleOrderRequest, FullOrderRequest {

    /** Identifiers and references: 1+ characters without leading or trailing whitespace, on one line. */
    String TRIMMED = "\\S(.*\\S)?";
    String TRIMMED_MESSAGE = "must not be blank nor start or end with whitespace";
    int MAX_QUANTITY = 10_000;

    /** The sale as the domain sees it; {@code callerSource} ({@code api:<caller>}) applies when none is given. */
    SaleDraft toDraft(String callerSource);
}
