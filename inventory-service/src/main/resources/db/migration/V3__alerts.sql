-- Stock alerts (RAISED -> ACKNOWLEDGED -> RESOLVED) and the rules that set default thresholds.

CREATE TABLE alerts (
    alert_id        UUID        PRIMARY KEY,
    type            TEXT        NOT NULL CHECK (type IN ('LOW_STOCK', 'CRITICAL_STOCK', 'OUT_OF_STOCK',
                                                         'STOCKOUT_PREDICTED')),
    state           TEXT        NOT NULL CHECK (state IN ('RAISED', 'ACKNOWLEDGED', 'RESOLVED')),
    product_id      TEXT        NOT NULL,
    location_id     TEXT        NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    acknowledged_by TEXT,
    resolved_at     TIMESTAMPTZ,
    -- Facts at the time it was raised (onHand, threshold, velocity...), and why it resolved.
    details         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    CHECK ((state = 'RESOLVED') = (resolved_at IS NOT NULL))
);
-- The hysteresis: at most one open alert per type, product and location. A crossing raises it once; further sales
-- below the threshold find it open and raise nothing until it resolves. Also the index of "open alerts of these
-- levels", which every stock batch reads.
CREATE UNIQUE INDEX alerts_open_uq ON alerts (product_id, location_id, type)
    WHERE state IN ('RAISED', 'ACKNOWLEDGED');
-- GET /alerts: newest first, optionally by state, type, product or location.
CREATE INDEX alerts_raised_idx ON alerts (raised_at DESC, alert_id);
CREATE INDEX alerts_state_idx ON alerts (state, raised_at DESC);
CREATE INDEX alerts_type_idx ON alerts (type, raised_at DESC);
CREATE INDEX alerts_product_idx ON alerts (product_id, raised_at DESC);
CREATE INDEX alerts_location_idx ON alerts (location_id, raised_at DESC);

-- Default thresholds for a product, or for every product of a category and its sub-categories. The most specific
-- rule wins: product, then the nearest category up the tree; without any, the configured defaults.
CREATE TABLE alert_rules (
    rule_id        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id     TEXT        REFERENCES products (product_id),
    category_id    TEXT        REFERENCES categories (category_id),
    reorder_point  INTEGER     NOT NULL CHECK (reorder_point >= 0),
    critical_level INTEGER     NOT NULL CHECK (critical_level >= 0),
    target_level   INTEGER     NOT NULL CHECK (target_level >= 0),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by     TEXT,
    CHECK ((product_id IS NULL) <> (category_id IS NULL)),
    CHECK (critical_level <= reorder_point AND reorder_point <= target_level)
);
CREATE UNIQUE INDEX alert_rules_product_uq ON alert_rules (product_id) WHERE product_id IS NOT NULL;
CREATE UNIQUE INDEX alert_rules_category_uq ON alert_rules (category_id) WHERE category_id IS NOT NULL;
