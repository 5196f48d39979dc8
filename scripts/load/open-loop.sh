#!/usr/bin/env bash
# Open-loop overload of the deployed EAR (docs/BENCHMARKS.md, "Open loop"): image turns arrive at a
# fixed RATE per second whatever the answers, at about twice what the node can serve, and the node's
# admission control (seed.pipeline.max-turns-in-flight) must keep the admitted turns' latency near
# the model time while it refuses the rest with 429 at once.
#
#   scripts/load/open-loop.sh                       # RATE=2 x capacity for 60 s
#   RATE=40 DURATION_S=120 scripts/load/open-loop.sh
#
# Environment: RATE (twice the capacity from the model latencies and the admission limit),
# DURATION_S (60), SMALL_MS (300) and LARGE_MS (800), SEED_HTTP_WORKER_THREADS (32; the admission
# limit defaults to three quarters of it). Same instance as the load test (SEED_INSTANCE=load).
# Exit status 1 if any answer is neither 200 nor 429, the admitted p99 is above 1.3 x the model
# time, or a refusal's p99 is above 50 ms.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/lib/common.sh"
. "$ROOT/scripts/load/lib.sh"

DURATION_S=${DURATION_S:-60}
WORKERS=${SEED_HTTP_WORKER_THREADS:-32}
LIMIT=$(( WORKERS * 3 / 4 )); [ "$LIMIT" -le 64 ] || LIMIT=64
MODEL_MS=$(( SMALL_MS + 2 * LARGE_MS ))
RATE=${RATE:-$(python3 -c "print(round(2 * $LIMIT * 1000 / $MODEL_MS, 1))")}
RUN=$(date +%Y%m%d%H%M%S)
OUT="$ROOT/target/load/open-$RUN"
mkdir -p "$OUT"
log "results in $OUT"

cleanup() {
  stop_fake_models
  [ "${KEEP_RUNNING:-0}" = 1 ] || "$ROOT/scripts/stop.sh" --quiet || true
}
trap cleanup EXIT

start_fake_models "$OUT"
start_product "$OUT"
KEY=$(create_tenant_with_key "open-$RUN")
loadtest register --base "$BASE_URL" --key "$KEY" --count 4 --prefix c --out "$OUT/concepts.properties" >/dev/null
grep -q '^status={201=4}$' "$OUT/concepts.properties" || { cat "$OUT/concepts.properties"; die "registering the test concepts failed"; }
CONCEPTS="<c-0>,<c-1>,<c-2>,<c-3>"

log "warm-up: 10 sessions for 20 s"
loadtest chat --base "$BASE_URL" --key "$KEY" --sessions 10 --duration-s 20 --concepts "$CONCEPTS" >/dev/null
log "open loop: $RATE turns/s for $DURATION_S s (admission limit $LIMIT, model time $MODEL_MS ms: capacity $(python3 -c "print(round($LIMIT * 1000 / $MODEL_MS, 1))") turns/s)"
loadtest open --base "$BASE_URL" --key "$KEY" --rate "$RATE" --duration-s "$DURATION_S" --concepts "$CONCEPTS" \
  --out "$OUT/open.properties" | sed 's/^/  /'
get() { sed -n "s/^$1=//p" "$OUT/open.properties"; }
python3 - "$MODEL_MS" "$(get p99_ms)" "$(get refused_p99_ms)" "$(get status)" <<'PY' | tee "$OUT/verdict.txt"
import sys
model, admitted_p99, refused_p99, status = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
failures = []
if admitted_p99 > 1.3 * model: failures.append(f"admitted p99 {admitted_p99} ms > 1.3 x {model} ms")
if refused_p99 > 50: failures.append(f"refusal p99 {refused_p99} ms > 50 ms")
if any(not (kv.startswith("200=") or kv.startswith("429=")) for kv in status.strip("{}").split(",")):
    failures.append("answers other than 200 and 429: " + status)
print(f"admitted p99 {admitted_p99} ms (model time {model} ms), refusals p99 {refused_p99} ms, status {status}")
print("RESULT: " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
sys.exit(1 if failures else 0)
PY
