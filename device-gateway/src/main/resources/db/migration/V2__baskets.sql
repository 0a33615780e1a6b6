-- POS baskets being scanned: kept in PostgreSQL so a restart between scan and checkout loses nothing.
-- event_id is fixed when the basket opens, so a checkout retried after a crash re-publishes the same sale event
-- (consumers are idempotent on it) and a basket checked out twice publishes once.
CREATE TABLE baskets (
    device_id      VARCHAR(64) NOT NULL REFERENCES devices (device_id),
    basket_id      VARCHAR(64) NOT NULL,
    event_id       UUID        NOT NULL UNIQUE,
    status         VARCHAR(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CHECKED_OUT')),
    opened_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    checked_out_at TIMESTAMPTZ,
    PRIMARY KEY (device_id, basket_id)
);

CREATE TABLE basket_lines (
    device_id  VARCHAR(64)   NOT NULL,
    basket_id  VARCHAR(64)   NOT NULL,
    gtin       VARCHAR(14)   NOT NULL,
    product_id VARCHAR(64)   NOT NULL,
    sku        VARCHAR(64),
    unit_price NUMERIC(14, 2) NOT NULL,
    currency   CHAR(3)       NOT NULL,
    quantity   INTEGER       NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (device_id, basket_id, gtin),
    FOREIGN KEY (device_id, basket_id) REFERENCES baskets (device_id, basket_id)
);
