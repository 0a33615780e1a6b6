-- Returns link to the sale they give back: returnOf of the sale event (its eventId, or its externalId in the same
-- channel and source), or of POST /inventory/returns.
ALTER TABLE stock_movements ADD COLUMN return_of TEXT CHECK (length(return_of) BETWEEN 1 AND 200);
-- "How much of this sale came back already" (POST /inventory/returns refuses to return more than was sold).
-- Partial: sales, the bulk of the rows, have no return_of and cost this index nothing.
CREATE INDEX stock_movements_return_of_idx ON stock_movements (return_of, product_id) WHERE return_of IS NOT NULL;
