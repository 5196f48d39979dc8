-- Retraining the meta-concept dictionary as a background job, what each meta-concept contains,
-- and when versions were activated (for one-step rollback).
ALTER TABLE dictionary_version ADD COLUMN activated_at TIMESTAMPTZ;
ALTER TABLE dictionary_version ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
ALTER TABLE dictionary_version ADD COLUMN inertia DOUBLE PRECISION;

ALTER TABLE meta_concept ADD COLUMN representative_key TEXT;

-- The concepts (platform concepts by id, dataset concepts by "dataset:<name>") of each cluster.
CREATE TABLE meta_concept_member (
    meta_concept_id BIGINT NOT NULL REFERENCES meta_concept (id) ON DELETE CASCADE,
    concept_key     TEXT   NOT NULL,
    label           TEXT   NOT NULL,
    cosine          DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (meta_concept_id, concept_key)
);
ALTER TABLE meta_concept_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE meta_concept_member FORCE ROW LEVEL SECURITY;
CREATE POLICY member_by_meta_concept ON meta_concept_member
    USING (EXISTS (SELECT 1 FROM meta_concept m WHERE m.id = meta_concept_member.meta_concept_id))
    WITH CHECK (EXISTS (SELECT 1 FROM meta_concept m WHERE m.id = meta_concept_member.meta_concept_id));

CREATE TABLE dictionary_job (
    id                UUID PRIMARY KEY,
    tenant_id         UUID,
    status            TEXT        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    k                 INTEGER     NOT NULL CHECK (k BETWEEN 1 AND 1000),
    source            TEXT        NOT NULL,
    dataset_path      TEXT,
    embedder_id       TEXT,
    progress          INTEGER     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    phase             TEXT        NOT NULL DEFAULT 'queued',
    message           TEXT,
    cancel_requested  BOOLEAN     NOT NULL DEFAULT false,
    result_version_id BIGINT      REFERENCES dictionary_version (id) ON DELETE SET NULL,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    heartbeat_at      TIMESTAMPTZ
);
-- At most one job of a scope is queued or running at any time.
CREATE UNIQUE INDEX dictionary_job_one_active
    ON dictionary_job (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid))
    WHERE status IN ('QUEUED', 'RUNNING');
ALTER TABLE dictionary_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE dictionary_job FORCE ROW LEVEL SECURITY;
CREATE POLICY dictionary_job_scope ON dictionary_job
    USING (seed_platform_access() OR (tenant_id IS NOT NULL AND tenant_id = seed_current_tenant()))
    WITH CHECK (seed_platform_access() OR (tenant_id IS NOT NULL AND tenant_id = seed_current_tenant()));
