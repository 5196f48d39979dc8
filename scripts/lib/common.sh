# Shared helpers for Seed's scripts (sourced, not run).
# shellcheck shell=bash

SEED_STATE_DIR=${SEED_STATE_DIR:-"$ROOT/.seed"}
# Secrets live outside the checkout, so every clone on this machine uses the same role password.
SEED_SECRETS_DIR=${SEED_SECRETS_DIR:-"${HOME:-/root}/.config/seed"}

log() { printf '[seed] %s\n' "$*" >&2; }
die() { printf '[seed] error: %s\n' "$*" >&2; exit 1; }

# The database password: SEED_DB_PASSWORD if set, else the one generated on first use.
db_password() {
  if [ -n "${SEED_DB_PASSWORD:-}" ]; then printf '%s' "$SEED_DB_PASSWORD"; return; fi
  local file="$SEED_SECRETS_DIR/db.env"
  if [ ! -f "$file" ]; then
    mkdir -p "$SEED_SECRETS_DIR"; chmod 700 "$SEED_SECRETS_DIR"
    (umask 177; printf 'SEED_DB_PASSWORD=%s\n' "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" >"$file")
  fi
  sed -n 's/^SEED_DB_PASSWORD=//p' "$file"
}

# Every JVM that may load DJL must neither phone home nor download libtorch.
export OPT_OUT_TRACKING=true
export DJL_OFFLINE=true
