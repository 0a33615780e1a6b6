-- The protected customer store (GDPR/CCPA): the only place personal data of customers lives in Sales Pulse.
-- Events and orders carry the pseudonym (customer_ref) only. The personal fields are sealed together with
-- AES-256-GCM under an application key that never touches the database (salespulse.privacy.*), so a dump, a backup
-- or a read-only SQL user sees ciphertext. key_id names the key that sealed the row, so keys can be rotated.
CREATE TABLE customers (
    customer_ref   VARCHAR(128)  PRIMARY KEY,
    key_id         VARCHAR(32)   NOT NULL,
    -- 12-byte IV followed by the GCM ciphertext and tag of the JSON of the personal fields; the customer_ref is the
    -- additional authenticated data, so a sealed row cannot be swapped onto another customer.
    sealed         BYTEA         NOT NULL,
    -- HMAC-SHA256 of the normalised e-mail address under the index key: finds a customer for an access or erasure
    -- request by e-mail without storing the address in clear or decrypting every row.
    email_index    CHAR(64),
    first_seen_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX customers_email_idx ON customers (email_index) WHERE email_index IS NOT NULL;

-- Which platform orders brought a customer's data (no personal data: source and the platform's order id).
CREATE TABLE customer_sources (
    customer_ref  VARCHAR(128)  NOT NULL REFERENCES customers (customer_ref) ON DELETE CASCADE,
    source        VARCHAR(200)  NOT NULL,
    external_id   VARCHAR(200)  NOT NULL,
    received_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_ref, source, external_id)
);

-- Accountability (GDPR art. 5(2), 30): every access, export and erasure of personal data, by whom and when.
-- No personal data here either: the pseudonym and the operator's user name.
CREATE TABLE privacy_audit (
    id            UUID          PRIMARY KEY,
    action        VARCHAR(16)   NOT NULL CHECK (action IN ('STORE', 'LOOKUP', 'EXPORT', 'ERASE')),
    customer_ref  VARCHAR(128),
    actor         VARCHAR(200)  NOT NULL,
    detail        VARCHAR(500),
    at            TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX privacy_audit_at_idx ON privacy_audit (at DESC, id);

-- The customer's orders, for an export: orders by pseudonym.
CREATE INDEX orders_customer_ref_idx ON orders (customer_ref, occurred_at) WHERE customer_ref IS NOT NULL;
