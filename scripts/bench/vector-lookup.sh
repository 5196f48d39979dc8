#!/usr/bin/env bash
# pgvector benchmark: adapter lookup (JpaDictionaryRepository.nearest) and candidate retrieval
# (JpaConceptRepository.nearestByImage) latency p50/p99, measured with pgbench as the application
# role `seed` (no superuser, no BYPASSRLS) with row-level security on and seed.tenant_id set in
# every transaction, plus recall@k of candidate retrieval against exact search.
#
#   scripts/bench/vector-lookup.sh            # 10,000 tenants x 100 concepts = 1,000,000, DIM=512
#   scripts/bench/vector-lookup.sh --small    # 500 tenants x 100 = 50,000 concepts, DIM=152 (minutes)
#   DIM=152 scripts/bench/vector-lookup.sh    # full size, smaller vectors
#   scripts/bench/vector-lookup.sh --drop     # remove the benchmark database (with --small: the small one)
#
# Options:  --small  --drop  --reload (recreate the database when its sizes differ)
#           --load-only (stop after load and index build)  --measure-only (fail if not loaded)
# Settings (environment): DIM, TENANTS, PER_TENANT, BATCH, LOOKUP_N, RETRIEVAL_N, FORCED_N,
#   RECALL_N, HNSW_M, HNSW_EF_CONSTRUCTION, BUILD_WORKERS, MAINTENANCE_WORK_MEM, MAX_MINUTES, BENCH_DB,
#   EMBEDDER (default bench-clip-$DIM).
#
# Idempotent: the database `seed_bench` (`seed_bench_small` for --small) is created once, migrations
# V1..V4 are applied once, loading resumes from the last committed batch, the HNSW index is built
# only when missing; each run re-measures. Bounded: MAX_MINUTES (default 60) caps load + build
# (the build gets statement_timeout = time left), and every measured statement has a 60 s timeout.
# Heavy phases run niced (client and, via renice, the server backends and parallel workers).
# Results: target/vector-lookup-results.txt (plans in target/vector-lookup/plans.txt).
# Documented in docs/BENCHMARKS.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

MODE=full DROP=0 RELOAD=0 LOAD=1 MEASURE=1
CMD="$(for v in DIM TENANTS PER_TENANT MAX_MINUTES; do if [ -n "${!v:-}" ]; then printf '%s=%s ' "$v" "${!v}"; fi; done)scripts/bench/vector-lookup.sh $*"
for arg in "$@"; do
  case "$arg" in
    --small) MODE=small ;;
    --drop) DROP=1 ;;
    --reload) RELOAD=1 ;;
    --load-only) MEASURE=0 ;;
    --measure-only) LOAD=0 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (see --help)" ;;
  esac
done

if [ "$MODE" = small ]; then
  DB=${BENCH_DB:-seed_bench_small}; DIM=${DIM:-152}; TENANTS=${TENANTS:-500}
else
  DB=${BENCH_DB:-seed_bench}; DIM=${DIM:-512}; TENANTS=${TENANTS:-10000}
fi
PER_TENANT=${PER_TENANT:-100}
TOTAL=$((TENANTS * PER_TENANT))
EMBEDDER=${EMBEDDER:-bench-clip-$DIM}
BATCH=${BATCH:-25000}
CLUSTERS=${CLUSTERS:-1000}         # data = l2_normalize(cluster centre + noise): CLIP-like, not uniform
QUERIES=${QUERIES:-100}            # distinct query vectors (pgbench takes at most 128 scripts)
LOOKUP_N=${LOOKUP_N:-2000}
RETRIEVAL_N=${RETRIEVAL_N:-500}
FORCED_N=${FORCED_N:-200}          # HNSW-forced and unfiltered reference shapes
RECALL_N=${RECALL_N:-50}
UNFILTERED_RECALL_N=${UNFILTERED_RECALL_N:-10}
WARMUP=${WARMUP:-100}
K_RETRIEVAL=${K_RETRIEVAL:-24}
HNSW_M=${HNSW_M:-16}                         # pgvector defaults, as the product builds the index
HNSW_EF_CONSTRUCTION=${HNSW_EF_CONSTRUCTION:-64}
BUILD_WORKERS=${BUILD_WORKERS:-1}            # parallel maintenance workers besides the leader
MAX_MINUTES=${MAX_MINUTES:-60}
DICT_SIZES=(10 100)                          # meta-concepts: the ACTIVE version, a READY one
# The HNSW build is fast only while the graph fits in maintenance_work_mem: ~ (4*DIM + 800) bytes
# per vector, +25 %, at least 256 MB, at most 6 GB. Set for the build session only.
if [ -z "${MAINTENANCE_WORK_MEM:-}" ]; then
  mwm=$(( (TOTAL * (4 * DIM + 800) / 1048576) * 5 / 4 ))
  [ $mwm -lt 256 ] && mwm=256; [ $mwm -gt 6144 ] && mwm=6144
  MAINTENANCE_WORK_MEM="${mwm}MB"
