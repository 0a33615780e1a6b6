-- Idempotency of order intake: one row per (source, key). A request claims its key with
-- INSERT ... ON CONFLICT DO NOTHING (so concurrent duplicates race safely), publishes to Kafka, then marks the row
-- ACCEPTED. FAILED (Kafka refused or timed out) and PENDING rows older than ingest.idempotency.takeover-after may be
-- taken over by a retry, which re-publishes the stored event identity (same event_id, external_id, occurred_at).
CREATE TABLE idempotency_keys (
    scope        VARCHAR(200) NOT NULL,               -- the sale's source, e.g. api:clerk
    key          VARCHAR(250) NOT NULL,               -- 'idempotency-key:<header>' or 'external-id:<externalId>'
    request_hash CHAR(64)     NOT NULL,               -- SHA-256 (hex) of the normalised request
    event_id     UUID         NOT NULL,
    external_id  VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    status       VARCHAR(8)   NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'FAILED')),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

-- The retention cleanup deletes by age.
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
