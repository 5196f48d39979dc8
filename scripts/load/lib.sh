# Shared helpers for the load and fault scripts (sourced, not run). Expects ROOT set and
# scripts/lib/common.sh sourced. Everything runs against a separate instance of the deployed
# product (default: SEED_INSTANCE=load, port offset 800, database seed_load), never the run
# database or the tests' servers.
# shellcheck shell=bash

export SEED_INSTANCE=${SEED_INSTANCE:-load}
export SEED_PORT_OFFSET=${SEED_PORT_OFFSET:-800}
export SEED_DB_NAME=${SEED_DB_NAME:-seed_load}
HTTP_PORT=$((8080 + SEED_PORT_OFFSET))
MGMT_PORT=$((9990 + SEED_PORT_OFFSET))
BASE_URL="http://127.0.0.1:$HTTP_PORT"
SMALL_PORT=${SMALL_PORT:-$((18501 + SEED_PORT_OFFSET))}
LARGE_PORT=${LARGE_PORT:-$((18502 + SEED_PORT_OFFSET))}
SMALL_MS=${SMALL_MS:-300}
LARGE_MS=${LARGE_MS:-800}
LOAD_DIR="$ROOT/scripts/load"
INSTANCE_DIR="$SEED_STATE_DIR/$SEED_INSTANCE"
FAKE_PIDS=()

# The fake model servers (small and large VLM) with their latencies; stopped on exit.
start_fake_models() {
  local out=$1
  java "$LOAD_DIR/FakeModelServer.java" --port "$SMALL_PORT" --latency-ms "$SMALL_MS" >"$out/fake-small.log" 2>&1 &
  FAKE_PIDS+=($!)
  java "$LOAD_DIR/FakeModelServer.java" --port "$LARGE_PORT" --latency-ms "$LARGE_MS" >"$out/fake-large.log" 2>&1 &
  FAKE_PIDS+=($!)
  local port
  for port in "$SMALL_PORT" "$LARGE_PORT"; do
    for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/control/stats" && break; sleep 1; done
    curl -fsS -o /dev/null "http://127.0.0.1:$port/control/stats" || die "fake model server on $port did not start"
  done
}

stop_fake_models() {
  local pid
  for pid in "${FAKE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  FAKE_PIDS=()
}

fake_mode() { curl -fsS -X POST "http://127.0.0.1:$1/control/mode?set=$2" >/dev/null; }
fake_stats() { curl -fsS "http://127.0.0.1:$1/control/stats"; }

# Starts (or restarts) the deployed EAR with the fakes as its models and a rate limit high
# enough that the load test measures the pipeline, not the per-key limiter.
start_product() {
  if [ ! -f "$ROOT/ear/target/seed.ear" ]; then
    log "building (mvn clean package -DskipTests)"
    (cd "$ROOT" && mvn -B -q clean package -DskipTests)
  fi
  clean_server_copy
  SEED_NO_BUILD=1 SEED_SERVER_SOURCE="$SEED_STATE_DIR/$SEED_INSTANCE-provisioned" \
  SEED_SMALL_VLM_URL="http://127.0.0.1:$SMALL_PORT/v1" SEED_SMALL_VLM_MODEL=qwen2.5-vl-3b \
  SEED_LARGE_VLM_URL="http://127.0.0.1:$LARGE_PORT/v1" SEED_LARGE_VLM_MODEL=gpt-4o \
  SEED_LARGE_VLM_API_KEY=${SEED_LARGE_VLM_API_KEY:-sk-load-never-logged-8080} \
  SEED_API_RATE_LIMIT_PER_SECOND=${SEED_API_RATE_LIMIT_PER_SECOND:-100000} \
  SEED_API_RATE_LIMIT_BURST=${SEED_API_RATE_LIMIT_BURST:-100000} \
    "$ROOT/scripts/run.sh" >"$1/run.out" 2>&1 || { cat "$1/run.out" >&2; die "the product did not start"; }
}

# A copy of the provisioned server without anything a test server running in ear/target/server
# at the same moment may have added (deployments, data, logs).
clean_server_copy() {
  local copy="$SEED_STATE_DIR/$SEED_INSTANCE-provisioned"
  rm -rf "$copy"; mkdir -p "$copy"
  (cd "$ROOT/ear/target/server" && tar --exclude=./standalone/data --exclude=./standalone/tmp \
      --exclude=./standalone/log --exclude='./standalone/deployments/*' \
      --exclude=./standalone/configuration/standalone_xml_history -cf - .) | (cd "$copy" && tar -xf -)
  python3 - "$copy/standalone/configuration/standalone.xml" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p).read()
open(p, "w").write(re.sub(r"\s*<deployments>.*?</deployments>", "", s, flags=re.S))
PY
}

# Waits until readiness answers UP again (after a restart or a database outage).
wait_ready() {
  local limit=${1:-300} t0=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$MGMT_PORT/health/ready" 2>/dev/null; do
    [ $((SECONDS - t0)) -lt "$limit" ] || return 1
    sleep 1
  done
}

server_pid() { cat "$INSTANCE_DIR/server.pid"; }

cli() {
  "$INSTANCE_DIR/server/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$MGMT_PORT" --command="$1" 2>/dev/null
}

psql_load() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAtX -d $SEED_DB_NAME" <<<"$1"; }

# A tenant with one partner API key, written straight into the database (the product issues keys
# only from the console). The key has the product's format; only its SHA-256 is stored.
create_tenant_with_key() {
  local slug=$1 alnum prefix secret key hash
  alnum() { local r; r=$(head -c 4000 /dev/urandom | LC_ALL=C tr -dc "$1"); printf '%s' "${r:0:$2}"; }
  prefix=$(alnum 'a-z0-9' 8); secret=$(alnum 'A-Za-z0-9' 40)
  key="seed_${prefix}_${secret}"
  hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
  psql_load "
    INSERT INTO tenant (id, slug, name) VALUES (gen_random_uuid(), '$slug', 'Load test $slug');
    INSERT INTO api_client (id, tenant_id, name, key_prefix, key_hash, created_by, scopes)
      SELECT gen_random_uuid(), id, 'load', '$prefix', '$hash', 'load-test', 'turns,concepts' FROM tenant WHERE slug = '$slug';" >/dev/null
  printf '%s' "$key"
}

tenant_id() { psql_load "SELECT id FROM tenant WHERE slug = '$1'"; }

loadtest() { java -Djava.awt.headless=true "$LOAD_DIR/LoadTest.java" "$@"; }
