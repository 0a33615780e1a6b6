-- One row per LLM call: what was asked and answered (as SHA-256 hashes, the texts stay out of the database),
-- by which provider and model, how long it took, the tokens billed, and what came of it.
CREATE TABLE llm_audit (
    audit_id          BIGSERIAL PRIMARY KEY,
    called_at         TIMESTAMPTZ NOT NULL,
    provider          TEXT        NOT NULL,
    model             TEXT        NOT NULL,
    prompt_version    TEXT        NOT NULL,
    location_id       TEXT,
    prompt_sha256     CHAR(64)    NOT NULL,
    answer_sha256     CHAR(64),
    latency_ms        INTEGER     NOT NULL,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    outcome           TEXT        NOT NULL CHECK (outcome IN ('OK', 'INVALID', 'ERROR')),
    dropped_items     INTEGER     NOT NULL DEFAULT 0,
    error             TEXT
);

-- Operators read the audit by time (cost per day, recent failures).
CREATE INDEX llm_audit_called_at_idx ON llm_audit (called_at);
