#!/usr/bin/env bash
# Runs Seed on this machine: installs what is missing (JDK, Maven, PostgreSQL + pgvector),
# builds the EAR, provisions WildFly, starts it in the background and waits until it is ready.
#
#   scripts/run.sh          build and (re)start
#   scripts/stop.sh         stop
#
# Environment: see README.md, "Configuration".
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/lib/common.sh"

export SEED_DB_NAME=${SEED_DB_NAME:-seed}
export SEED_DB_HOST=${SEED_DB_HOST:-127.0.0.1}
export SEED_DB_PORT=${SEED_DB_PORT:-5432}
export SEED_DB_USER=${SEED_DB_USER:-seed}
export SEED_DB_URL=${SEED_DB_URL:-jdbc:postgresql://$SEED_DB_HOST:$SEED_DB_PORT/$SEED_DB_NAME}
OFFSET=${SEED_PORT_OFFSET:-0}
HTTP_PORT=$((8080 + OFFSET))
MGMT_PORT=$((9990 + OFFSET))
BIND=${SEED_BIND_ADDRESS:-127.0.0.1}
INSTANCE_DIR="$SEED_STATE_DIR/${SEED_INSTANCE:-default}"
# Several instances on one host share its name: give each its own session-id suffix (sticky load
# balancing) and transaction node id (at most 23 bytes), unless set explicitly.
export SEED_INSTANCE_ID=${SEED_INSTANCE_ID:-${SEED_INSTANCE:-default}}
export SEED_NODE_ID=${SEED_NODE_ID:-seed-${SEED_INSTANCE:-default}}
# HTTP worker threads: WildFly's own default (16 x cores) unless set.
export SEED_HTTP_WORKER_THREADS=${SEED_HTTP_WORKER_THREADS:-$(( $(nproc) * 16 ))}
SERVER="$INSTANCE_DIR/server"

"$ROOT/scripts/install-prerequisites.sh"
if [ "${SEED_DB_SETUP:-local}" = "local" ]; then
  "$ROOT/scripts/setup-postgres.sh" "$SEED_DB_NAME"
fi
SEED_DB_PASSWORD=$(db_password); export SEED_DB_PASSWORD

if [ "${SEED_NO_BUILD:-0}" != 1 ] || [ ! -f "$ROOT/ear/target/seed.ear" ]; then
  log "building (mvn clean install -DskipTests)"
  (cd "$ROOT" && mvn -B -q clean install -DskipTests)
fi

"$ROOT/scripts/stop.sh" --quiet || true
mkdir -p "$INSTANCE_DIR"

# A private copy of the provisioned server, so the tests' server (ear/target/server) and this
# one never share deployments; logs of earlier runs are kept in $SERVER/standalone/log.
if [ -d "$SERVER" ]; then
  find "$SERVER" -mindepth 1 -maxdepth 1 ! -name standalone -exec rm -rf {} +
  find "$SERVER/standalone" -mindepth 1 -maxdepth 1 ! -name log -exec rm -rf {} +
fi
mkdir -p "$SERVER"
# SEED_SERVER_SOURCE: another provisioned copy (the load and fault scripts use a cleaned one, so a
# test server running in ear/target/server at the same time cannot leak its deployments in).
# The provisioned copy may hold the integration tests' logs, data and deployments: a new instance
# starts without them (its own earlier logs, above, are kept).
SOURCE=${SEED_SERVER_SOURCE:-$ROOT/ear/target/server}
(cd "$SOURCE" && find . -mindepth 1 -maxdepth 1 ! -name standalone -exec cp -a {} "$SERVER/" \;)
mkdir -p "$SERVER/standalone"
(cd "$SOURCE/standalone" && find . -mindepth 1 -maxdepth 1 ! -name log ! -name data ! -name tmp ! -name deployments \
  -exec cp -a {} "$SERVER/standalone/" \;)
mkdir -p "$SERVER/standalone/deployments" "$SERVER/standalone/log"
cp "$ROOT/ear/target/seed.ear" "$SERVER/standalone/deployments/seed.ear"

# The first platform admin: created by the server only if none exists yet. The generated password
# lives only in this process's environment and is printed once, below, if it was used.
export SEED_ADMIN_USERNAME=${SEED_ADMIN_USERNAME:-admin}
generated_admin_password=""
if [ -z "${SEED_ADMIN_PASSWORD:-}" ]; then
  generated_admin_password=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 20)
  export SEED_ADMIN_PASSWORD=$generated_admin_password
fi
log_lines_before=$(wc -l <"$SERVER/standalone/log/server.log" 2>/dev/null || echo 0)

log "starting WildFly (http $BIND:$HTTP_PORT, management 127.0.0.1:$MGMT_PORT)"
export JBOSS_JAVA_SIZING=${SEED_JAVA_SIZING:-"-Xms256m -Xmx2g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m"}
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$INSTANCE_DIR/server.pid" \
  nohup "$SERVER/bin/standalone.sh" -b "$BIND" -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$OFFSET" -Dai.djl.offline=true -Djava.awt.headless=true \
    >"$INSTANCE_DIR/server.out" 2>&1 &

ready_url="http://127.0.0.1:$MGMT_PORT/health/ready"
deadline=$((SECONDS + ${SEED_START_TIMEOUT:-300}))
until curl -fsS -o /dev/null "$ready_url" 2>/dev/null; do
  if [ $SECONDS -ge $deadline ] || ! kill -0 "$(cat "$INSTANCE_DIR/server.pid" 2>/dev/null || echo 0)" 2>/dev/null; then
    log "Seed did not become ready. Readiness says:"
    curl -sS "$ready_url" >&2 || true
    log "last server log lines ($SERVER/standalone/log/server.log):"
    tail -n 40 "$SERVER/standalone/log/server.log" >&2 || tail -n 40 "$INSTANCE_DIR/server.out" >&2
    exit 1
  fi
  sleep 2
done

host=$BIND; [ "$host" = 0.0.0.0 ] && host=$(hostname -f 2>/dev/null || echo localhost)
if tail -n +"$((log_lines_before + 1))" "$SERVER/standalone/log/server.log" 2>/dev/null \
    | grep -q "Created the first platform administrator '$SEED_ADMIN_USERNAME'"; then
  if [ -n "$generated_admin_password" ]; then
    sign_in="Sign in as:  $SEED_ADMIN_USERNAME / $generated_admin_password   (shown once: keep it in your password manager)"
  else
    sign_in="Sign in as:  $SEED_ADMIN_USERNAME with the password from SEED_ADMIN_PASSWORD"
  fi
else
  sign_in="Sign in with your platform admin account (created on the first start)"
fi
cat <<MSG

Seed is running.
  Console:   http://$host:$HTTP_PORT/
  $sign_in
  API:       http://$host:$HTTP_PORT/api/v1/system
  Health:    $ready_url
  Logs:      $SERVER/standalone/log/server.log
  Stop with: ${SEED_INSTANCE:+SEED_INSTANCE=$SEED_INSTANCE }scripts/stop.sh
MSG
