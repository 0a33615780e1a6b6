-- Analytics state. Exactly-once counting across replicas: an order is counted by the transaction whose
-- INSERT INTO counted_orders ... ON CONFLICT DO NOTHING RETURNING order_id returns it, and that same transaction
-- stores its lines and adds it to the rollups. Consumer offsets are committed only after that transaction.

CREATE TABLE counted_orders (
    order_id     UUID          PRIMARY KEY,
    -- The sale event the order was recorded from: a second order for the same event is not counted again.
    event_id     UUID          NOT NULL UNIQUE,
    type         TEXT          NOT NULL CHECK (type IN ('SALE', 'RETURN')),
    channel      TEXT          NOT NULL,
    source       TEXT          NOT NULL,
    external_id  TEXT          NOT NULL,
    location_id  TEXT          NOT NULL,
    region       TEXT,
    currency     CHAR(3)       NOT NULL,
    occurred_at  TIMESTAMPTZ   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    -- Business date of occurred_at in analytics.time-zone when it was counted (the day of its rollups).
    business_day DATE          NOT NULL,
    -- Signed like the event: negative for a RETURN (revenue is net of returns, units are net units).
    total        NUMERIC(14,2) NOT NULL,
    units        BIGINT        NOT NULL,
    line_count   INTEGER       NOT NULL,
    counted_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    counted_by   TEXT          NOT NULL
);
-- Rebuild of the live window at start: orders of the last two hours by event time.
CREATE INDEX counted_orders_occurred_at_idx ON counted_orders (occurred_at);
-- Rebuild of the "already pushed" memory: orders counted in the last minutes whatever their event time.
CREATE INDEX counted_orders_counted_at_idx ON counted_orders (counted_at);

CREATE TABLE counted_lines (
    order_id    UUID          NOT NULL REFERENCES counted_orders (order_id),
    line_no     INTEGER       NOT NULL,
    product_id  TEXT          NOT NULL,
    name        TEXT,
    category    TEXT,
    quantity    INTEGER       NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(14,2) NOT NULL,
    line_total  NUMERIC(14,2) NOT NULL,
    -- Copied from the order so that the rebuild of the last minutes reads lines by event time alone.
    occurred_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
-- Rebuild of the per-second window (top products of the last minute).
CREATE INDEX counted_lines_occurred_at_idx ON counted_lines (occurred_at);

-- Per business day and dimension: revenue (net of returns), SALE orders, net units.
-- dimension 'total' has the single key 'all'; 'product' keys are product ids with the product name as label.
CREATE TABLE daily_rollups (
    day        DATE          NOT NULL,
    dimension  TEXT          NOT NULL CHECK (dimension IN ('total', 'channel', 'category', 'location', 'region', 'product')),
    key        TEXT          NOT NULL,
    label      TEXT,
    revenue    NUMERIC(14,2) NOT NULL,
    orders     BIGINT        NOT NULL,
    units      BIGINT        NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (day, dimension, key)
);
-- Daily series and trends: WHERE dimension = 'total' AND day BETWEEN ? AND ?.
-- (Today's breakdowns and top products use the primary key prefix (day, dimension).)
CREATE INDEX daily_rollups_dimension_day_idx ON daily_rollups (dimension, day);

-- The same figures over all time, so that totals and all-time top products never scan every day.
CREATE TABLE all_time_rollups (
    dimension  TEXT          NOT NULL CHECK (dimension IN ('total', 'channel', 'category', 'location', 'region', 'product')),
    key        TEXT          NOT NULL,
    label      TEXT,
    revenue    NUMERIC(14,2) NOT NULL,
    orders     BIGINT        NOT NULL,
    units      BIGINT        NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (dimension, key)
);
