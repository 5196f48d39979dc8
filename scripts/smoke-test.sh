#!/usr/bin/env bash
# Starts the already-built product exactly as README's run command does (scripts/run.sh), on
# the test database and ports +200, checks its health and console, and stops it again.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/lib/common.sh"

export SEED_INSTANCE=smoke SEED_DB_NAME=seed_test SEED_PORT_OFFSET=200 SEED_NO_BUILD=1
trap '"$ROOT/scripts/stop.sh" --quiet' EXIT

out=$("$ROOT/scripts/run.sh")
echo "$out"
passed=0; failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi
}
ready=$(curl -sS http://127.0.0.1:10190/health/ready || true)
live=$(curl -sS http://127.0.0.1:10190/health/live || true)
console=$(curl -sS http://127.0.0.1:8280/ || true)
system=$(curl -sS http://127.0.0.1:8280/api/v1/system || true)
openapi=$(curl -sS http://127.0.0.1:8280/openapi || true)
check "run command prints the console URL" grep -q 'Console:   http://127.0.0.1:8280/' <<<"$out"
check "run command says how to sign in" grep -q 'Sign in' <<<"$out"
check "readiness is UP with the schema check" grep -q '"status":"UP".*"database-schema"\|"database-schema".*"status":"UP"' <<<"$ready"
check "liveness is UP" grep -q '"status":"UP"' <<<"$live"
check "console serves the Vaadin page" grep -qi '<title>\|vaadin' <<<"$console"
api_anonymous=$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer seed_aaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' http://127.0.0.1:8280/api/v1/system || true)
check "a wrong API key is refused with 401" test "$api_anonymous" = 401
check "API reports the migrated schema" grep -q '"schemaUpToDate":true' <<<"$system"
check "OpenAPI document is served" grep -q 'title: Seed partner API' <<<"$openapi"
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
