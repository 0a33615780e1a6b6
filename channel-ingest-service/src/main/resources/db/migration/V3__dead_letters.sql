-- Rejected input that someone may want to replay: webhook deliveries this service could not map (recorded here
-- directly) and every record of sales.deadletter.v1 (consumed into this table by DeadLetterConsumer, so rejections
-- by order-service and inventory-service, such as unknown SKUs, are listed too). The id is the dead letter's own id:
-- the consumer inserts with ON CONFLICT DO NOTHING, so this service's own dead letters coming back are no-ops.
CREATE TABLE dead_letters (
    id                UUID          PRIMARY KEY,
    source            VARCHAR(200)  NOT NULL,
    topic             VARCHAR(249),                        -- topic of the rejected record; NULL for webhook input
    kafka_partition   INT,
    kafka_offset      BIGINT,
    record_key        TEXT,
    reason            VARCHAR(2000) NOT NULL,
    payload           TEXT          NOT NULL,              -- for webhooks: the redacted body
    headers           JSONB         NOT NULL DEFAULT '{}'::jsonb,
    failed_at         TIMESTAMPTZ   NOT NULL,
    service           VARCHAR(100)  NOT NULL,
    delivery_id       UUID,                                -- webhook_deliveries.id of a webhook dead letter
    status            VARCHAR(10)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REPLAYED')),
    received_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    replayed_at       TIMESTAMPTZ,
    replayed_by       VARCHAR(200),
    replay_count      INT           NOT NULL DEFAULT 0,
    last_replay_error VARCHAR(2000)
);

-- GET /ingest/deadletters: newest first, by status (default OPEN), or all, or by source; keyset pagination.
CREATE INDEX dead_letters_status_idx ON dead_letters (status, failed_at DESC, id DESC);
CREATE INDEX dead_letters_failed_idx ON dead_letters (failed_at DESC, id DESC);
CREATE INDEX dead_letters_source_idx ON dead_letters (source, failed_at DESC, id DESC);
-- A replay settles every dead letter of the same record (order-service and inventory-service may both reject it).
CREATE INDEX dead_letters_record_idx ON dead_letters (topic, kafka_partition, kafka_offset) WHERE topic IS NOT NULL;
