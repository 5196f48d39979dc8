#!/usr/bin/env bash
# Fault drill: PostgreSQL stops for OUTAGE_S seconds (default 15) in the middle of a chat load,
# then starts again. Asserts: while it is down users get 503 with a reason (no other 5xx, no
# hang), the product recovers by itself (same WildFly process, readiness UP, turns answered
# again) and every turn acknowledged with 200 is in the database, answered.
#
#   scripts/faults/pg-restart-under-load.sh
#
# It restarts the machine's PostgreSQL cluster (pg_ctlcluster 15 main): the exclusive lock keeps
# other builds and tests off it meanwhile. Environment as scripts/load/run-load-test.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/faults/lib.sh"
OUTAGE_S=${OUTAGE_S:-15}
SESSIONS=${SESSIONS:-20}

fault_setup
PID=$(server_pid)
loadtest register --base "$BASE_URL" --key "$KEY" --count 2 --prefix c --out "$OUT/concepts.properties" >/dev/null
loadtest chat --base "$BASE_URL" --key "$KEY" --sessions "$SESSIONS" --duration-s $((OUTAGE_S + 40)) \
  --concepts "<c-0>,<c-1>" --out "$OUT/chat.properties" >"$OUT/chat.out" 2>"$OUT/chat.err" &
LOAD=$!
sleep 15
log "stopping PostgreSQL for $OUTAGE_S s"
pg_ctlcluster --skip-systemctl-redirect 15 main stop -m fast
sleep "$OUTAGE_S"
curl -sS -o "$OUT/ready-during.json" "http://127.0.0.1:$MGMT_PORT/health/ready" || true
pg_ctlcluster --skip-systemctl-redirect 15 main start
log "PostgreSQL is back"
T0=$SECONDS
wait_ready 120 || true
RECOVERY_S=$((SECONDS - T0))
wait "$LOAD" || true
cat "$OUT/chat.out"; sed 's/^/  client: /' "$OUT/chat.err" | head -12

STATUS=$(sed -n 's/^status=//p' "$OUT/chat.properties")
ACKED=$(wc -l <"$OUT/chat.properties.ids")
STORED=$(psql_load "SELECT count(*) FROM turn WHERE status = 'ANSWERED' AND id IN ($(sql_ids "$OUT/chat.properties.ids"))")
AFTER=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$BASE_URL/api/v1/turns?size=1")

echo "responses by status: $STATUS; readiness UP again $RECOVERY_S s after PostgreSQL started"
check "readiness said DOWN during the outage" grep -q '"DOWN"' "$OUT/ready-during.json"
check "only 200 and 503 answers (no other 5xx, no lost connection)" \
  bash -c "[[ '$STATUS' =~ ^\{200=[0-9]+(,503=[0-9]+)?\}$ ]]"
check "some turns were refused with 503 during the outage" bash -c "[[ '$STATUS' == *503=* ]]"
check "the 503s say why" grep -q 'HTTP 503: {.*"detail":"[^"]' "$OUT/chat.err"
check "same WildFly process (no restart needed)" equals "$(server_pid)" "$PID"
check "readiness UP again within 60 s" test "$RECOVERY_S" -le 60
check "the API answers again" equals "$AFTER" 200
check "every turn acknowledged with 200 is stored, answered ($ACKED)" equals "$STORED" "$ACKED"
fault_verdict
