-- One row per POS upload (POST /imports/pos): who, when, the SHA-256 of the file and what became of its rows.
-- Duplicates are prevented per receipt by ingest.idempotency_keys (externalId <store>:<receipt id>); the file hash
-- tells the uploader that the very same file was imported before.
CREATE TABLE pos_imports (
    id                 UUID          PRIMARY KEY,
    uploaded_by        VARCHAR(200)  NOT NULL,
    started_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    finished_at        TIMESTAMPTZ,
    status             VARCHAR(10)   NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'ABORTED')),
    file_sha256        CHAR(64),
    bytes              BIGINT,
    row_count          INT,
    receipts           INT,
    accepted           INT,
    duplicate_receipts INT,
    rejected_rows      INT,
    error              VARCHAR(2000)
);

-- "Was this file imported before?"
CREATE INDEX pos_imports_file_idx ON pos_imports (file_sha256, started_at);
