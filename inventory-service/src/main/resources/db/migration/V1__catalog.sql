-- The catalog: a category tree, products and locations. inventory-service is their only writer; every change is
-- published (through inventory.outbox) to the compacted topics catalog.products.v1 / catalog.locations.v1, from which
-- the other services rebuild their reference data.

CREATE TABLE categories (
    category_id TEXT        PRIMARY KEY,
    parent_id   TEXT        REFERENCES categories (category_id),
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (parent_id IS DISTINCT FROM category_id)
);
-- Children of a node (tree building, "category including sub-categories" filters).
CREATE INDEX categories_parent_idx ON categories (parent_id);
-- Two siblings with the same name would be indistinguishable in a category path.
CREATE UNIQUE INDEX categories_sibling_name_uq ON categories (COALESCE(parent_id, ''), lower(name));

CREATE TABLE products (
    product_id  TEXT          PRIMARY KEY,
    sku         TEXT          NOT NULL,
    -- As entered (8, 12, 13 or 14 digits, check digit verified by the service) and zero-padded to 14 digits:
    -- scanners read the same item as UPC-A, EAN-13 or GTIN-14, so lookups and uniqueness use gtin14.
    gtin        TEXT,
    gtin14      TEXT CHECK (gtin14 ~ '^[0-9]{14}$'),
    name        TEXT          NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    category_id TEXT          NOT NULL REFERENCES categories (category_id),
    unit_price  NUMERIC(14,2) NOT NULL CHECK (unit_price >= 0),
    unit_cost   NUMERIC(14,2) NOT NULL CHECK (unit_cost >= 0),
    currency    CHAR(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    attributes  JSONB         NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
    active      BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK ((gtin IS NULL) = (gtin14 IS NULL))
);
CREATE UNIQUE INDEX products_sku_uq ON products (sku);
CREATE UNIQUE INDEX products_gtin14_uq ON products (gtin14);
CREATE INDEX products_category_idx ON products (category_id, product_id);
-- Sort orders of GET /products (product_id breaks ties so that paging is stable).
CREATE INDEX products_name_idx ON products (name, product_id);
CREATE INDEX products_unit_price_idx ON products (unit_price, product_id);
CREATE INDEX products_updated_at_idx ON products (updated_at, product_id);
-- The q filter ("name or SKU contains") is a scan: fine for a catalog of some 100k rows. A pg_trgm GIN index would
-- make it indexed, but CREATE EXTENSION needs a privilege the service role does not have (a DBA change).

CREATE TABLE locations (
    location_id TEXT             PRIMARY KEY,
    name        TEXT             NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        TEXT             NOT NULL CHECK (kind IN ('STORE', 'WAREHOUSE', 'ONLINE', 'MARKETPLACE')),
    region      TEXT             NOT NULL CHECK (length(region) BETWEEN 1 AND 64),
    country     CHAR(2)          CHECK (country ~ '^[A-Z]{2}$'),
    latitude    DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude   DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    time_zone   TEXT             NOT NULL,
    active      BOOLEAN          NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX locations_kind_idx ON locations (kind, location_id);
CREATE INDEX locations_region_idx ON locations (region, location_id);
CREATE INDEX locations_name_idx ON locations (name, location_id);
