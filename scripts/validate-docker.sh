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

# Kubernetes manifests (docker/k8s): schemas, unknown fields, cross-references, template Secrets.
# Needs Node.js and the npm registry (package-lock.json pins the validator's packages).
if ! command -v npm >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "npm is missing: run as root or install nodejs and npm"
  log "installing nodejs + npm (validator only)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
K8S_VALIDATE="$ROOT/docker/k8s/validate"
if [ ! -d "$K8S_VALIDATE/node_modules/kubernetes-models" ]; then
  (cd "$K8S_VALIDATE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
check "Kubernetes manifests are valid (docker/k8s)" node "$K8S_VALIDATE/validate.mjs" "$ROOT/docker/k8s"
if command -v kubectl >/dev/null 2>&1; then
  check "kustomize builds docker/k8s" bash -c "kubectl kustomize '$ROOT/docker/k8s' >/dev/null"
fi

# The two-node load balancer configuration (scripts/scale/two-nodes.sh), checked by nginx itself.
if ! command -v nginx >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  log "installing nginx (config check only)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
if command -v nginx >/dev/null 2>&1; then
  check "nginx load-balancer config is valid (docker/nginx)" \
    bash -c "dir=\$(mktemp -d) && '$ROOT/docker/nginx/render.sh' \$dir 8680 8780 8880 >/dev/null && nginx -t -p \$dir -c \$dir/nginx.conf"
fi
echo "docker: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
