-- Running RFID cycle counts, kept in PostgreSQL so that a restart (or another instance answering the next batch)
-- mid-count neither loses reads nor counts a tag twice: a count is the set of distinct tags it saw.
CREATE TABLE cycle_counts (
    -- Fixed when the count starts; it becomes the CYCLE_COUNT observationId, so a stop retried after a crash between
    -- the broker's ack and the clean-up publishes the same observation again (inventory is idempotent on it).
    count_id   UUID        PRIMARY KEY,
    -- At most one running count per reader: starting again is idempotent.
    device_id  VARCHAR(64) NOT NULL UNIQUE REFERENCES devices (device_id),
    zone       VARCHAR(64),
    started_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Distinct tags (GTIN-14 + serial) seen during a count; a re-read, a retried batch or a batch replayed after a
-- restart inserts nothing.
CREATE TABLE cycle_count_tags (
    count_id UUID        NOT NULL REFERENCES cycle_counts (count_id) ON DELETE CASCADE,
    gtin     VARCHAR(14) NOT NULL,
    serial   BIGINT      NOT NULL,
    PRIMARY KEY (count_id, gtin, serial)
);
