-- GET /orders/returnable adds up the RETURN orders naming a sale. Only returns have return_of, so the partial index
-- stays small and sales pay nothing for it.
CREATE INDEX orders_return_of_idx ON orders (return_of) WHERE return_of IS NOT NULL;
