# Shared helpers for the fault drills (sourced, not run): the product with fake models as in the
# load test (scripts/load/lib.sh), plus assertions that print what held and count what did not.
# shellcheck shell=bash
. "$ROOT/scripts/lib/common.sh"
. "$ROOT/scripts/load/lib.sh"

FAILURES=0
check() {  # check "what" <command...>: PASS/FAIL line, counted
  local what=$1; shift
  if "$@"; then printf '  PASS  %s\n' "$what"; else printf '  FAIL  %s\n' "$what"; FAILURES=$((FAILURES + 1)); fi
}
equals() { [ "$1" = "$2" ] || { printf '        expected %s, got %s\n' "$2" "$1"; return 1; }; }

fault_setup() {
  RUN=$(date +%Y%m%d%H%M%S)
  OUT="$ROOT/target/faults/$(basename "$0" .sh)-$RUN"
  mkdir -p "$OUT"
  trap fault_cleanup EXIT
  start_fake_models "$OUT"
  start_product "$OUT"
  KEY=$(create_tenant_with_key "fault-$RUN")
  TENANT=$(tenant_id "fault-$RUN")
  log "product up (pid $(server_pid)); tenant fault-$RUN; results in $OUT"
}

fault_cleanup() {
  stop_fake_models
  [ "${KEEP_RUNNING:-0}" = 1 ] || "$ROOT/scripts/stop.sh" --quiet || true
}

fault_verdict() {
  if [ "$FAILURES" -eq 0 ]; then log "RESULT: PASS"; else log "RESULT: FAIL ($FAILURES checks)"; exit 1; fi
}

# The ids listed in a LoadTest .ids file as a SQL list of UUID literals.
sql_ids() { sed "s/.*/'&'/" "$1" | paste -sd, -; }
