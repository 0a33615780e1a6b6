-- Reference data order-service keeps from the compacted catalog topics (owned by inventory-service), so that a
-- sale event is resolved and enriched without calling another service. Rows are replaced by newer catalog
-- records only (updated_at guard) and deleted by tombstones.

CREATE TABLE products (
    product_id  VARCHAR(64)   PRIMARY KEY,
    sku         VARCHAR(64)   NOT NULL,
    gtin        VARCHAR(14),
    name        VARCHAR(300)  NOT NULL,
    -- Leaf category name (last element of the catalog's categoryPath): fits the 200 characters of orders.recorded.v1.
    category    VARCHAR(200),
    unit_price  NUMERIC(14,2) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    active      BOOLEAN       NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    -- Sale lines name products by sku or gtin too: these unique indexes serve those lookups.
    CONSTRAINT products_sku_uk UNIQUE (sku),
    CONSTRAINT products_gtin_uk UNIQUE (gtin)
);

CREATE TABLE locations (
    location_id VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    region      VARCHAR(64)  NOT NULL,
    country     CHAR(2),
    time_zone   VARCHAR(64)  NOT NULL,
    active      BOOLEAN      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
