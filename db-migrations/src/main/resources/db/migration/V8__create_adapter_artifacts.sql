-- Meta-concept LoRA adapters as verified artifacts (issue #19): uploaded PEFT adapters and the
-- Top-K fusions the product builds from them, stored content-addressed in the adapter store
-- (seed.adapters.dir) and served by the small-VLM server under a name derived from their SHA-256.
-- Content, not tenancy, identifies an artifact: which tenant may use one follows from the
-- dictionary version whose meta-concept points at it.
CREATE TABLE adapter_artifact (
    sha256          TEXT        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    served_name     TEXT        NOT NULL UNIQUE CHECK (served_name ~ '^seed-[a-z0-9-]{1,80}$'),
    kind            TEXT        NOT NULL CHECK (kind IN ('UPLOADED', 'FUSED')),
    base_model      TEXT        NOT NULL,
    lora_rank       INTEGER     NOT NULL CHECK (lora_rank > 0),
    lora_alpha      DOUBLE PRECISION NOT NULL,
    target_modules  TEXT        NOT NULL,
    tensor_count    INTEGER     NOT NULL CHECK (tensor_count > 0),
    size_bytes      BIGINT      NOT NULL CHECK (size_bytes > 0),
    -- FUSED: the parts' sha256, sorted, comma-separated (the cache key of the fusion)
    fused_from      TEXT,
    created_by      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((kind = 'FUSED') = (fused_from IS NOT NULL))
);

ALTER TABLE meta_concept
    ADD COLUMN adapter_sha256 TEXT REFERENCES adapter_artifact (sha256);

-- What the small-VLM server serves, as the reconciler last saw it (one row per adapter name the
-- active dictionaries route to, uploaded or typed by an operator). Shared by all nodes.
CREATE TABLE adapter_serving (
    served_name TEXT        PRIMARY KEY,
    state       TEXT        NOT NULL CHECK (state IN ('SERVED', 'LOADING', 'MISSING', 'FAILED')),
    reason      TEXT,
    since       TIMESTAMPTZ NOT NULL DEFAULT now(),
    checked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Keys that may upload exactly one meta-concept's adapter (a training job's last step): hashed like
-- API keys, shown once, expiring.
CREATE TABLE adapter_upload_key (
    id                    UUID        PRIMARY KEY,
    key_prefix            TEXT        NOT NULL UNIQUE,
    key_hash              TEXT        NOT NULL,
    dictionary_version_id BIGINT      NOT NULL REFERENCES dictionary_version (id) ON DELETE CASCADE,
    cluster_index         INTEGER     NOT NULL,
    created_by            TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at            TIMESTAMPTZ NOT NULL,
    used_at               TIMESTAMPTZ
);
