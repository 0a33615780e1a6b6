-- GET /orders?source=…: the source filter (alone or with a time range), read from the index in occurred_at order
-- like the channel filter. Ends with order_id, the tie-breaker of every ORDER BY. GET /orders/sources gets no index
-- of its own: the (channel, source) prefix of orders_external_uk already serves its GROUP BY.
CREATE INDEX orders_source_occurred_idx ON orders (source, occurred_at, order_id);
