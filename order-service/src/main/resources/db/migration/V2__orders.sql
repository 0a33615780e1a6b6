-- Every sale and return, recorded exactly once. order_id is derived from event_id (UUID v3 of "order:<eventId>"),
-- so a redelivered event maps to the same order; both are unique, and so is the order's identity in its source
-- system: a second event id for the same (channel, source, external_id, type) is a duplicate, not a new order.

CREATE TABLE orders (
    order_id     UUID          PRIMARY KEY,
    event_id     UUID          NOT NULL,
    type         VARCHAR(8)    NOT NULL CHECK (type IN ('SALE', 'RETURN')),
    channel      VARCHAR(16)   NOT NULL CHECK (channel IN ('WEB', 'STORE', 'MARKETPLACE', 'SCANNER', 'RFID', 'API')),
    source       VARCHAR(200)  NOT NULL,
    external_id  VARCHAR(200)  NOT NULL,
    location_id  VARCHAR(64)   NOT NULL,
    region       VARCHAR(64),
    occurred_at  TIMESTAMPTZ   NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL,
    currency     CHAR(3)       NOT NULL,
    -- Sum of the line totals; negative for a RETURN (a refund).
    total        NUMERIC(14,2) NOT NULL,
    -- Sum of the line quantities.
    item_count   INTEGER       NOT NULL CHECK (item_count > 0),
    -- Pseudonym from the channel, never personal data (that will live in a separate, encrypted table).
    customer_ref VARCHAR(128),
    -- For a RETURN: the original sale as the channel named it (its eventId or its externalId).
    return_of    VARCHAR(200),
    CONSTRAINT orders_event_uk UNIQUE (event_id),
    CONSTRAINT orders_external_uk UNIQUE (channel, source, external_id, type)
);

CREATE TABLE order_lines (
    order_id    UUID          NOT NULL REFERENCES orders (order_id),
    -- Index of the line in the sale event (0-based), as dead-letter reasons name it.
    line_no     INTEGER       NOT NULL,
    product_id  VARCHAR(64)   NOT NULL,
    sku         VARCHAR(64),
    name        VARCHAR(300),
    category    VARCHAR(200),
    quantity    INTEGER       NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(14,2) NOT NULL CHECK (unit_price >= 0),
    -- quantity x unit_price; negative for a RETURN.
    line_total  NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- GET /orders filters and sorts. Each index ends with order_id, the tie-breaker of every ORDER BY, so a page is
-- read straight from the index in either direction. type has two values and is only combined with other filters:
-- no index of its own.
CREATE INDEX orders_occurred_idx          ON orders (occurred_at, order_id);
CREATE INDEX orders_channel_occurred_idx  ON orders (channel, occurred_at, order_id);
CREATE INDEX orders_location_occurred_idx ON orders (location_id, occurred_at, order_id);
CREATE INDEX orders_total_idx             ON orders (total, order_id);
CREATE INDEX orders_recorded_idx          ON orders (recorded_at, order_id);
CREATE INDEX orders_item_count_idx        ON orders (item_count, order_id);
CREATE INDEX orders_external_id_idx       ON orders (external_id, order_id);
-- productId filter (orders having a line of that product).
CREATE INDEX order_lines_product_idx      ON order_lines (product_id, order_id);
