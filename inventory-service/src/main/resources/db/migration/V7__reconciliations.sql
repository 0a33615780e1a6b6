-- RFID cycle counts (devices.observations.v1, kind CYCLE_COUNT) compared with the books: one reconciliation per
-- observation, one line per product counted. A manager may apply it: COUNT movements for the differences.

CREATE TABLE reconciliations (
    -- The observationId of the cycle count: a redelivered observation inserts nothing (idempotency).
    reconciliation_id  UUID        PRIMARY KEY,
    location_id        TEXT        NOT NULL REFERENCES locations (location_id),
    device_id          TEXT        NOT NULL,
    zone               TEXT,
    started_at         TIMESTAMPTZ NOT NULL,
    counted_at         TIMESTAMPTZ NOT NULL,
    -- When the books were read for "expected" (the consumer's transaction).
    recorded_at        TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'APPLIED')),
    products_counted   INTEGER     NOT NULL,
    products_differing INTEGER     NOT NULL,
    units_expected     INTEGER     NOT NULL,
    units_observed     INTEGER     NOT NULL,
    -- Units missing (sum of negative differences, as a positive number) and units found beyond the books.
    shrinkage_units    INTEGER     NOT NULL,
    surplus_units      INTEGER     NOT NULL,
    -- Counted GTINs the catalog does not know: reported, never applied.
    unknown_gtins      INTEGER     NOT NULL,
    applied_at         TIMESTAMPTZ,
    applied_by         TEXT,
    CHECK ((status = 'APPLIED') = (applied_at IS NOT NULL))
);
-- GET /inventory/reconciliations: newest first, optionally by location or status.
CREATE INDEX reconciliations_recorded_idx ON reconciliations (recorded_at DESC, reconciliation_id);
CREATE INDEX reconciliations_location_idx ON reconciliations (location_id, recorded_at DESC);
CREATE INDEX reconciliations_status_idx ON reconciliations (status, recorded_at DESC);

CREATE TABLE reconciliation_lines (
    reconciliation_id UUID    NOT NULL REFERENCES reconciliations (reconciliation_id),
    line_no           INTEGER NOT NULL,
    gtin              TEXT    NOT NULL,
    -- Null when the GTIN is unknown; expected and difference are null then too.
    product_id        TEXT,
    expected          INTEGER,
    observed          INTEGER NOT NULL CHECK (observed >= 0),
    difference        INTEGER,
    PRIMARY KEY (reconciliation_id, line_no),
    CHECK ((product_id IS NULL) = (expected IS NULL) AND (expected IS NULL) = (difference IS NULL))
);
