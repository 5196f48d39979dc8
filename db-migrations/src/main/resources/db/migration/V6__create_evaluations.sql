-- Evaluation harness (issue #7): imported evaluation sets with their items and image bytes (kept
-- in the database so that runs survive restarts and never depend on temp files), runs of one set
-- in one mode, and one result row per item and run (the resume point: a restarted run skips the
-- items that already have a row). Deleting a set deletes its runs and results; deleting a run
-- deletes its results; nothing is left half-written.

CREATE TABLE eval_dataset (
    id            UUID PRIMARY KEY,
    tenant_id     UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name          TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    format        TEXT        NOT NULL,
    item_count    INTEGER     NOT NULL CHECK (item_count >= 0),
    concept_names TEXT        NOT NULL,            -- comma-separated <name> ids, import order
    skipped       TEXT        NOT NULL DEFAULT '', -- one line per entry the importer left out
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX eval_dataset_tenant ON eval_dataset (tenant_id, created_at DESC);

-- Each distinct image once per set (a recognition set asks about the same photo for many concepts).
CREATE TABLE eval_image (
    dataset_id UUID  NOT NULL REFERENCES eval_dataset (id) ON DELETE CASCADE,
    sha256     TEXT  NOT NULL,
    mime_type  TEXT  NOT NULL CHECK (mime_type LIKE 'image/%'),
    bytes      BYTEA NOT NULL,
    PRIMARY KEY (dataset_id, sha256)
);

CREATE TABLE eval_item (
    dataset_id UUID    NOT NULL REFERENCES eval_dataset (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    item_key   TEXT    NOT NULL,
    task       TEXT    NOT NULL CHECK (task IN ('RECOGNITION', 'MULTIPLE_CHOICE', 'TEXT_ONLY')),
    concepts   TEXT    NOT NULL,                 -- comma-separated names without brackets
    question   TEXT    NOT NULL,
    options    JSONB   NOT NULL DEFAULT '{}',    -- letter -> text, letter order
    correct    TEXT    NOT NULL,
    tags       TEXT    NOT NULL DEFAULT '',
    image_sha256 TEXT,
    PRIMARY KEY (dataset_id, item_key),
    UNIQUE (dataset_id, position),
    FOREIGN KEY (dataset_id, image_sha256) REFERENCES eval_image (dataset_id, sha256) ON DELETE CASCADE,
    CHECK ((task = 'TEXT_ONLY') = (image_sha256 IS NULL))
);

CREATE TABLE eval_run (
    id                    UUID PRIMARY KEY,
    tenant_id             UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    dataset_id            UUID        NOT NULL REFERENCES eval_dataset (id) ON DELETE CASCADE,
    label                 TEXT        NOT NULL,
    mode                  TEXT        NOT NULL
                          CHECK (mode IN ('FULL', 'NO_REFLECTION', 'NO_DETECTOR', 'PLAIN_VLM', 'SMALL_ONLY')),
    top_k                 INTEGER     NOT NULL CHECK (top_k BETWEEN 1 AND 16),
    dictionary_version_id BIGINT      REFERENCES dictionary_version (id) ON DELETE SET NULL,
    leakage_guard         BOOLEAN     NOT NULL,
    concurrency           INTEGER     NOT NULL CHECK (concurrency BETWEEN 1 AND 64),
    status                TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    done                  INTEGER     NOT NULL DEFAULT 0,
    total                 INTEGER     NOT NULL DEFAULT 0,
    excluded              INTEGER     NOT NULL DEFAULT 0,
    message               TEXT,
    cancel_requested      BOOLEAN     NOT NULL DEFAULT false,
    scores                JSONB,
    created_by            TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at            TIMESTAMPTZ,
    finished_at           TIMESTAMPTZ,
    heartbeat_at          TIMESTAMPTZ
);
CREATE INDEX eval_run_tenant ON eval_run (tenant_id, created_at DESC);
CREATE INDEX eval_run_active ON eval_run (status) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE eval_result (
    run_id           UUID        NOT NULL REFERENCES eval_run (id) ON DELETE CASCADE,
    item_key         TEXT        NOT NULL,
    answer           TEXT,
    failed           BOOLEAN     NOT NULL,
    detected         BOOLEAN,
    after_reflection BOOLEAN,
    turn_id          UUID,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, item_key)
);

ALTER TABLE eval_dataset ENABLE ROW LEVEL SECURITY;
ALTER TABLE eval_dataset FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON eval_dataset USING (seed_tenant_allowed(tenant_id))
    WITH CHECK (seed_tenant_allowed(tenant_id));
ALTER TABLE eval_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE eval_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON eval_run USING (seed_tenant_allowed(tenant_id))
    WITH CHECK (seed_tenant_allowed(tenant_id));
-- Images, items and results belong to their parent row: visible exactly when it is.
ALTER TABLE eval_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE eval_image FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON eval_image
    USING (EXISTS (SELECT 1 FROM eval_dataset d WHERE d.id = eval_image.dataset_id))
    WITH CHECK (EXISTS (SELECT 1 FROM eval_dataset d WHERE d.id = eval_image.dataset_id));
ALTER TABLE eval_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE eval_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON eval_item
    USING (EXISTS (SELECT 1 FROM eval_dataset d WHERE d.id = eval_item.dataset_id))
    WITH CHECK (EXISTS (SELECT 1 FROM eval_dataset d WHERE d.id = eval_item.dataset_id));
ALTER TABLE eval_result ENABLE ROW LEVEL SECURITY;
ALTER TABLE eval_result FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON eval_result
    USING (EXISTS (SELECT 1 FROM eval_run r WHERE r.id = eval_result.run_id))
    WITH CHECK (EXISTS (SELECT 1 FROM eval_run r WHERE r.id = eval_result.run_id));
