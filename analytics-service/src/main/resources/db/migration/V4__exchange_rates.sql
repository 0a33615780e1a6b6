-- Orders in another currency than the reporting one (analytics.currency) are converted with the rate valid on their
-- business day, so that every figure stays one currency. Rates are effective-dated: a rate holds from valid_from
-- until the next one of the same currency.
CREATE TABLE exchange_rates (
    currency   CHAR(3)        NOT NULL,
    valid_from DATE           NOT NULL,
    -- Reporting-currency units for one unit of currency.
    rate       NUMERIC(18,8)  NOT NULL CHECK (rate > 0),
    set_by     TEXT           NOT NULL,
    set_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    PRIMARY KEY (currency, valid_from)
);

-- Orders no rate covers yet: kept (never dead-lettered, never summed unconverted) until a rate for their day is set,
-- then counted like any other. Idempotent on order_id; a redelivery while waiting changes nothing.
CREATE TABLE orders_awaiting_rate (
    order_id     UUID        PRIMARY KEY,
    currency     CHAR(3)     NOT NULL,
    business_day DATE        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    -- The parsed order (analytics' RecordedOrder as JSON), in its own currency.
    payload      JSONB       NOT NULL,
    parked_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX orders_awaiting_rate_currency_idx ON orders_awaiting_rate (currency, business_day);

-- A converted order keeps what it was: total (and its lines) are in the reporting currency, these say from what.
ALTER TABLE counted_orders
    ADD COLUMN original_currency CHAR(3),
    ADD COLUMN original_total    NUMERIC(14,2),
    ADD COLUMN exchange_rate     NUMERIC(18,8);
