#!/usr/bin/env bash
# Fails when a secret shows up in a server log: API keys (their full form), password hashes,
# the test suite's fixed passwords and model API key. Run by scripts/test.sh after the tests,
# over the logs of every server they started.
#   scripts/scan-logs-for-secrets.sh [log files or folders ...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("$ROOT/ear/target/server/standalone/log" "$ROOT/.seed/smoke/server/standalone/log")
patterns=(
  'seed_[a-z0-9]{8}_[A-Za-z0-9]{40}'          # a partner API key
  'PBKDF2WithHmacSHA256:[0-9]+:'              # a password hash
  'it-admin-password-4711'                    # the test platform admin's password
  'sk-test-never-logged-4242'                 # the large-VLM API key the tests configure
  'SEED_DB_PASSWORD='                         # the database password file's content
)
found=0
files=0
for t in "${targets[@]}"; do
  [ -e "$t" ] || continue
  while IFS= read -r -d '' f; do
    files=$((files + 1))
    for p in "${patterns[@]}"; do
      if grep -Eq "$p" "$f"; then
        echo "SECRET in $f: pattern '$p' ($(grep -Ec "$p" "$f") line(s))"
        found=$((found + 1))
      fi
    done
  done < <(find "$t" -type f -name '*.log*' -print0)
done
[ "$files" -gt 0 ] || { echo "log scan: no log files found"; exit 1; }
echo "scanned $files log file(s)"
echo "secrets: $((files * ${#patterns[@]} - found)) passed, $found failed"
[ "$found" -eq 0 ]
