-- Stock per product and location, and the movements that explain every change of it.

CREATE TABLE stock_levels (
    product_id      TEXT             NOT NULL REFERENCES products (product_id),
    location_id     TEXT             NOT NULL REFERENCES locations (location_id),
    -- Negative when a store sold more than the system thought it had: recorded (and alerted), never refused.
    on_hand         INTEGER          NOT NULL DEFAULT 0,
    -- Room for reservations (web orders picked later); nothing reserves yet.
    reserved        INTEGER          NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    -- Effective thresholds. Set explicitly (PUT /inventory/{p}/{l}/thresholds, thresholds_explicit) or derived from
    -- the alert rules of the product or its categories, else the configured defaults; rule changes re-derive them.
    reorder_point   INTEGER          NOT NULL CHECK (reorder_point >= 0),
    critical_level  INTEGER          NOT NULL CHECK (critical_level >= 0),
    target_level    INTEGER          NOT NULL CHECK (target_level >= 0),
    thresholds_explicit BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Same rule as domain.StockStatus; stored so that GET /inventory can filter and sort on it with an index.
    status          TEXT GENERATED ALWAYS AS (
                        CASE WHEN on_hand < 0 THEN 'OVERSOLD'
                             WHEN on_hand = 0 THEN 'OUT'
                             WHEN on_hand <= critical_level THEN 'CRITICAL'
                             WHEN on_hand <= reorder_point THEN 'LOW'
                             ELSE 'OK' END) STORED,
    -- Exponentially weighted sales velocity (domain.SalesVelocity): units/hour as of sales_rate_at (event time).
    sales_rate      DOUBLE PRECISION NOT NULL DEFAULT 0,
    sales_rate_at   TIMESTAMPTZ,
    -- The event (sale, adjustment) of the last movement, carried in inventory.levels.v1 as causeEventId.
    cause_event_id  UUID,
    updated_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (product_id, location_id),
    CHECK (critical_level <= reorder_point AND reorder_point <= target_level)
) WITH (fillfactor = 80);
-- Every sale rewrites its level row. Free space in each page (fillfactor) and no index on the columns that change
-- with every sale (on_hand, sales_rate, updated_at) keep those updates HOT: no index entries to write. status is
-- indexed but changes only when a threshold is crossed.
CREATE INDEX stock_levels_location_idx ON stock_levels (location_id, product_id);
CREATE INDEX stock_levels_status_idx ON stock_levels (status, product_id, location_id);

-- Append-only journal: one row per change of a level, with its cause, the event it came from and who made it.
-- No foreign keys on purpose: this is the hot insert path (thousands of rows a second), and every movement's
-- product and location are those of a stock_levels row, which has them.
CREATE TABLE stock_movements (
    movement_id BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Idempotency key: (sale event id, line number) or (adjustment id, 1..2). Replays insert nothing.
    event_id    UUID        NOT NULL,
    line_no     INTEGER     NOT NULL,
    product_id  TEXT        NOT NULL,
    location_id TEXT        NOT NULL,
    -- Signed change of on_hand: a sale of 3 is -3.
    quantity    INTEGER     NOT NULL,
    cause       TEXT        NOT NULL CHECK (cause IN ('SALE', 'RETURN', 'RECEIPT', 'COUNT', 'DAMAGE',
                                                      'TRANSFER_OUT', 'TRANSFER_IN')),
    occurred_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- The user of a manual adjustment; null for movements from events.
    user_name   TEXT,
    note        TEXT CHECK (length(note) <= 500),
    -- Room for batch/expiry tracking (later): the lot a movement took from or put into.
    lot_id      TEXT,
    CONSTRAINT stock_movements_event_line_uq UNIQUE (event_id, line_no)
);
-- GET /inventory/movements, newest first, by product (and location) or by location.
CREATE INDEX stock_movements_product_idx ON stock_movements (product_id, location_id, movement_id DESC);
CREATE INDEX stock_movements_location_idx ON stock_movements (location_id, movement_id DESC);
