-- Tenants, users, partner API clients, concepts with reference images, scenarios, audit and
-- idempotency records; then row-level security on every tenant-owned table.

CREATE TABLE tenant (
    id           UUID PRIMARY KEY,
    slug         TEXT        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    default_mode TEXT        NOT NULL DEFAULT 'FULL'
                 CHECK (default_mode IN ('FULL', 'NO_REFLECTION', 'NO_DETECTOR', 'PLAIN_VLM', 'SMALL_ONLY')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id            UUID PRIMARY KEY,
    tenant_id     UUID REFERENCES tenant (id) ON DELETE CASCADE,   -- NULL: platform admin
    username      TEXT        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{2,99}$'),
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'TENANT_ADMIN', 'STAFF')),
    enabled       BOOLEAN     NOT NULL DEFAULT true,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((role = 'PLATFORM_ADMIN') = (tenant_id IS NULL))
);

-- Partner API keys: only a SHA-256 of the random secret is stored; the prefix finds the row.
CREATE TABLE api_client (
    id           UUID PRIMARY KEY,
    tenant_id    UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    key_prefix   TEXT        NOT NULL UNIQUE,
    key_hash     TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ
);

CREATE TABLE concept (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL CHECK (name ~ '^<[a-z0-9_-]{1,64}>$'),
    description TEXT        NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    category    TEXT,
    attributes  TEXT,
    embedder_id TEXT        NOT NULL,
    embedding   vector      NOT NULL,
    version     INTEGER     NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by  TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_by  TEXT        NOT NULL,
    UNIQUE (tenant_id, name)
);
CREATE INDEX concept_tenant_name ON concept (tenant_id, name);

CREATE TABLE reference_image (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    concept_id  UUID        NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    position    INTEGER     NOT NULL,
    mime_type   TEXT        NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp')),
    sha256      TEXT        NOT NULL,
    width       INTEGER     NOT NULL CHECK (width > 0),
    height      INTEGER     NOT NULL CHECK (height > 0),
    bytes       BYTEA       NOT NULL,
    thumbnail   BYTEA       NOT NULL,
    embedder_id TEXT        NOT NULL,
    embedding   vector      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (concept_id, position)
);
CREATE INDEX reference_image_concept ON reference_image (concept_id);
CREATE INDEX reference_image_tenant ON reference_image (tenant_id, embedder_id);

CREATE TABLE scenario (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE TABLE scenario_concept (
    scenario_id UUID NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    concept_id  UUID NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
    PRIMARY KEY (scenario_id, concept_id)
);

-- Foreign keys are checked without row-level security, so they alone would let a scenario
-- point at another tenant's concept; this trigger refuses it (its SELECTs do see RLS).
CREATE FUNCTION scenario_concept_same_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT tenant_id FROM scenario WHERE id = NEW.scenario_id)
       IS DISTINCT FROM (SELECT tenant_id FROM concept WHERE id = NEW.concept_id) THEN
        RAISE EXCEPTION 'scenario % and concept % do not belong to the same tenant', NEW.scenario_id, NEW.concept_id;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER scenario_concept_tenant
    BEFORE INSERT OR UPDATE ON scenario_concept
    FOR EACH ROW EXECUTE FUNCTION scenario_concept_same_tenant();

CREATE TABLE audit_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   UUID,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target_type TEXT        NOT NULL,
    target_id   TEXT,
    detail      JSONB       NOT NULL DEFAULT '{}',
    at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_event_tenant_at ON audit_event (tenant_id, at DESC);

-- A repeated create with the same Idempotency-Key returns the first result instead of a duplicate.
CREATE TABLE idempotency_key (
    tenant_id    UUID        NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    key          TEXT        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash TEXT        NOT NULL,
    resource_id  UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);

-- Row-level security, the second layer of tenant isolation. The application sets, per
-- transaction, seed.tenant_id (the tenant it acts for) or seed.platform_access = 'on' (platform
-- administration and log-in). FORCE applies the policies to the owning role too. A later
-- migration that touches tenant rows must SET LOCAL seed.platform_access = 'on' first.
CREATE FUNCTION seed_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT NULLIF(current_setting('seed.tenant_id', true), '')::uuid
$$;
CREATE FUNCTION seed_platform_access() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('seed.platform_access', true), '') = 'on'
$$;
CREATE FUNCTION seed_tenant_allowed(row_tenant uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT seed_platform_access() OR row_tenant = seed_current_tenant()
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['api_client', 'concept', 'reference_image', 'scenario',
                             'audit_event', 'idempotency_key', 'turn', 'app_user']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (seed_tenant_allowed(tenant_id)) '
                       'WITH CHECK (seed_tenant_allowed(tenant_id))', t);
    END LOOP;
END $$;

ALTER TABLE tenant ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant USING (seed_tenant_allowed(id)) WITH CHECK (seed_platform_access());

-- A scenario's members, a turn's image and model calls belong to their parent row: visible
-- exactly when it is.
ALTER TABLE scenario_concept ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenario_concept FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON scenario_concept
    USING (EXISTS (SELECT 1 FROM scenario WHERE scenario.id = scenario_concept.scenario_id))
    WITH CHECK (EXISTS (SELECT 1 FROM scenario WHERE scenario.id = scenario_concept.scenario_id));
ALTER TABLE turn_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE turn_image FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON turn_image
    USING (EXISTS (SELECT 1 FROM turn WHERE turn.id = turn_image.turn_id))
    WITH CHECK (EXISTS (SELECT 1 FROM turn WHERE turn.id = turn_image.turn_id));
ALTER TABLE turn_model_call ENABLE ROW LEVEL SECURITY;
ALTER TABLE turn_model_call FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON turn_model_call
    USING (EXISTS (SELECT 1 FROM turn WHERE turn.id = turn_model_call.turn_id))
    WITH CHECK (EXISTS (SELECT 1 FROM turn WHERE turn.id = turn_model_call.turn_id));

-- Dictionaries: the platform's are readable by everyone and written by the platform; a tenant's
-- own version only by that tenant.
ALTER TABLE dictionary_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE dictionary_version FORCE ROW LEVEL SECURITY;
CREATE POLICY dictionary_read ON dictionary_version FOR SELECT
    USING (tenant_id IS NULL OR seed_tenant_allowed(tenant_id));
CREATE POLICY dictionary_write ON dictionary_version FOR ALL
    USING (seed_platform_access() OR (tenant_id IS NOT NULL AND tenant_id = seed_current_tenant()))
    WITH CHECK (seed_platform_access() OR (tenant_id IS NOT NULL AND tenant_id = seed_current_tenant()));
ALTER TABLE meta_concept ENABLE ROW LEVEL SECURITY;
ALTER TABLE meta_concept FORCE ROW LEVEL SECURITY;
CREATE POLICY meta_concept_by_version ON meta_concept
    USING (EXISTS (SELECT 1 FROM dictionary_version v WHERE v.id = meta_concept.dictionary_version_id))
    WITH CHECK (EXISTS (SELECT 1 FROM dictionary_version v WHERE v.id = meta_concept.dictionary_version_id));
