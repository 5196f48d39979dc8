-- Chat turns and their full trace (pipeline issue): what each model said, what reflection
-- changed, the answer, timings, tokens and errors. Written once per turn, in one transaction.
CREATE TABLE turn (
    id                    UUID PRIMARY KEY,
    tenant_id             UUID        NOT NULL,
    request_id            TEXT        NOT NULL UNIQUE,
    user_ref              TEXT,
    requested_mode        TEXT        NOT NULL,
    effective_mode        TEXT        NOT NULL,
    question              TEXT        NOT NULL,
    image_sha256          TEXT,
    concept_ids           TEXT[]      NOT NULL DEFAULT '{}',
    dictionary_version_id BIGINT      REFERENCES dictionary_version (id) ON DELETE SET NULL,
    adapter_ref           TEXT,
    adapter_cosine        DOUBLE PRECISION,
    small_model           TEXT,
    large_model           TEXT,
    raw_small_output      TEXT,
    detection_report      JSONB,
    reflection            JSONB,
    final_report          JSONB,
    reflection_changed    BOOLEAN     NOT NULL DEFAULT false,
    answer                TEXT,
    status                TEXT        NOT NULL CHECK (status IN ('ANSWERED', 'FAILED')),
    error_message         TEXT,
    small_calls           INTEGER     NOT NULL DEFAULT 0,
    large_calls           INTEGER     NOT NULL DEFAULT 0,
    retries               INTEGER     NOT NULL DEFAULT 0,
    prompt_tokens         INTEGER     NOT NULL DEFAULT 0,
    completion_tokens     INTEGER     NOT NULL DEFAULT 0,
    phase_ms              JSONB       NOT NULL DEFAULT '{}',
    events                JSONB       NOT NULL DEFAULT '[]',
    total_ms              BIGINT      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX turn_tenant_created ON turn (tenant_id, created_at DESC);

-- The query image, kept apart so that listing turns never reads image bytes.
CREATE TABLE turn_image (
    turn_id   UUID PRIMARY KEY REFERENCES turn (id) ON DELETE CASCADE,
    mime_type TEXT  NOT NULL,
    bytes     BYTEA NOT NULL
);

-- One row per model call attempt; retries share the turn's request id.
CREATE TABLE turn_model_call (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    turn_id           UUID        NOT NULL REFERENCES turn (id) ON DELETE CASCADE,
    seq               INTEGER     NOT NULL,
    phase             TEXT        NOT NULL,
    model             TEXT,
    adapter           TEXT,
    attempt           INTEGER     NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    duration_ms       BIGINT      NOT NULL,
    prompt_tokens     INTEGER     NOT NULL DEFAULT 0,
    completion_tokens INTEGER     NOT NULL DEFAULT 0,
    outcome           TEXT        NOT NULL,
    error             TEXT,
    UNIQUE (turn_id, seq)
);
