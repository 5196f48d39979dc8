#!/usr/bin/env bash
# Fault drill: WildFly is killed with SIGKILL while a platform "retrain clusters" job runs (over a
# generated Yo'LLaVA-layout dataset), then started again. Asserts: after the restart the job is
# FAILED with a reason (not left RUNNING), no dictionary version was half-written (every version
# has its K meta-concepts, each with members), the ACTIVE version is the one that was active
# before, and a new retrain can start at once and succeeds.
#
#   scripts/faults/kill-during-retrain.sh
#
# Signs in to the console as a platform admin created for the drill (Playwright + the machine's
# chromium, scripts/scale/ConsoleDriver.java login) and calls the API with that session.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/faults/lib.sh"
K=${K:-8}
M2=${M2_REPO:-$HOME/.m2/repository}
PW_CP="$M2/com/microsoft/playwright/playwright/1.62.0/playwright-1.62.0.jar:$M2/com/microsoft/playwright/driver/1.62.0/driver-1.62.0.jar:$M2/com/microsoft/playwright/driver-bundle/1.62.0/driver-bundle-1.62.0.jar:$(ls "$M2"/com/google/code/gson/gson/*/gson-*.jar | sort -V | tail -1)"

fault_setup
DATASET="$OUT/dataset"
loadtest dataset --dir "$DATASET" --concepts "${CONCEPTS:-240}" --images 3 >/dev/null

# A platform admin for the drill: PBKDF2-HMAC-SHA256 as the product stores it.
USER_NAME="fault-root-$RUN"; PASSWORD="drill-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
HASH=$(python3 -c 'import hashlib,os,base64,sys; s=os.urandom(16); h=hashlib.pbkdf2_hmac("sha256", sys.argv[1].encode(), s, 210000, 32); print("PBKDF2WithHmacSHA256:210000:%s:%s" % (base64.b64encode(s).decode(), base64.b64encode(h).decode()))' "$PASSWORD")
psql_load "INSERT INTO app_user (id, username, display_name, password_hash, role)
  VALUES (gen_random_uuid(), '$USER_NAME', 'Fault drill', '$HASH', 'PLATFORM_ADMIN')" >/dev/null
login() { SEED_ADMIN_USERNAME="$USER_NAME" SEED_ADMIN_PASSWORD="$PASSWORD" \
  java -cp "$PW_CP" "$ROOT/scripts/scale/ConsoleDriver.java" login "$BASE_URL/"; }
api() { curl -sS -b "$COOKIE" -H 'Content-Type: application/json' "$@"; }
COOKIE=$(login) || die "console sign-in failed"
ACTIVE_BEFORE=$(psql_load "SELECT coalesce(string_agg(id::text, ','), 'none') FROM dictionary_version WHERE status = 'ACTIVE' AND tenant_id IS NULL")

JOB=$(api -X POST "$BASE_URL/api/v1/dictionary/jobs" -d "{\"k\":$K,\"source\":\"yollava\",\"datasetPath\":\"$DATASET\"}" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$JOB" ] || die "the retrain did not start"
for _ in $(seq 1 600); do
  P=$(psql_load "SELECT progress FROM dictionary_job WHERE id = '$JOB'")
  [ "${P:-0}" -ge 10 ] && break
  sleep 0.1
done
STATE_AT_KILL=$(psql_load "SELECT status || ' ' || progress || '% ' || phase FROM dictionary_job WHERE id = '$JOB'")
log "kill -9 during the retrain ($STATE_AT_KILL)"
kill -9 "$(server_pid)"

log "starting again"
start_product "$OUT"
JOB_AFTER=$(psql_load "SELECT status || ': ' || coalesce(message, '') FROM dictionary_job WHERE id = '$JOB'")
ACTIVE_AFTER=$(psql_load "SELECT coalesce(string_agg(id::text, ','), 'none') FROM dictionary_version WHERE status = 'ACTIVE' AND tenant_id IS NULL")
PARTIAL=$(psql_load "SELECT count(*) FROM dictionary_version v WHERE v.source <> 'manual' AND (
    (SELECT count(*) FROM meta_concept m WHERE m.dictionary_version_id = v.id) = 0
    OR EXISTS (SELECT 1 FROM meta_concept m WHERE m.dictionary_version_id = v.id
               AND NOT EXISTS (SELECT 1 FROM meta_concept_member x WHERE x.meta_concept_id = m.id)))")
FROM_JOB=$(psql_load "SELECT count(*) FROM dictionary_job j JOIN dictionary_version v ON v.id = j.result_version_id WHERE j.id = '$JOB'")
COOKIE=$(login) || die "console sign-in failed after the restart"
NEXT=$(api -X POST "$BASE_URL/api/v1/dictionary/jobs" -d "{\"k\":$K,\"source\":\"yollava\",\"datasetPath\":\"$DATASET\"}" \
  | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
NEXT_STATUS=none
for _ in $(seq 1 300); do
  NEXT_STATUS=$(psql_load "SELECT status FROM dictionary_job WHERE id = '${NEXT:-00000000-0000-0000-0000-000000000000}'")
  case "$NEXT_STATUS" in SUCCEEDED|FAILED|CANCELLED|"") break ;; esac
  sleep 1
done
NEXT_SIZE=$(psql_load "SELECT count(*) FROM meta_concept m JOIN dictionary_job j ON j.result_version_id = m.dictionary_version_id WHERE j.id = '${NEXT:-00000000-0000-0000-0000-000000000000}'")

echo "killed at: $STATE_AT_KILL; after restart: $JOB_AFTER; active before $ACTIVE_BEFORE, after $ACTIVE_AFTER; next retrain: $NEXT_STATUS ($NEXT_SIZE meta-concepts)"
check "the interrupted job is FAILED with a reason right after the restart" bash -c "[[ '$JOB_AFTER' == FAILED:\ interrupted* ]]"
check "the interrupted job produced no version" equals "$FROM_JOB" 0
check "no half-written dictionary version (every one has meta-concepts with members)" equals "$PARTIAL" 0
check "the active version is unchanged" equals "$ACTIVE_AFTER" "$ACTIVE_BEFORE"
check "a new retrain starts at once and succeeds" equals "$NEXT_STATUS" SUCCEEDED
check "its version is whole: $K meta-concepts" equals "$NEXT_SIZE" "$K"
fault_verdict
