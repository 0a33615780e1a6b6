-- Batches (lots) with expiry dates. stock_levels.on_hand stays the truth; lots are an allocation of it: the units
-- of a level that are known to belong to a lot. Whatever is on hand beyond the lots' total is unlotted stock
-- (legacy stock, returns, receipts without a lot code). Every writer keeps sum(lots) <= max(on_hand, 0).

CREATE TABLE lots (
    lot_id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id       TEXT        NOT NULL REFERENCES products (product_id),
    location_id      TEXT        NOT NULL REFERENCES locations (location_id),
    -- The supplier's batch code as printed on the goods; a second receipt of the same code adds to the lot.
    lot_code         TEXT        NOT NULL CHECK (length(lot_code) BETWEEN 1 AND 64),
    -- Last day the goods may be sold (best-before / use-by), in the location's time zone; null: does not expire.
    expires_on       DATE,
    received_at      TIMESTAMPTZ NOT NULL,
    quantity_on_hand INTEGER     NOT NULL CHECK (quantity_on_hand >= 0),
    -- What the indexes filter on instead of quantity_on_hand itself: it changes only when a lot empties or is
    -- refilled, so the updates of every sale stay HOT (no index entries to write) like those of stock_levels.
    in_stock         BOOLEAN     GENERATED ALWAYS AS (quantity_on_hand > 0) STORED,
    -- Set by the expiry sweep (LotExpirySweep) once the location's local date is past expires_on.
    expired_at       TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT lots_code_uq UNIQUE (product_id, location_id, lot_code)
) WITH (fillfactor = 80);
-- FEFO: the lots of a level with stock, in the order sales take from them (earliest expiry first, undated last,
-- then oldest receipt). Also every lock of lots, which is taken in this order, and GET /inventory/lots by product.
CREATE INDEX lots_fefo_idx ON lots (product_id, location_id, expires_on, received_at, lot_id) WHERE in_stock;
-- GET /inventory/lots and /inventory/expiring of one location.
CREATE INDEX lots_location_idx ON lots (location_id, expires_on);
-- GET /inventory/expiring across locations, and the expiry sweep.
CREATE INDEX lots_expiring_idx ON lots (expires_on) WHERE in_stock AND expires_on IS NOT NULL;

-- Which lots a movement took from or put into (a sale of 5 may take 2 from one lot and 3 from the next). Written
-- with the movement, in its transaction; the movement's idempotency makes this idempotent too. No foreign keys:
-- like stock_movements this is on the hot path, and both ends are written by the same statement sequence.
CREATE TABLE lot_movements (
    movement_id BIGINT  NOT NULL,
    lot_id      BIGINT  NOT NULL,
    -- Signed like the movement: a sale's share of a lot is negative.
    quantity    INTEGER NOT NULL CHECK (quantity <> 0),
    PRIMARY KEY (movement_id, lot_id)
);
-- GET /inventory/movements?lotId= (which sales took from a lot: recalls).
CREATE INDEX lot_movements_lot_idx ON lot_movements (lot_id, movement_id DESC);

-- V2 left a single lot_id column as a placeholder; a movement can span several lots, so lot_movements replaces it.
ALTER TABLE stock_movements DROP COLUMN lot_id;
