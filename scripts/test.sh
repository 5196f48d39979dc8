#!/usr/bin/env bash
# Runs every test and exits non-zero on any failure:
#   1. unit tests (surefire) in every module;
#   2. Arquillian integration tests on managed WildFly against PostgreSQL + pgvector (failsafe);
#   3. browser end-to-end tests (Playwright for Java + Debian chromium, headless; failsafe);
#   4. docker/: the compose file and Dockerfile validated (no engine runs here);
#   5. the run command's own path: scripts/run.sh starts the built product, its health
#      endpoint must answer UP, then it is stopped;
#   6. the logs of every server the tests started are scanned for secrets;
#   7. the shipped libraries are listed (and matched against OSV advisories if SEED_OSV_DIR is set).
# Tests use the database seed_test (never the run database) and ports offset by 100 and 200.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/lib/common.sh"

# Each step is named; a failing one says which it was and how it ended, then the script stops.
step() {
  local name=$1; shift
  local started=$SECONDS
  log "step: $name"
  if "$@"; then
    log "step ok: $name ($((SECONDS - started)) s)"
  else
    local rc=$?
    log "FAILED step: $name (exit $rc after $((SECONDS - started)) s); its output above says why"
    exit "$rc"
  fi
}
test_started=$SECONDS

step "prerequisites (JDK, Maven, chromium, ...)" "$ROOT/scripts/install-prerequisites.sh" --browser
step "PostgreSQL + pgvector (database seed_test)" "$ROOT/scripts/setup-postgres.sh" seed_test

export SEED_DB_USER=${SEED_DB_USER:-seed}
SEED_DB_PASSWORD=$(db_password); export SEED_DB_PASSWORD

cd "$ROOT"
# One reactor build from clean: the modules resolve each other within it, never from what an
# earlier 'mvn install' left in the local repository.
# dependency:list in the same reactor writes each module's shipped libraries for the last step.
step "unit, integration and browser tests (mvn clean verify)" \
  mvn -B clean verify dependency:list -DincludeScope=runtime -DoutputFile=target/runtime-dependencies.txt \
    -Dseed.test.db.url="jdbc:postgresql://127.0.0.1:5432/seed_test"
step "docker, compose and k8s validation" "$ROOT/scripts/validate-docker.sh"
step "run command smoke test" "$ROOT/scripts/smoke-test.sh"
step "secrets in server logs" "$ROOT/scripts/scan-logs-for-secrets.sh"
# Known-vulnerable libraries: lists what the build shipped and matches it against OSV advisories
# when SEED_OSV_DIR holds a snapshot; without one it says NOT CHECKED (docs/RELIABILITY.md).
step "shipped libraries (dependency check)" "$ROOT/scripts/security/check-dependencies.sh"
log "all steps passed in $((SECONDS - test_started)) s"