fi

OUT="$ROOT/target"; WORK="$OUT/vector-lookup"; RESULTS="$OUT/vector-lookup-results.txt"
APP=seed-bench-load
START=$(date +%s)
DEADLINE=$((START + MAX_MINUTES * 60))

[ "$(id -u)" -eq 0 ] || die "run as root (uses su postgres for the superuser steps)"
command -v pgbench >/dev/null || die "pgbench not found (package postgresql-client-15)"
PW=$(db_password)
[ -n "$PW" ] || die "no SEED_DB_PASSWORD in $SEED_SECRETS_DIR/db.env (run scripts/setup-postgres.sh)"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# Superuser psql on the bench database (SQL on stdin or -c); client niced, backend reniced by the watcher.
psql_super() {
  nice -n 10 su postgres -c "PGAPPNAME=$APP psql -X -v ON_ERROR_STOP=1 -qAt -d ${1:-postgres}" 
}
# The application role over TCP, as the product connects.
psql_seed() { PGPASSWORD=$PW PGAPPNAME=${PGAPPNAME:-seed-bench} psql -X -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U seed -d "$DB" "$@"; }
db_exists() { [ "$(echo "SELECT 1 FROM pg_database WHERE datname = '$DB'" | psql_super)" = 1 ]; }
meta() { psql_seed -c "SELECT value FROM bench.meta WHERE key = '$1'" 2>/dev/null || true; }

