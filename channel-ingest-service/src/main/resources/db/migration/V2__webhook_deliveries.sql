-- Every verified webhook delivery, recorded before it is acknowledged (so nothing is lost when this instance dies
-- after the 200) and processed afterwards by the worker (WebhookProcessor), which claims PENDING rows with
-- SELECT ... FOR UPDATE SKIP LOCKED, so any number of instances share the work. Deliveries that fail verification
-- are never stored (an unauthenticated caller must not be able to fill this table). The body is stored REDACTED:
-- only the fields the channel's mapping reads survive (no names, e-mail addresses, postal addresses, phones).
CREATE TABLE webhook_deliveries (
    id               UUID          PRIMARY KEY,
    channel          VARCHAR(16)   NOT NULL CHECK (channel IN ('SHOPIFY', 'WOOCOMMERCE', 'MARKETPLACE')),
    source           VARCHAR(200)  NOT NULL,              -- shopify:<shop>, woocommerce:<host>, marketplace:<name>
    topic            VARCHAR(100)  NOT NULL,              -- orders/create, order.updated, ...
    delivery_id      VARCHAR(200)  NOT NULL,              -- the platform's delivery or event id (redeliveries repeat it)
    received_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    verification     VARCHAR(20)   NOT NULL,              -- which secret verified it: SECRET_1 (current) or SECRET_2 (previous)
    status           VARCHAR(14)   NOT NULL CHECK (status IN ('PENDING', 'PROCESSED', 'DUPLICATE', 'IGNORED', 'DEAD_LETTERED')),
    body             TEXT,                                -- redacted JSON; NULL when the signed body was not valid JSON
    body_sha256      CHAR(64)      NOT NULL,              -- of the body exactly as received
    customer_ref     VARCHAR(128),                        -- pseudonym of the customer, made at receipt (never the PII)
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_error       VARCHAR(2000),
    redeliveries     INT           NOT NULL DEFAULT 0,
    last_received_at TIMESTAMPTZ,
    processed_at     TIMESTAMPTZ,
    event_ids        UUID[],
    CONSTRAINT webhook_deliveries_delivery_uq UNIQUE (source, topic, delivery_id)
);

-- The worker's claim: due PENDING rows, oldest first.
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
-- The retention cleanup deletes by age.
CREATE INDEX webhook_deliveries_received_idx ON webhook_deliveries (received_at);
