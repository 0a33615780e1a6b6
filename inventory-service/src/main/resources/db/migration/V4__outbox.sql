-- Transactional outbox: every event (catalog change, new stock level, alert transition, dead letter) is written here
-- in the transaction that causes it, and messaging.OutboxRelay sends the rows to Kafka in id order, deleting them
-- only after the broker acknowledged them. No dual writes: a crash re-sends (consumers are idempotent), never loses.
CREATE TABLE outbox (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       TEXT        NOT NULL,
    message_key TEXT        NOT NULL,
    -- CloudEvents attributes of the record: ce_id, ce_type, ce_time.
    event_id    UUID        NOT NULL,
    event_type  TEXT        NOT NULL,
    event_time  TIMESTAMPTZ NOT NULL,
    -- The JSON exactly as it goes on the wire (text, not jsonb, which would reorder it).
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
