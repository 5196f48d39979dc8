#!/usr/bin/env bash
# Known-vulnerability check of the Java libraries Seed ships (runtime scope of domain, db-migrations,
# inference-ejb, web-ui, ear, as the reactor build resolved them), offline, against advisories in OSV format (docs/RELIABILITY.md,
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
# The list comes from the reactor build itself (scripts/test.sh runs dependency:list in the same
# 'mvn clean verify' as the tests), never from what an earlier 'mvn install' left in the local
# repository. Run on its own, this script makes that reactor build (packaging, no tests) first.
modules=(domain db-migrations inference-ejb web-ui ear)
listings=()
for m in "${modules[@]}"; do listings+=("$ROOT/$m/target/runtime-dependencies.txt"); done
if ! ls "${listings[@]}" >/dev/null 2>&1; then
  echo "no dependency listings from a build yet: building (mvn package -DskipTests dependency:list)"
  if ! (cd "$ROOT" && mvn -B -q package -DskipTests dependency:list -DincludeScope=runtime \
        -DoutputFile=target/runtime-dependencies.txt >"$OUT/build.log" 2>&1); then
    echo "dependency check FAILED: the build that lists the dependencies failed (log: $OUT/build.log)" >&2
    tail -n 20 "$OUT/build.log" >&2
    exit 2
  fi
fi
python3 -c '
import re, sys
seen = set()
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        m = re.search(r"^\s*([\w.\-]+):([\w.\-]+):(?:jar|war|ejb|pom)(?::[\w.\-]+)?:([\w.\-]+):(compile|runtime)", line)
        if m and not m.group(1).startswith("ai.seed"):
            seen.add("%s:%s %s" % m.group(1, 2, 3))
if not seen:
    sys.exit("dependency check FAILED: the listings name no library: " + " ".join(sys.argv[1:]))
print("\n".join(sorted(seen)))' "${listings[@]}" >"$OUT/dependencies.txt"
echo "$(wc -l <"$OUT/dependencies.txt") third-party libraries shipped (list: $OUT/dependencies.txt)"

if [ -z "${SEED_OSV_DIR:-}" ] || [ ! -d "$SEED_OSV_DIR" ]; then
  echo "NOT CHECKED: no OSV advisory data on this machine (set SEED_OSV_DIR); see docs/RELIABILITY.md"
  [ "${1:-}" = --require-data ] && exit 3
  exit 0
fi
python3 "$ROOT/scripts/security/osv_match.py" "$SEED_OSV_DIR" "$OUT/dependencies.txt" | tee "$OUT/findings.txt"
