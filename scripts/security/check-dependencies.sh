#!/usr/bin/env bash
# Known-vulnerability check of the Java libraries Seed ships (every jar inside the built
# ear/target/seed.ear, or SEED_EAR), offline, against advisories in OSV format (docs/RELIABILITY.md,
# "Dependencies"):
#
#   SEED_OSV_DIR=/path/to/osv scripts/security/check-dependencies.sh
#
# SEED_OSV_DIR is a folder of OSV JSON files, searched recursively: OSV's Maven export
# (https://osv-vulnerabilities.storage.googleapis.com/Maven/all.zip, unzipped) or a checkout of
# github/advisory-database (advisories/github-reviewed). Fetch it where the network allows and copy
# it here; this machine and CI reach no advisory feed, so without it the script says plainly that
# nothing was checked and exits 0 (exit 3 with --require-data). Exit 1 when a shipped version is
# affected. WildFly's own modules (provided scope) are not in this list: they come with WildFly
# 39.0.1 and are patched by upgrading WildFly.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT="$ROOT/target/security"; mkdir -p "$OUT"
EAR="${SEED_EAR:-$ROOT/ear/target/seed.ear}"
if [ ! -f "$EAR" ]; then
  echo "dependency check FAILED: no built EAR at $EAR (build first: mvn -B clean install -DskipTests, or scripts/test.sh)" >&2
  exit 2
fi
# The list comes from the EAR that was built, not from a local Maven repository: it is what ships.
if ! python3 "$ROOT/scripts/security/list_shipped.py" "$EAR" >"$OUT/dependencies.txt"; then
  echo "dependency check FAILED: could not read the libraries in $EAR" >&2
  exit 2
fi
echo "$(wc -l <"$OUT/dependencies.txt") third-party libraries shipped (list: $OUT/dependencies.txt)"

if [ -z "${SEED_OSV_DIR:-}" ] || [ ! -d "$SEED_OSV_DIR" ]; then
  echo "NOT CHECKED: no OSV advisory data on this machine (set SEED_OSV_DIR); see docs/RELIABILITY.md"
  [ "${1:-}" = --require-data ] && exit 3
  exit 0
fi
python3 "$ROOT/scripts/security/osv_match.py" "$SEED_OSV_DIR" "$OUT/dependencies.txt" | tee "$OUT/findings.txt"
