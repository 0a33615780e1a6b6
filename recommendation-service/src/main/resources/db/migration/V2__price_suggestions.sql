-- Every price suggestion handed out, so that a manager can apply one by id later and we know who applied what.
CREATE TABLE price_suggestions (
    suggestion_id   UUID PRIMARY KEY,
    created_at      TIMESTAMPTZ   NOT NULL,
    source          TEXT          NOT NULL,
    product_id      TEXT          NOT NULL,
    location_id     TEXT          NOT NULL,
    current_price   NUMERIC(14,2) NOT NULL,
    suggested_price NUMERIC(14,2) NOT NULL,
    change_pct      NUMERIC(6,1)  NOT NULL,
    reason          TEXT,
    applied_at      TIMESTAMPTZ,
    applied_by      TEXT
);

-- Clean-up of old, never applied suggestions goes by time.
CREATE INDEX price_suggestions_created_at_idx ON price_suggestions (created_at);
