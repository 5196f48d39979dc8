#!/usr/bin/env bash
# Load test of the deployed EAR with fake model servers (docs/BENCHMARKS.md, "Load test").
#
#   scripts/load/run-load-test.sh                          # 100 sessions x 10 min, burst of 40 (the reported run)
#   SESSIONS=20 DURATION_S=60 BURST=10 scripts/load/run-load-test.sh    # a short run
#
# Environment: SESSIONS (100), DURATION_S (600), WARMUP_S (30), THINK_MS (0), BURST (40),
# SMALL_MS (300) and LARGE_MS (800) model latencies, KEEP_RUNNING=1 to leave the server up,
# STREAM=true to ask on /v1/chat/completions with stream: true (reports the time to the first token).
# Uses its own instance (SEED_INSTANCE=load, SEED_PORT_OFFSET=800, database seed_load) and
# builds only if ear/target/seed.ear is missing. Run reported numbers under the exclusive lock:
#   scripts/load/run-load-test.sh
#
# It measures throughput, latency p50/p95/p99 and errors by status (client side), the server's
# heap (old generation after a full GC before and after the run, jstat samples) and the JDBC pool
# and HTTP worker use (WildFly management, sampled), and compares the throughput with the limit
# that the model latencies and the pool sizes allow. Exit status 1 if the throughput is below 90 %
# of that limit, any turn failed, or the old generation grew by more than 20 % (and 32 MiB).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/lib/common.sh"
. "$ROOT/scripts/load/lib.sh"

SESSIONS=${SESSIONS:-100}
DURATION_S=${DURATION_S:-600}
WARMUP_S=${WARMUP_S:-30}
THINK_MS=${THINK_MS:-0}
STREAM=${STREAM:-false}
BURST=${BURST:-40}
RUN=$(date +%Y%m%d%H%M%S)
OUT="$ROOT/target/load/$RUN"
mkdir -p "$OUT"
log "results in $OUT"

