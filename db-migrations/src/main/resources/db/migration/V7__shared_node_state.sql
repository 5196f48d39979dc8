-- State that every application node must share (issue #9, scale-out). Independent of V6.

-- API rate limiting: one token bucket per API key / console user, refilled on the database clock so
-- that N nodes together allow the configured rate, not N times it (RateLimitBuckets.take).
CREATE TABLE api_rate_bucket (
    bucket_key  TEXT             PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    refilled_at TIMESTAMPTZ      NOT NULL,
    -- whether the last request took a token: returned by the same atomic upsert
    granted     BOOLEAN          NOT NULL
);

-- The model endpoints a platform admin set in the console. One row; "version" grows with every
-- change and reset, and each node polls it (at most once a second) to apply changes made on another
-- node. API keys are stored AES-GCM encrypted, never in clear (ModelSettingsStore).
CREATE TABLE model_settings_override (
    id          SMALLINT    PRIMARY KEY CHECK (id = 1),
    version     BIGINT      NOT NULL,
    overridden  BOOLEAN     NOT NULL,
    endpoints   TEXT,
    large_key   BYTEA,
    small_key   BYTEA,
    updated_by  TEXT,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO model_settings_override (id, version, overridden) VALUES (1, 0, false);
