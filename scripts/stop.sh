#!/usr/bin/env bash
# Stops the WildFly that scripts/run.sh started (PostgreSQL keeps running).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/scripts/lib/common.sh"
pidfile="$SEED_STATE_DIR/${SEED_INSTANCE:-default}/server.pid"
quiet=${1:-}
if [ ! -f "$pidfile" ] || ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  [ "$quiet" = --quiet ] || log "Seed is not running"
  rm -f "$pidfile"; exit 0
fi
pid=$(cat "$pidfile")
kill "$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then log "WildFly did not stop in 60 s; killing it"; kill -9 "$pid"; fi
rm -f "$pidfile"
[ "$quiet" = --quiet ] || log "Seed stopped"
