#!/usr/bin/env bash
# Turns per second of ONE Seed node (docs/CAPACITY.md): one node on seed_scale, fake OpenAI-compatible
# model servers with fixed latencies, a closed-loop load of FULL-mode turns with images, and the
# cost of the shared rate-limit bucket (pgbench on the same upsert the filter runs).
#
#   scripts/scale/capacity.sh      # EAR built before, as two-nodes.sh
#
# Runs (each RUN_SECONDS, default 30): "cpu" = models answer in 20 ms (the node's own cost dominates),
# "slc" = small 150 ms / large 400 ms per call (time is spent waiting on the models).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/lib/common.sh"
OUT="$SEED_STATE_DIR/capacity"; mkdir -p "$OUT"; chmod 700 "$OUT"
DB=seed_scale N1=8680 RUN_SECONDS=${RUN_SECONDS:-30}
RESULTS="$OUT/results.txt"; : >"$RESULTS"
psql_db() { su postgres -c "psql -X -q -t -A -d $DB -c \"$1\""; }
pids=()
cleanup() {
  SEED_INSTANCE=node1 "$ROOT/scripts/stop.sh" --quiet || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
start_fakes() { # small_ms large_ms
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; pids=(); sleep 1
  java "$ROOT/scripts/load/FakeModelServer.java" --port 18601 --latency-ms "$1" --name qwen2.5-vl-3b >"$OUT/fake-small.log" 2>&1 & pids+=($!)
  java "$ROOT/scripts/load/FakeModelServer.java" --port 18602 --latency-ms "$2" --name fake-large >"$OUT/fake-large.log" 2>&1 & pids+=($!)
  sleep 4
}
start_fakes 20 20
[ -f "$SEED_STATE_DIR/scale/admin.pw" ] && export SEED_ADMIN_PASSWORD=$(cat "$SEED_STATE_DIR/scale/admin.pw")
export SEED_DB_NAME=$DB SEED_NO_BUILD=1 SEED_JAVA_SIZING="-Xms512m -Xmx1g -XX:MaxMetaspaceSize=512m"
export SEED_SMALL_VLM_URL=http://127.0.0.1:18601/v1 SEED_SMALL_VLM_DIALECT=vllm
export SEED_LARGE_VLM_URL=http://127.0.0.1:18602/v1 SEED_LARGE_VLM_MODEL=fake-large SEED_LARGE_VLM_DIALECT=openai
export SEED_API_RATE_LIMIT_PER_SECOND=1000 SEED_API_RATE_LIMIT_BURST=1000
SEED_INSTANCE=node1 SEED_PORT_OFFSET=600 "$ROOT/scripts/run.sh" >"$OUT/node1.out" 2>&1

tenant=$(psql_db "SELECT id FROM tenant WHERE slug LIKE 'scale-%' ORDER BY created_at LIMIT 1")
[ -n "$tenant" ] || die "run scripts/scale/two-nodes.sh once first (it creates the demo tenant and its concepts)"
prefix=$(head -c 1000 /dev/urandom | tr -dc 'a-z0-9' | head -c 8)
key="seed_${prefix}_$(head -c 1000 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 40)"
psql_db "INSERT INTO api_client (id, tenant_id, name, key_prefix, key_hash, created_by, scopes) VALUES ('$(cat /proc/sys/kernel/random/uuid)', '$tenant', 'capacity', '$prefix', '$(printf %s "$key" | sha256sum | cut -d' ' -f1)', 'capacity.sh', 'turns,concepts')"
concepts=$(psql_db "SELECT count(*) FROM concept WHERE tenant_id = '$tenant'")
echo "node: 1 WildFly (Xmx1g, DB pool max ${SEED_DB_POOL_MAX:-30}), $(nproc) cores shared with PostgreSQL, the fake models and the load generator; tenant concepts in scope: $concepts" | tee -a "$RESULTS"

java "$ROOT/scripts/scale/LoadGen.java" http://127.0.0.1:$N1 "$key" turns 4 10 "$OUT/warmup.csv" >/dev/null 2>&1 # JIT warm-up
for run in "cpu 20 20 16" "slc 150 400 32"; do
  set -- $run
  start_fakes "$2" "$3"
  echo "run $1: model latency small ${2} ms / large ${3} ms, $4 concurrent clients, ${RUN_SECONDS}s:" | tee -a "$RESULTS"
  java "$ROOT/scripts/scale/LoadGen.java" http://127.0.0.1:$N1 "$key" turns "$4" "$RUN_SECONDS" "$OUT/$1.csv" | tee -a "$RESULTS"
  echo "  model calls served: small $(curl -s localhost:18601/control/stats), large $(curl -s localhost:18602/control/stats)" | tee -a "$RESULTS"
done

# The shared rate limit's cost: the filter's upsert, 4 clients, 10 s, on one key and on 1000 keys.
SQLDIR=$(mktemp -d); chmod 755 "$SQLDIR"   # pgbench runs as postgres: not under the private $OUT
cat >"$SQLDIR/bucket-one.sql" <<'SQL'
INSERT INTO api_rate_bucket AS b (bucket_key, tokens, refilled_at, granted) VALUES ('bench-one', 1e9 - 1, statement_timestamp(), true) ON CONFLICT (bucket_key) DO UPDATE SET tokens = CASE WHEN LEAST(1e9, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (statement_timestamp() - b.refilled_at)))::float8 * 1e9) >= 1 THEN LEAST(1e9, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (statement_timestamp() - b.refilled_at)))::float8 * 1e9) - 1 ELSE LEAST(1e9, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (statement_timestamp() - b.refilled_at)))::float8 * 1e9) END, granted = LEAST(1e9, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM (statement_timestamp() - b.refilled_at)))::float8 * 1e9) >= 1, refilled_at = GREATEST(b.refilled_at, statement_timestamp()) RETURNING granted, tokens;
SQL
sed "s/'bench-one'/'bench-' || (random() * 1000)::int/" "$SQLDIR/bucket-one.sql" >"$SQLDIR/bucket-many.sql"
chmod 644 "$SQLDIR"/bucket-*.sql
for f in one many; do
  echo "rate-limit upsert, $f key(s), 4 clients: $(su postgres -c "pgbench -n -c 4 -j 2 -T 10 -f $SQLDIR/bucket-$f.sql $DB" 2>/dev/null | grep -E 'latency average|^tps' | tr '\n' ' ')" | tee -a "$RESULTS"
done
psql_db "DELETE FROM api_rate_bucket WHERE bucket_key LIKE 'bench-%'"
