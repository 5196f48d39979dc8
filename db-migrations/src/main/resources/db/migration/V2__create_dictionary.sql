-- Meta-concept dictionary (paper §3.3): versions of K centroids, each with a LoRA adapter reference.
CREATE TABLE dictionary_version (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    UUID,                      -- NULL: the platform-wide dictionary
    label        TEXT        NOT NULL,
    embedder_id  TEXT        NOT NULL,
    dimension    INTEGER     NOT NULL CHECK (dimension > 0),
    status       TEXT        NOT NULL CHECK (status IN ('TRAINING', 'READY', 'ACTIVE', 'FAILED')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- At most one active version per scope (platform or tenant): activation can never mix versions.
CREATE UNIQUE INDEX dictionary_version_one_active
    ON dictionary_version (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid))
    WHERE status = 'ACTIVE';

CREATE TABLE meta_concept (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dictionary_version_id BIGINT  NOT NULL REFERENCES dictionary_version (id) ON DELETE CASCADE,
    cluster_index         INTEGER NOT NULL CHECK (cluster_index >= 0),
    label                 TEXT    NOT NULL,
    adapter_ref           TEXT    NOT NULL,
    member_count          INTEGER NOT NULL CHECK (member_count >= 0),
    -- Dimension varies by embedder; a version holds one embedder, checked by the trigger below.
    centroid              vector  NOT NULL,
    UNIQUE (dictionary_version_id, cluster_index)
);

-- A centroid must have its version's dimension: vectors of different embedders never meet.
CREATE FUNCTION meta_concept_check_dimension() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected INTEGER;
BEGIN
    SELECT dimension INTO expected FROM dictionary_version WHERE id = NEW.dictionary_version_id;
    IF vector_dims(NEW.centroid) <> expected THEN
        RAISE EXCEPTION 'centroid has % dimensions, dictionary version % expects %',
            vector_dims(NEW.centroid), NEW.dictionary_version_id, expected;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER meta_concept_dimension
    BEFORE INSERT OR UPDATE OF centroid ON meta_concept
    FOR EACH ROW EXECUTE FUNCTION meta_concept_check_dimension();
