#!/usr/bin/env bash
# Fault drill: WildFly is killed with SIGKILL in the middle of a burst of concurrent concept
# registrations (each with two images), then started again. Asserts: every registration
# acknowledged with 201 is stored; every stored concept of the burst is whole (both reference
# images, embedding, identity), i.e. registration was all-or-nothing; nothing waits half-written;
# the restarted product accepts registrations again, including a retry of the same names.
#
# The kill point is signalled by the server, not guessed from outside: started with
# SEED_DRILL_HOLD_REGISTRATIONS_AFTER=$KILL_AT (RegistrationDrillHook), it lets exactly KILL_AT
# registrations reach their transaction, logs "SEED-DRILL registrations committed and holding"
# once they have committed, and holds the rest before theirs. The drill kills on that line, so
# every run kills mid-burst with KILL_AT stored and the rest unanswered. The restart runs without
# the hook.
#
#   scripts/faults/kill-during-registration.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/faults/lib.sh"
COUNT=${COUNT:-60}
KILL_AT=${KILL_AT:-34}   # kill once this many concepts of the burst are committed

SEED_DRILL_HOLD_REGISTRATIONS_AFTER=$KILL_AT fault_setup
PID=$(server_pid)
SERVER_LOG="$INSTANCE_DIR/server/standalone/log/server.log"
SIGNAL_BEFORE=$(grep -c "SEED-DRILL registrations committed and holding" "$SERVER_LOG" || true)
loadtest register --base "$BASE_URL" --key "$KEY" --count "$COUNT" --prefix k --out "$OUT/burst.properties" \
  >"$OUT/burst.out" 2>"$OUT/burst.err" &
LOAD=$!
SIGNALLED=no
for _ in $(seq 1 600); do
  if [ "$(grep -c "SEED-DRILL registrations committed and holding" "$SERVER_LOG" || true)" -gt "$SIGNAL_BEFORE" ]; then
    SIGNALLED=yes; break
  fi
  sleep 0.2
done
[ "$SIGNALLED" = yes ] || die "the server never signalled $KILL_AT committed registrations (see $SERVER_LOG)"
sleep 1 # the last acknowledgements leave the server; the held registrations stay held
STORED_AT_KILL=$(psql_load "SELECT count(*) FROM concept WHERE tenant_id = '$TENANT'")
log "kill -9 $PID on the server's signal ($STORED_AT_KILL stored)"
kill -9 "$PID"
wait "$LOAD" || true
cat "$OUT/burst.out"
STATUS=$(sed -n 's/^status=//p' "$OUT/burst.properties")
ACKED=$(wc -l <"$OUT/burst.properties.ids")

log "starting again (without the drill hook)"
start_product "$OUT"
STORED=$(psql_load "SELECT count(*) FROM concept WHERE tenant_id = '$TENANT'")
WHOLE=$(psql_load "SELECT count(*) FROM concept c WHERE c.tenant_id = '$TENANT' AND c.embedding IS NOT NULL
  AND c.category IS NOT NULL AND (SELECT count(*) FROM reference_image r WHERE r.concept_id = c.id) = 2")
ACKED_STORED=0
[ "$ACKED" -eq 0 ] || ACKED_STORED=$(psql_load "SELECT count(*) FROM concept WHERE id IN ($(sql_ids "$OUT/burst.properties.ids"))")
ORPHANS=$(psql_load "SELECT count(*) FROM reference_image r WHERE r.tenant_id = '$TENANT'
  AND NOT EXISTS (SELECT 1 FROM concept c WHERE c.id = r.concept_id)")
# The client retries the whole burst with the same Idempotency-Keys: stored ones return their
# first result, the rest are created; all 201.
loadtest register --base "$BASE_URL" --key "$KEY" --count "$COUNT" --prefix k --out "$OUT/retry.properties" >/dev/null 2>&1 || true
RETRY=$(sed -n 's/^status=//p' "$OUT/retry.properties")
FINAL=$(psql_load "SELECT count(*) FROM concept c WHERE c.tenant_id = '$TENANT'
  AND (SELECT count(*) FROM reference_image r WHERE r.concept_id = c.id) = 2")

echo "burst: $STATUS ($ACKED acknowledged); after restart $STORED stored, $WHOLE whole; retry: $RETRY; finally $FINAL of $COUNT"
check "the kill interrupted the burst (some registrations got no answer)" bash -c "[[ '$STATUS' == *io=* ]]"
check "the kill came mid-burst (some were acknowledged before it)" test "$ACKED" -gt 0
check "the kill came where the server signalled: $KILL_AT stored" equals "$STORED_AT_KILL" "$KILL_AT"
check "every acknowledged registration is stored" equals "$ACKED_STORED" "$ACKED"
check "every stored concept is whole (2 images, embedding, identity)" equals "$WHOLE" "$STORED"
check "no reference image without its concept" equals "$ORPHANS" 0
check "the retry (same Idempotency-Keys) answers 201 for all" equals "$RETRY" "{201=$COUNT}"
check "the retry completes the burst: all $COUNT concepts whole" equals "$FINAL" "$COUNT"
fault_verdict
