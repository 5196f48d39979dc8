#!/usr/bin/env bash
# Validates docker/compose.yaml with Debian's docker-compose (no Docker engine needed) and
# checks the Dockerfile's references. Nothing is built or started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/lib/common.sh"

if ! command -v docker-compose >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "docker-compose is missing: run as root or install it"
  log "installing docker-compose (validator only)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
passed=0; failed=0
check() {
  local name=$1; shift
  if "$@" >/tmp/seed-validate.out 2>&1; then passed=$((passed + 1)); echo "ok   $name"
  else failed=$((failed + 1)); echo "FAIL $name"; cat /tmp/seed-validate.out; fi
}
# Placeholder secrets: the file refuses to render without them, which is the point.
export POSTGRES_PASSWORD=validate SEED_DB_PASSWORD=validate
check "compose file is valid" docker-compose -f "$ROOT/docker/compose.yaml" config -q
check "compose file with GPU profiles is valid" docker-compose -f "$ROOT/docker/compose.yaml" --profile gpu --profile gpu-large config -q
unset POSTGRES_PASSWORD
check "compose refuses to start without a database password" \
  bash -c "! docker-compose -f '$ROOT/docker/compose.yaml' config -q"
check "Dockerfile copies what the build produces" \
  bash -c "grep -q 'ear/target/server' '$ROOT/docker/Dockerfile' && grep -q 'ear/target/seed.ear' '$ROOT/docker/Dockerfile'"
check "init script is valid bash" bash -n "$ROOT/docker/postgres-init/01-seed-role.sh"
echo "docker: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