cleanup() {
  [ -n "${SAMPLER_PID:-}" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  stop_fake_models
  [ "${KEEP_RUNNING:-0}" = 1 ] || "$ROOT/scripts/stop.sh" --quiet || true
}
trap cleanup EXIT

start_fake_models "$OUT"
start_product "$OUT"
PID=$(server_pid)
log "product up (pid $PID) at $BASE_URL; fake models: small ${SMALL_MS} ms on $SMALL_PORT, large ${LARGE_MS} ms on $LARGE_PORT"

KEY=$(create_tenant_with_key "load-$RUN")
loadtest register --base "$BASE_URL" --key "$KEY" --count 4 --prefix c --out "$OUT/concepts.properties" >/dev/null
grep -q '^status={201=4}$' "$OUT/concepts.properties" || { cat "$OUT/concepts.properties"; die "registering the test concepts failed"; }
CONCEPTS="<c-0>,<c-1>,<c-2>,<c-3>"

log "warm-up: $SESSIONS sessions for $WARMUP_S s"
loadtest chat --base "$BASE_URL" --key "$KEY" --sessions "$SESSIONS" --duration-s "$WARMUP_S" --concepts "$CONCEPTS" \
  --stream "$STREAM" --out "$OUT/warmup.properties" >/dev/null

heap_after_gc() { jcmd "$PID" GC.run >/dev/null; sleep 2; jstat -gc "$PID" | awk 'NR==2 {printf "%.0f", $8}'; }  # OU, KiB
OLD_START=$(heap_after_gc)

# Samplers: heap every 10 s (jstat), pool and worker every 30 s (management CLI).
jstat -gc -t "$PID" 10000 >"$OUT/jstat.txt" &
SAMPLER_PID=$!
(
  while sleep 30; do
    printf '%s ' "$(date +%T)"
    cli '/subsystem=datasources/data-source=SeedDS/statistics=pool:read-resource(include-runtime=true)' \
      | tr -d ' \n' | grep -oE '"(ActiveCount|InUseCount|MaxUsedCount|MaxWaitTime|WaitCount|TimedOut)"=>[0-9L]+' | tr '\n' ' '
    cli '/subsystem=io/worker=default:read-resource(include-runtime=true)' \
      | tr -d ' \n' | grep -oE '"(busy-task-thread-count|max-pool-size|queue-size)"=>[0-9L]+' | tr '\n' ' '
    echo
  done
) >"$OUT/pool.txt" 2>/dev/null &
POOL_SAMPLER=$!

log "load: $SESSIONS sessions for $DURATION_S s (think time $THINK_MS ms)"
loadtest chat --base "$BASE_URL" --key "$KEY" --sessions "$SESSIONS" --duration-s "$DURATION_S" --think-ms "$THINK_MS" \
  --concepts "$CONCEPTS" --stream "$STREAM" --out "$OUT/chat.properties" | sed 's/^/  /'
kill "$POOL_SAMPLER" 2>/dev/null || true

OLD_END=$(heap_after_gc)
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""

log "registration burst: $BURST concurrent registrations"
loadtest register --base "$BASE_URL" --key "$KEY" --count "$BURST" --prefix "burst" --out "$OUT/burst.properties" | sed 's/^/  /'
BURST_OK=$(sed -n 's/^ok=//p' "$OUT/burst.properties")
STORED=$(psql_load "SELECT count(*) FROM concept c WHERE c.tenant_id = '$(tenant_id "load-$RUN")' AND c.name LIKE '<burst-%'
  AND EXISTS (SELECT 1 FROM reference_image r WHERE r.concept_id = c.id)")

# The limit: each turn makes 1 small-VLM call and 2 large-VLM calls (reflection, answer) one
# after the other, so a turn takes at least SMALL_MS + 2 * LARGE_MS; at most C turns run at once,
# C = min(sessions, HTTP worker threads, fault-tolerance bulkhead 64, JDBC pool if a turn held
# a connection across its model calls: it does not, see docs/RELIABILITY.md).
WORKERS=$(cli '/subsystem=io/worker=default:read-attribute(name=max-pool-size)' | sed -n 's/.*"result" => \([0-9]*\).*/\1/p')
WORKERS=${WORKERS:-0}
get() { sed -n "s/^$1=//p" "$OUT/chat.properties"; }
python3 - "$SESSIONS" "$WORKERS" "$SMALL_MS" "$LARGE_MS" "$THINK_MS" "$(get throughput_ok_per_s)" \
    "$OLD_START" "$OLD_END" "$(get status)" "$BURST" "$BURST_OK" "$STORED" <<'PY' | tee "$OUT/verdict.txt"
import sys
sessions, workers, small, large, think = (int(x) for x in sys.argv[1:6])
measured = float(sys.argv[6]); old_start, old_end = int(sys.argv[7]), int(sys.argv[8])
status, burst, burst_ok, stored = sys.argv[9], int(sys.argv[10]), int(sys.argv[11]), int(sys.argv[12])
turn_s = (small + 2 * large) / 1000.0
limits = {"sessions": sessions, "http-workers": workers or sessions, "bulkhead": 64}
binding = min(limits, key=limits.get)
concurrent = limits[binding]
# With think time a session is busy turn_s of every turn_s + think_s seconds. With instant fakes
# (0 ms) there is no model-time limit: the CPU is the bound, and the run measures it.
busy_s = turn_s + think / 1000.0
limit = min(concurrent / turn_s if turn_s else float("inf"), sessions / busy_s if busy_s else float("inf"))
ratio = measured / limit if limit != float("inf") else None
growth = old_end - old_start
print(f"model time per turn     {turn_s * 1000:.0f} ms (1 x {small} + 2 x {large})")
print(f"concurrency limit       {concurrent} ({binding}; sessions {sessions}, HTTP workers {workers}, bulkhead 64)")
if ratio is None:
    print("throughput limit        none from model time (instant fakes): the CPU bound is what is measured")
    print(f"measured throughput     {measured:.2f} turns/s")
else:
    print(f"throughput limit        {limit:.2f} turns/s")
    print(f"measured throughput     {measured:.2f} turns/s = {ratio * 100:.1f} % of the limit")
print(f"responses by status     {status}")
print(f"old gen after full GC   {old_start / 1024:.1f} MiB before, {old_end / 1024:.1f} MiB after ({growth / 1024:+.1f} MiB)")
print(f"registration burst      {burst_ok}/{burst} acknowledged, {stored} stored with their images")
failures = []
if ratio is not None and ratio < 0.9: failures.append("throughput below 90 % of the limit")
if any(not kv.startswith("200=") for kv in status.strip("{}").split(",")):
    failures.append("some turns did not answer 200")
if growth > 32 * 1024 and growth > 0.2 * old_start: failures.append("old generation grew")
if burst_ok != burst or stored != burst: failures.append("registration burst lost or refused concepts")
print("RESULT: " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
sys.exit(1 if failures else 0)
PY
