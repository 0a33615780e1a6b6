-- Audit of product writes: who created or changed a product, when, and what it was before and after. Written in the
-- transaction of the change (CatalogService), so a committed change always has its row. This is where a price
-- suggestion applied through recommendation-service (PUT /products/{id} with the manager's token) is audited.
CREATE TABLE product_changes (
    change_id      BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id     TEXT          NOT NULL REFERENCES products (product_id),
    kind           TEXT          NOT NULL CHECK (kind IN ('CREATE', 'UPDATE')),
    -- The caller's user name from the access token.
    changed_by     TEXT          NOT NULL,
    changed_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- Old values are null for a CREATE.
    old_unit_price NUMERIC(14,2),
    new_unit_price NUMERIC(14,2) NOT NULL,
    old_unit_cost  NUMERIC(14,2),
    new_unit_cost  NUMERIC(14,2) NOT NULL,
    old_product    JSONB,
    new_product    JSONB         NOT NULL,
    CHECK ((kind = 'CREATE') = (old_product IS NULL))
);
-- GET /products/{id}/changes: newest first (change_id breaks ties within one timestamp).
CREATE INDEX product_changes_product_idx ON product_changes (product_id, changed_at DESC, change_id DESC);