# Java's String.hashCode, as EmbeddingIndexes names the index: reference_image_hnsw_<hex>.
java_hash_hex() {
  local s=$1 h=0 i c
  for ((i = 0; i < ${#s}; i++)); do printf -v c '%d' "'${s:i:1}"; h=$(((h * 31 + c) & 0xFFFFFFFF)); done
  printf '%x' $((h & 0x7fffffff))
}
INDEX=reference_image_hnsw_$(java_hash_hex "$EMBEDDER/$DIM")

# Renice this benchmark's server backends (and their parallel workers) while heavy phases run.
WATCHER=
start_renice() {
  ( while :; do
      for p in $(echo "SELECT pid FROM pg_stat_activity WHERE application_name = '$APP'
                       OR leader_pid IN (SELECT pid FROM pg_stat_activity WHERE application_name = '$APP')" \
                 | su postgres -c "psql -X -qAt -d postgres" 2>/dev/null); do
        renice -n 10 -p "$p" >/dev/null 2>&1 || true
      done
      sleep 1
    done ) &
  WATCHER=$!
}
stop_renice() { if [ -n "$WATCHER" ]; then kill "$WATCHER" 2>/dev/null || true; wait "$WATCHER" 2>/dev/null || true; WATCHER=; fi; }
trap stop_renice EXIT

if [ $DROP -eq 1 ]; then
  echo "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" | psql_super
  log "dropped database $DB"
  exit 0
fi

# ---------------------------------------------------------------- database, migrations, helpers
create_db() {
  echo "CREATE DATABASE \"$DB\" OWNER seed" | psql_super
  echo "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS vector" | psql_super "$DB"
}
if db_exists && [ "$(meta migrated)" = yes ]; then
  have="$(meta dim)/$(meta tenants)/$(meta per_tenant)"
  if [ "$have" != "$DIM/$TENANTS/$PER_TENANT" ]; then
    [ $RELOAD -eq 1 ] || die "$DB holds DIM/TENANTS/PER_TENANT = $have, not $DIM/$TENANTS/$PER_TENANT: rerun with --reload to recreate it, or --drop"
    [ $LOAD -eq 1 ] || die "--measure-only with different sizes"
    log "recreating $DB (had $have)"
    echo "DROP DATABASE \"$DB\" WITH (FORCE)" | psql_super
  fi
fi
if ! db_exists; then
  [ $LOAD -eq 1 ] || die "$DB does not exist: run without --measure-only first"
  log "creating database $DB (owner seed, extension vector)"
  create_db
fi
if [ "$(meta migrated)" != yes ]; then
  # A half-applied earlier attempt cannot exist: all four migrations and the marker commit together.
  log "applying V1..V4 as role seed"
  MIG="$ROOT/db-migrations/src/main/resources/db/migration"
  psql_seed -1 -f "$MIG/V1__create_extension_vector.sql" -f "$MIG/V2__create_dictionary.sql" \
    -f "$MIG/V3__create_turn_trace.sql" -f "$MIG/V4__create_tenancy_and_concepts.sql" \
    -c "CREATE SCHEMA bench; CREATE TABLE bench.meta (key text PRIMARY KEY, value text NOT NULL);
        INSERT INTO bench.meta VALUES ('migrated', 'yes'), ('dim', '$DIM'), ('tenants', '$TENANTS'),
          ('per_tenant', '$PER_TENANT'), ('embedder', '$EMBEDDER'), ('loaded_upto', '0'), ('load_seconds', '0')"
fi

# Helpers (recreated every run). The SQL texts are the product's, with literals for its parameters.
psql_seed <<'SQL'
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS bench.center (id int PRIMARY KEY, v vector NOT NULL);
CREATE TABLE IF NOT EXISTS bench.query (id int PRIMARY KEY, v vector NOT NULL);

-- Tenant n's id, also built textually by pgbench ('00000000-0000-4000-8000-' || 100000000000 + n).
CREATE OR REPLACE FUNCTION bench.tenant_uuid(n int) RETURNS uuid LANGUAGE sql IMMUTABLE AS
$$ SELECT ('00000000-0000-4000-8000-' || (100000000000 + n))::uuid $$;

-- JpaDictionaryRepository.nearest: the findVersion lookup (em.find), then the nearest query.
CREATE OR REPLACE FUNCTION bench.find_version_sql(version_id bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format('SELECT id, tenant_id, label, embedder_id, dimension, status, created_at FROM dictionary_version WHERE id = %s', version_id)
$$;
CREATE OR REPLACE FUNCTION bench.lookup_sql(vec text, version_id bigint, k int) RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$SELECT id, cluster_index, label, adapter_ref, 1 - (centroid <=> CAST(%1$L AS vector)) AS cosine
  FROM meta_concept
 WHERE dictionary_version_id = %2$s
 ORDER BY centroid <=> CAST(%1$L AS vector), cluster_index
 LIMIT %3$s$q$, vec, version_id, greatest(1, k))
$f$;

-- JpaConceptRepository.nearestByImage (tenant NULL: the same without the tenant filter, for reference).
CREATE OR REPLACE FUNCTION bench.retrieval_sql(vec text, tenant text, dim int, embedder text, k int)
RETURNS text LANGUAGE sql IMMUTABLE AS $f$
SELECT format($q$SELECT c.id, c.name, best.distance FROM (
    SELECT concept_id, min(distance) AS distance FROM (
        SELECT ri.concept_id, (ri.embedding::%1$s) <=> CAST(%2$L AS %1$s) AS distance
          FROM reference_image ri
         WHERE ri.embedder_id = %3$L%4$s
         ORDER BY (ri.embedding::%1$s) <=> CAST(%2$L AS %1$s)
         LIMIT %5$s) nearest_images
     GROUP BY concept_id) best
  JOIN concept c ON c.id = best.concept_id%6$s
 ORDER BY best.distance, c.name
 LIMIT %7$s$q$, 'vector(' || dim || ')', vec, embedder,
    CASE WHEN tenant IS NULL THEN '' ELSE format(' AND ri.tenant_id = %L', tenant) END, k * 4,
    CASE WHEN tenant IS NULL THEN '' ELSE format(' AND c.tenant_id = %L', tenant) END, k)
$f$;

-- Recall@k of one variant against exact search (the same query with index scans off, so the
-- tenant's rows come from a bitmap scan of reference_image_tenant, or a sequential scan).
CREATE OR REPLACE FUNCTION bench.recall(n int, tenants int, dim int, embedder text, k int, variant text)
RETURNS TABLE (queries int, recall float8, min_recall float8, avg_returned float8, exact_ms float8, approx_ms float8)
LANGUAGE plpgsql AS $$
DECLARE
    i int; t uuid; qv text; q text; nq int; hits int;
    exact uuid[]; approx uuid[]; t0 timestamptz;
    total float8 := 0; worst float8 := 1; returned float8 := 0; ems float8 := 0; ams float8 := 0;
BEGIN
    SELECT count(*) INTO nq FROM bench.query;
    FOR i IN 1..n LOOP
        t := bench.tenant_uuid(1 + (i * 7919) % tenants);
        SELECT v::text INTO qv FROM bench.query WHERE id = 1 + (i - 1) % nq;
        PERFORM set_config('seed.tenant_id', t::text, true),
                set_config('seed.platform_access', CASE WHEN variant = 'unfiltered' THEN 'on' ELSE 'off' END, true),
                set_config('hnsw.iterative_scan', 'relaxed_order', true),
                set_config('jit', 'off', true);  -- forced plans' disable_cost would otherwise trigger JIT
        q := 'SELECT coalesce(array_agg(id), ''{}'') FROM (' || bench.retrieval_sql(qv,
                 CASE WHEN variant = 'unfiltered' THEN NULL ELSE t::text END, dim, embedder, k) || ') s';
        PERFORM set_config('enable_indexscan', 'off', true);
        t0 := clock_timestamp();
        EXECUTE q INTO exact;
        ems := ems + extract(epoch FROM clock_timestamp() - t0) * 1000;
        PERFORM set_config('enable_indexscan', 'on', true);
        IF variant <> 'planner' THEN PERFORM set_config('enable_sort', 'off', true); END IF;
        IF variant = 'hnsw_off' THEN PERFORM set_config('hnsw.iterative_scan', 'off', true); END IF;
        t0 := clock_timestamp();
        EXECUTE q INTO approx;
        ams := ams + extract(epoch FROM clock_timestamp() - t0) * 1000;
        PERFORM set_config('enable_sort', 'on', true);
        SELECT count(*) INTO hits FROM unnest(exact) e WHERE e = ANY (approx);
        total := total + hits::float8 / greatest(1, cardinality(exact));
        worst := least(worst, hits::float8 / greatest(1, cardinality(exact)));
        returned := returned + cardinality(approx);
    END LOOP;
    RETURN QUERY SELECT n, total / n, worst, returned / n, ems / n, ams / n;
END $$;
SQL

# ---------------------------------------------------------------- load
if [ $LOAD -eq 1 ]; then
  mkdir -p "$OUT"
  if [ "$(meta base_loaded)" != yes ]; then
    log "loading $TENANTS tenants, dictionary versions (${DICT_SIZES[*]} meta-concepts), $CLUSTERS cluster centres, $QUERIES query vectors"
    t0=$(now)
    psql_super "$DB" >/dev/null <<SQL
SET application_name = '$APP';
SET max_parallel_workers_per_gather = 0;   -- keeps random() sequences deterministic
BEGIN;
SELECT setseed(0.42);
INSERT INTO tenant (id, slug, name)
SELECT bench.tenant_uuid(n), 'bench-t' || n, 'Bench tenant ' || n FROM generate_series(1, $TENANTS) n;
-- Cluster centres, then meta-concept centroids and query vectors (centre + noise, like the data).
INSERT INTO bench.center
SELECT c, l2_normalize(array(SELECT random() - 0.5 FROM generate_series(1, $DIM) WHERE c > 0)::vector)
  FROM generate_series(1, $CLUSTERS) c;
INSERT INTO bench.query
SELECT g.q, l2_normalize(ce.v + array(SELECT ((random() - 0.5) * 0.6 / sqrt($DIM / 12.0))::real
                                        FROM generate_series(1, $DIM) WHERE g.q > 0)::vector)
  FROM (SELECT q, 1 + (hashint8(q::bigint + 7777777)::bigint & 2147483647) % $CLUSTERS AS cid
          FROM generate_series(1, $QUERIES) q) g JOIN bench.center ce ON ce.id = g.cid;
INSERT INTO dictionary_version (tenant_id, label, embedder_id, dimension, status)
VALUES (NULL, 'bench-${DICT_SIZES[0]}', '$EMBEDDER', $DIM, 'ACTIVE'),
       (NULL, 'bench-${DICT_SIZES[1]}', '$EMBEDDER', $DIM, 'READY');
INSERT INTO meta_concept (dictionary_version_id, cluster_index, label, adapter_ref, member_count, centroid)
SELECT v.id, i - 1, 'meta-' || (i - 1), 'lora/bench/' || v.label || '/' || (i - 1), 100, ce.v
  FROM dictionary_version v
  CROSS JOIN LATERAL generate_series(1, split_part(v.label, '-', 2)::int) i
  JOIN bench.center ce ON ce.id = 1 + ((i - 1) * 7) % $CLUSTERS;
INSERT INTO bench.meta SELECT 'dict_' || split_part(label, '-', 2), id::text FROM dictionary_version;
INSERT INTO bench.meta VALUES ('base_loaded', 'yes');
COMMIT;
SQL
    log "base rows loaded in $(secs "$t0" "$(now)") s"
  fi

  loaded=$(meta loaded_upto)
  if [ "$loaded" -lt "$TOTAL" ]; then
    log "loading concepts + reference images $((loaded + 1))..$TOTAL in batches of $BATCH (resumable)"
    start_renice
    while [ "$loaded" -lt "$TOTAL" ]; do
      [ "$(date +%s)" -lt "$DEADLINE" ] || die "MAX_MINUTES=$MAX_MINUTES reached after loading $loaded rows; rerun to resume"
      hi=$((loaded + BATCH)); [ $hi -gt $TOTAL ] && hi=$TOTAL
      t0=$(now)
      # One reference image per concept, same vector as the concept (a concept's embedding is its
      # images' mean). Concept n belongs to tenant 1 + (n-1) % TENANTS: tenants' rows interleave on
      # disk as they would when registered over time. Noise per batch from setseed(lo / total).
      psql_super "$DB" >/dev/null <<SQL
SET application_name = '$APP';
SET max_parallel_workers_per_gather = 0;
SET synchronous_commit = off;
BEGIN;
SELECT setseed($loaded::float8 / $TOTAL);
WITH src AS MATERIALIZED (
    SELECT g.n, bench.tenant_uuid(1 + (g.n - 1) % $TENANTS) AS tenant_id,
           md5('bench-concept-' || g.n)::uuid AS concept_id, md5('bench-image-' || g.n)::uuid AS image_id,
           l2_normalize(ce.v + array(SELECT ((random() - 0.5) * 0.6 / sqrt($DIM / 12.0))::real
                                       FROM generate_series(1, $DIM) WHERE g.n > 0)::vector) AS v
      FROM (SELECT n, 1 + (hashint8(n::bigint)::bigint & 2147483647) % $CLUSTERS AS cid
              FROM generate_series($((loaded + 1)), $hi) n) g
      JOIN bench.center ce ON ce.id = g.cid
     ORDER BY g.n),
ins AS (
    INSERT INTO concept (id, tenant_id, name, description, embedder_id, embedding, created_by, updated_by)
    SELECT concept_id, tenant_id, '<c' || n || '>', 'Bench concept ' || n, '$EMBEDDER', v, 'bench', 'bench'
      FROM src)
INSERT INTO reference_image (id, tenant_id, concept_id, position, mime_type, sha256, width, height,
                             bytes, thumbnail, embedder_id, embedding)
SELECT image_id, tenant_id, concept_id, 0, 'image/jpeg', md5('bench-image-' || n) || md5('sha-' || n),
       224, 224, '\x00'::bytea, '\x00'::bytea, '$EMBEDDER', v
  FROM src;
UPDATE bench.meta SET value = '$hi' WHERE key = 'loaded_upto';
COMMIT;
SQL
      loaded=$hi
      psql_seed -c "UPDATE bench.meta SET value = (value::numeric + $(secs "$t0" "$(now)"))::text WHERE key = 'load_seconds'" >/dev/null
      log "  $loaded / $TOTAL  (batch $(secs "$t0" "$(now)") s, elapsed $(( $(date +%s) - START )) s)"
    done
    t0=$(now)
    log "VACUUM ANALYZE (so autovacuum does not run during the build or the measurement)"
    echo "SET application_name = '$APP'; VACUUM (ANALYZE) tenant, concept, reference_image, dictionary_version, meta_concept" | psql_super "$DB"
    psql_seed -c "INSERT INTO bench.meta VALUES ('vacuum_seconds', '$(secs "$t0" "$(now)")') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" >/dev/null
    stop_renice
  fi
  if [ "$(psql_seed -c "SELECT count(*) FROM pg_indexes WHERE indexname = '$INDEX'")" = 0 ]; then
    left=$((DEADLINE - $(date +%s)))
    [ $left -gt 60 ] || die "MAX_MINUTES=$MAX_MINUTES reached before the index build; rerun to build it"
    log "building $INDEX: hnsw (m=$HNSW_M, ef_construction=$HNSW_EF_CONSTRUCTION), maintenance_work_mem=$MAINTENANCE_WORK_MEM, parallel workers=$BUILD_WORKERS, timeout ${left}s"
    start_renice
    t0=$(now)
    # The product's statement (EmbeddingIndexes.ensure); WITH only when not pgvector's defaults.
    with=""; if [ "$HNSW_M" != 16 ] || [ "$HNSW_EF_CONSTRUCTION" != 64 ]; then
      with=" WITH (m = $HNSW_M, ef_construction = $HNSW_EF_CONSTRUCTION)"; fi
    PGPASSWORD=$PW PGAPPNAME=$APP nice -n 10 psql -X -v ON_ERROR_STOP=1 -qAt -h 127.0.0.1 -U seed -d "$DB" 2>&1 <<SQL | sed 's/^/[seed]   /' >&2
SET maintenance_work_mem = '$MAINTENANCE_WORK_MEM';
SET max_parallel_maintenance_workers = $BUILD_WORKERS;
SET statement_timeout = '${left}s';
SET client_min_messages = notice;
CREATE INDEX IF NOT EXISTS $INDEX ON reference_image USING hnsw ((embedding::vector($DIM)) vector_cosine_ops)$with WHERE embedder_id = '$EMBEDDER';
SQL
    [ "$(psql_seed -c "SELECT count(*) FROM pg_indexes WHERE indexname = '$INDEX'")" = 1 ] || die "index build failed (see above)"
    build=$(secs "$t0" "$(now)")
    stop_renice
    psql_seed -c "INSERT INTO bench.meta VALUES ('build_seconds', '$build'), ('build_mwm', '$MAINTENANCE_WORK_MEM'),
                  ('build_workers', '$BUILD_WORKERS'), ('build_params', 'm=$HNSW_M, ef_construction=$HNSW_EF_CONSTRUCTION'),
                  ('loaded_at', '$(date -u +%FT%TZ)')
                  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" >/dev/null
    log "index built in $build s"
  fi
fi

[ $MEASURE -eq 1 ] || { log "--load-only: done"; exit 0; }
[ "$(meta loaded_upto)" = "$TOTAL" ] || die "$DB is not fully loaded: rerun without --measure-only"
[ -n "$(meta build_seconds)" ] || die "$DB has no HNSW index yet: rerun without --measure-only"

# ---------------------------------------------------------------- measure
rm -rf "$WORK"; mkdir -p "$WORK/scripts" "$WORK/log"
ACTIVE=$(meta "dict_${DICT_SIZES[0]}"); LARGE=$(meta "dict_${DICT_SIZES[1]}")
TENANT_LIT="00000000-0000-4000-8000-:t"        # pgbench fills :t (simple protocol substitutes text)
ACT_AS="SELECT set_config('seed.tenant_id', '$TENANT_LIT', true), set_config('seed.platform_access', 'off', true);"
PLATFORM="SELECT set_config('seed.tenant_id', '', true), set_config('seed.platform_access', 'on', true);"

# write_scripts NAME "<statements before the query>" "<SQL expression of the query text, using v>"
write_scripts() {
  local name=$1 pre=$2 expr=$3 id sql
  mkdir -p "$WORK/scripts/$name"
  while IFS=$'\t' read -r id sql; do
    printf '\\set t 100000000000 + random(1, %s)\nBEGIN;\n%s\n%s;\nCOMMIT;\n' "$TENANTS" "$pre" "$sql" \
      >"$WORK/scripts/$name/q$id.sql"
  done < <(psql_seed -F $'\t' -c "SELECT id, replace($expr, E'\n', ' ') FROM bench.query ORDER BY id")
}
# run_pgbench NAME N: warm-up, then N transactions, one client; per-transaction log in microseconds.
run_pgbench() {
  local name=$1 n=$2 args=() f
  for f in "$WORK/scripts/$name"/q*.sql; do args+=(-f "$f@1"); done
  PGPASSWORD=$PW PGOPTIONS="-c statement_timeout=60s" pgbench -n -M simple -c 1 -j 1 -t "$WARMUP" \
    --random-seed=7 -h 127.0.0.1 -U seed "${args[@]}" "$DB" >"$WORK/log/$name.warmup.out" 2>&1 \
    || { cat "$WORK/log/$name.warmup.out" >&2; die "pgbench warm-up for $name failed"; }
  PGPASSWORD=$PW PGOPTIONS="-c statement_timeout=60s" pgbench -n -M simple -c 1 -j 1 -t "$n" \
    --random-seed=42 -h 127.0.0.1 -U seed -l --log-prefix="$WORK/log/$name" "${args[@]}" "$DB" \
    >"$WORK/log/$name.out" 2>&1 || { cat "$WORK/log/$name.out" >&2; die "pgbench $name failed"; }
}
# percentiles NAME -> "count p50 p99 mean max" in ms (log column 3 is the latency in microseconds)
percentiles() {
  cat "$WORK/log/$1".[0-9]* | awk '{print $3}' | sort -n | awk '
    { v[NR] = $1; s += $1 }
    END { p50 = v[int(NR * 0.50 + 0.999999)]; p99 = v[int(NR * 0.99 + 0.999999)];
          printf "%d %.3f %.3f %.3f %.3f", NR, p50 / 1000, p99 / 1000, s / NR / 1000, v[NR] / 1000 }'
}
# The index (or scan) the candidate subquery / lookup used, from EXPLAIN ANALYZE of one sample.
explain() {
  local name=$1 pre=$2 sql=$3
  { echo "== $name"; echo "$sql" | head -c 300; echo " ..."
    printf 'BEGIN;\n\\o /dev/null\n%s\n\\o\nEXPLAIN (ANALYZE, BUFFERS, COSTS OFF) %s;\nCOMMIT;\n' "$pre" "$sql" | psql_seed \
      | sed -E "s/'\[[^]]{40}[^]]*\]'/'[...]'/g"
    echo; } >>"$WORK/plans.txt"
}
plan_of() {
  local plan idx
  plan=$(awk -v n="== $1" '$0 == n { on = 1; next } /^== / { on = 0 } on' "$WORK/plans.txt")
  idx=$(grep -oE '(Index Scan|Index Only Scan|Bitmap Index Scan|Seq Scan) (using|on) [a-z0-9_]+' <<<"$plan" \
    | grep -vE ' (dictionary_version|[a-z_]+_pkey)$' | head -1 \
    | sed -E 's/Index Scan using /index /; s/Bitmap Index Scan on /bitmap /; s/Seq Scan on /seq scan /;
             s/meta_concept_dictionary_version_id_cluster_index_key/meta_concept(version,cluster)/') || true
  if grep -q '^JIT:' <<<"$plan"; then idx="$idx +JIT"; fi
  printf '%s' "$idx"
}

role=$(psql_seed -c "SELECT rolsuper::text || '/' || rolbypassrls::text FROM pg_roles WHERE rolname = current_user")
[ "$role" = "false/false" ] || die "role seed must be neither superuser nor BYPASSRLS (got $role): the numbers would skip row-level security"
visible=$(psql_seed -c "BEGIN" -c "SELECT set_config('seed.tenant_id', bench.tenant_uuid(1)::text, true)" \
  -c "SELECT count(*) FROM reference_image" -c "COMMIT" | sed -n 2p)
[ "$visible" = "$PER_TENANT" ] || die "row-level security check: tenant 1 sees $visible reference images, expected $PER_TENANT"

load1=$(cut -d' ' -f1-3 /proc/loadavg)
log "measuring as role seed (RLS on: tenant 1 sees $visible of $TOTAL images); load average $load1"
DV=$(psql_seed -c "SELECT bench.find_version_sql($ACTIVE)"); DVL=$(psql_seed -c "SELECT bench.find_version_sql($LARGE)")
ROWS=()
measure() {  # measure LABEL NAME N PRE EXPR [RECALL_VARIANT RECALL_N]
  local label=$1 name=$2 n=$3 pre=$4 expr=$5 variant=${6:-} rn=${7:-0} sample stats rec="-"
  write_scripts "$name" "$pre" "$expr"
  sample=$(psql_seed -c "SELECT $expr FROM bench.query WHERE id = 1" | sed "s/:t/$((100000000000 + 1))/g")
  explain "$name" "$(echo "$pre" | sed "s/:t/$((100000000000 + 1))/g")" "$sample"
  log "  $label: $n transactions"
  run_pgbench "$name" "$n"
  stats=$(percentiles "$name")
  if [ -n "$variant" ]; then
    rec=$(psql_seed -c "SELECT format('%s (min %s, %s rows, %s q)', round(recall::numeric, 3), round(min_recall::numeric, 2), round(avg_returned::numeric, 1), queries)
                        FROM bench.recall($rn, $TENANTS, $DIM, '$EMBEDDER', $K_RETRIEVAL, '$variant')")
  fi
  ROWS+=("$label|$stats|$(plan_of "$name")|$rec")
}
measure "baseline: BEGIN; set_config(tenant); SELECT 1; COMMIT" baseline "$LOOKUP_N" "$ACT_AS" "'SELECT 1'"
LK="bench.lookup_sql(v::text, $ACTIVE"; LKL="bench.lookup_sql(v::text, $LARGE"
measure "adapter lookup, K=${DICT_SIZES[0]} (active), k=1" lookup10_k1 "$LOOKUP_N" "$ACT_AS $DV;" "$LK, 1)"
measure "adapter lookup, K=${DICT_SIZES[0]} (active), k=3" lookup10_k3 "$LOOKUP_N" "$ACT_AS $DV;" "$LK, 3)"
measure "adapter lookup, K=${DICT_SIZES[1]}, k=1" lookup100_k1 "$LOOKUP_N" "$ACT_AS $DVL;" "$LKL, 1)"
measure "adapter lookup, K=${DICT_SIZES[1]}, k=3" lookup100_k3 "$LOOKUP_N" "$ACT_AS $DVL;" "$LKL, 3)"
RS="bench.retrieval_sql(v::text, '$TENANT_LIT', $DIM, '$EMBEDDER', $K_RETRIEVAL)"
ITER="SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true)"
measure "candidate retrieval k=$K_RETRIEVAL (product, planner's choice)" retrieval "$RETRIEVAL_N" \
  "$ACT_AS $ITER;" "$RS" planner "$RECALL_N"
measure "  same, HNSW forced (enable_sort=off), iterative relaxed_order" retrieval_hnsw "$FORCED_N" \
  "$ACT_AS $ITER, set_config('enable_sort', 'off', true), set_config('jit', 'off', true);" "$RS" hnsw_relaxed "$RECALL_N"
measure "  same, HNSW forced, iterative_scan=off" retrieval_hnsw_off "$FORCED_N" \
  "$ACT_AS SELECT set_config('hnsw.iterative_scan', 'off', true), set_config('enable_sort', 'off', true), set_config('jit', 'off', true);" "$RS" hnsw_off "$RECALL_N"
measure "  reference: no tenant filter (platform access), HNSW forced" unfiltered "$FORCED_N" \
  "$PLATFORM $ITER, set_config('enable_sort', 'off', true), set_config('jit', 'off', true);" "bench.retrieval_sql(v::text, NULL, $DIM, '$EMBEDDER', $K_RETRIEVAL)" unfiltered "$UNFILTERED_RECALL_N"
load2=$(cut -d' ' -f1-3 /proc/loadavg)

# JDBC (pgjdbc) switches to a server-side prepared statement after 5 executions, and PostgreSQL may
# then use a generic plan, in which the embedder_id parameter cannot prove the partial index's WHERE.
# Which scan does the retrieval get then? (custom plan above; generic and auto-after-10 here)
tmpl=$(psql_seed -c "SELECT bench.retrieval_sql('@V@', '@T@', $DIM, '@E@', $K_RETRIEVAL)" \
  | sed "s/'@V@'/\$1/g; s/'@T@'/\$3/g; s/'@E@'/\$2/g; s/LIMIT $((K_RETRIEVAL * 4))/LIMIT \$4/; s/LIMIT $K_RETRIEVAL\$/LIMIT \$5/")
qv=$(psql_seed -c "SELECT v::text FROM bench.query WHERE id = 1")
t1=$(psql_seed -c "SELECT bench.tenant_uuid(1)")
args="('$qv', '$EMBEDDER', '$t1', $((K_RETRIEVAL * 4)), $K_RETRIEVAL)"
plan_cache=$(printf '%s\n' "BEGIN;" "\\o /dev/null" "SELECT set_config('seed.tenant_id', '$t1', true), set_config('seed.platform_access', 'off', true), set_config('hnsw.iterative_scan', 'relaxed_order', true);" \
  "PREPARE r(varchar, varchar, uuid, int, int) AS $tmpl;" \
  "EXECUTE r$args;" "EXECUTE r$args;" "EXECUTE r$args;" "EXECUTE r$args;" "EXECUTE r$args;" \
  "EXECUTE r$args;" "EXECUTE r$args;" "EXECUTE r$args;" "EXECUTE r$args;" "EXECUTE r$args;" "\\o" \
  "EXPLAIN (COSTS OFF) EXECUTE r$args;" "SET LOCAL plan_cache_mode = force_generic_plan;" \
  "EXPLAIN (COSTS OFF) EXECUTE r$args;" "COMMIT;" | psql_seed \
  | grep -oE '(Index Scan using|Bitmap Index Scan on|Seq Scan on) (reference_image[a-z0-9_]*|ri)' | paste -sd '|' -)
{ echo "== plan cache (prepared statement: auto after 10 executions | force_generic_plan)"; echo "$plan_cache"; } >>"$WORK/plans.txt"

# ---------------------------------------------------------------- report
sizes=$(psql_seed -c "SELECT format('tables: concept %s, reference_image %s (heap+TOAST+btrees); HNSW index %s; database %s',
  pg_size_pretty(pg_total_relation_size('concept')), pg_size_pretty(pg_total_relation_size('reference_image') - pg_relation_size('$INDEX')),
  pg_size_pretty(pg_relation_size('$INDEX')), pg_size_pretty(pg_database_size(current_database())))")
versions=$(psql_seed -c "SELECT '[1]'::vector" -c "SELECT split_part(version(), ' ', 2) || ', pgvector ' || extversion || ', shared_buffers ' || current_setting('shared_buffers')
  || ', work_mem ' || current_setting('work_mem') || ', hnsw.ef_search ' || current_setting('hnsw.ef_search') FROM pg_extension WHERE extname = 'vector'" | tail -1)
{
  echo "Seed vector benchmark: adapter lookup and candidate retrieval ($CMD)"
  echo "date $(date -u +%FT%TZ), host $(hostname), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM"
  echo "PostgreSQL $versions"
  echo "data ($DB): $TENANTS tenants, $TOTAL concepts ($PER_TENANT per tenant, interleaved on disk), $TOTAL reference images (1 per concept),"
  echo "  embedder $EMBEDDER, DIM=$DIM, vectors = l2_normalize(one of $CLUSTERS random centres + noise), seed 0.42;"
  echo "  platform dictionary: ACTIVE version with ${DICT_SIZES[0]} meta-concepts, READY version with ${DICT_SIZES[1]}"
  echo "  $sizes"
  echo "load: $(meta load_seconds) s (concepts + images, batches of $BATCH), VACUUM ANALYZE $(meta vacuum_seconds) s"
  echo "index: $INDEX = hnsw ((embedding::vector($DIM)) vector_cosine_ops) WHERE embedder_id = '$EMBEDDER'"
  echo "  $(meta build_params), built in $(meta build_seconds) s with maintenance_work_mem=$(meta build_mwm), $(meta build_workers) parallel worker(s) + leader, niced"
  echo "measured: pgbench -M simple -c 1 -j 1, $WARMUP warm-up transactions, $QUERIES query vectors, random tenant per transaction,"
  echo "  as role seed (not superuser, no BYPASSRLS; RLS check: tenant 1 sees $visible rows), load average before $load1, after $load2"
  echo "  latency = one transaction: BEGIN; set_config(seed.tenant_id ...); [lookup: SELECT the version;] [retrieval: set_config(hnsw.*)]; query; COMMIT"
  echo
  printf '%-66s %5s %8s %8s %8s %8s  %-36s %s\n' "query" "n" "p50 ms" "p99 ms" "mean ms" "max ms" "plan (sample)" "recall@$K_RETRIEVAL vs exact"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r label stats plan rec <<<"$r"
    read -r n p50 p99 mean max <<<"$stats"
    printf '%-66s %5s %8s %8s %8s %8s  %-36s %s\n' "$label" "$n" "$p50" "$p99" "$mean" "$max" "$plan" "$rec"
  done
  echo
  echo "retrieval as a server-prepared statement (pgjdbc after 5 executions): auto plan after 10 executions: ${plan_cache%%|*}; generic plan: ${plan_cache#*|}"
  echo "plans (EXPLAIN ANALYZE of one sample per shape): target/vector-lookup/plans.txt"
} | tee "$RESULTS"
