-- RFID exit reads (devices.observations.v1, kind EXIT_READ) matched against recorded sales; units leaving without
-- a sale raise POSSIBLE_SHRINKAGE alerts.

-- One row per product line of an EXIT_READ observation. Settled by ShrinkageSweep once due (seen_at plus the
-- settle delay, so that sale events racing the exit read through Kafka are in first).
CREATE TABLE exit_reads (
    -- Idempotency: a redelivered observation inserts nothing.
    observation_id  UUID        NOT NULL,
    line_no         INTEGER     NOT NULL,
    location_id     TEXT        NOT NULL REFERENCES locations (location_id),
    device_id       TEXT        NOT NULL,
    gtin            TEXT        NOT NULL,
    -- Null when the catalog does not know the GTIN: kept and reported, never matched, no alert.
    product_id      TEXT,
    units           INTEGER     NOT NULL CHECK (units > 0),
    -- When the first of these units was read at the exit (reader time): sales are matched around it.
    seen_at         TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    due_at          TIMESTAMPTZ NOT NULL,
    settled_at      TIMESTAMPTZ,
    matched_units   INTEGER CHECK (matched_units >= 0),
    unmatched_units INTEGER CHECK (unmatched_units >= 0),
    -- The POSSIBLE_SHRINKAGE alert the unmatched units were raised in or added to.
    alert_id        UUID,
    PRIMARY KEY (observation_id, line_no),
    CHECK ((settled_at IS NULL) = (matched_units IS NULL) AND (settled_at IS NULL) = (unmatched_units IS NULL))
);
-- The sweep's "due and not settled yet".
CREATE INDEX exit_reads_due_idx ON exit_reads (due_at) WHERE settled_at IS NULL;

-- Which sold units justified which exit: a sold unit justifies one exit only, so the units of a sale movement used
-- here are not available to later exits.
CREATE TABLE exit_sale_matches (
    movement_id    BIGINT  NOT NULL,
    observation_id UUID    NOT NULL,
    line_no        INTEGER NOT NULL,
    units          INTEGER NOT NULL CHECK (units > 0),
    PRIMARY KEY (movement_id, observation_id, line_no),
    FOREIGN KEY (observation_id, line_no) REFERENCES exit_reads (observation_id, line_no)
);

-- Sales of a product at a location around a time (the matcher's query). Partial: only SALE rows pay for it.
CREATE INDEX stock_movements_sales_time_idx ON stock_movements (product_id, location_id, occurred_at)
    WHERE cause = 'SALE';

ALTER TABLE alerts DROP CONSTRAINT alerts_type_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_type_check
    CHECK (type IN ('LOW_STOCK', 'CRITICAL_STOCK', 'OUT_OF_STOCK', 'STOCKOUT_PREDICTED', 'POSSIBLE_SHRINKAGE'));
