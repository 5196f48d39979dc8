#!/usr/bin/env bash
# Idempotent PostgreSQL 15 + pgvector set-up for a fresh Debian 12 machine (run as root).
#
#   scripts/setup-postgres.sh [database ...]
#
# Installs PostgreSQL 15 when missing, builds pgvector 0.8.0 from Debian trixie's source
# package when the extension is missing (bookworm does not package it), starts the local
# cluster, creates the application role and each named database (default: seed) and
# creates the `vector` extension in it as superuser (the extension is not "trusted", so the
# application role could not do it from a migration).
#
# The role's password is generated on first use and kept in ~/.config/seed/db.env (mode 600);
# SEED_DB_PASSWORD overrides it. No default password exists anywhere.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/lib/common.sh
. "$ROOT/scripts/lib/common.sh"

PG_MAJOR=15
PGVECTOR_VERSION=0.8.0
DATABASES=("$@")
[ ${#DATABASES[@]} -gt 0 ] || DATABASES=("${SEED_DB_NAME:-seed}")

[ "$(id -u)" -eq 0 ] || die "run this as root: it installs packages and manages the PostgreSQL cluster"

apt_updated=0
apt_install() {
  if [ $apt_updated -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_postgres() {
  if dpkg -s "postgresql-$PG_MAJOR" >/dev/null 2>&1; then return; fi
  log "installing PostgreSQL $PG_MAJOR"
  apt_install "postgresql-$PG_MAJOR" postgresql-contrib
}

install_pgvector() {
  local control="/usr/share/postgresql/$PG_MAJOR/extension/vector.control"
  if [ -f "$control" ] && grep -q "default_version = '$PGVECTOR_VERSION'" "$control"; then return; fi
  log "building pgvector $PGVECTOR_VERSION from Debian's source package"
  apt_install "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev ca-certificates
  local list=/etc/apt/sources.list.d/seed-trixie-src.sources
  if [ ! -f "$list" ]; then
    cat >"$list" <<SRC
# Added by Seed's setup-postgres.sh: source packages only (pgvector is not in bookworm).
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  apt-get update -qq
  local work; work=$(mktemp -d)
  (cd "$work" && apt-get source --download-only -qq "pgvector=$PGVECTOR_VERSION-*" >/dev/null 2>&1 \
      || apt-get source --download-only -qq pgvector >/dev/null)
  local orig="$work/pgvector_${PGVECTOR_VERSION}.orig.tar.gz"
  [ -f "$orig" ] || die "pgvector $PGVECTOR_VERSION source not found (got: $(ls "$work"))"
  tar -xzf "$orig" -C "$work"
  make -s -C "$work/pgvector-$PGVECTOR_VERSION" PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >/dev/null
  make -s -C "$work/pgvector-$PGVECTOR_VERSION" PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" install >/dev/null
  rm -rf "$work"
}

start_cluster() {
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PG_MAJOR main"; then
    pg_createcluster "$PG_MAJOR" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $PG_MAJOR"
    pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "${SEED_DB_PORT:-5432}" && return; sleep 1; done
  die "PostgreSQL did not become ready on port ${SEED_DB_PORT:-5432}"
}

psql_super() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAtX $*"; }

create_role_and_databases() {
  local user=${SEED_DB_USER:-seed}
  local password; password=$(db_password)
  # The application role owns its schema but is no superuser and cannot bypass row-level security.
  if [ "$(psql_super "-c \"SELECT 1 FROM pg_roles WHERE rolname='$user'\"")" != 1 ]; then
    psql_super "-c \"CREATE ROLE \\\"$user\\\" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB\""
  fi
  printf "ALTER ROLE \"%s\" PASSWORD '%s';\n" "$user" "$password" | su postgres -c "psql -v ON_ERROR_STOP=1 -qAtX" >/dev/null
  for db in "${DATABASES[@]}"; do
    if [ "$(psql_super "-c \"SELECT 1 FROM pg_database WHERE datname='$db'\"")" != 1 ]; then
      psql_super "-c \"CREATE DATABASE \\\"$db\\\" OWNER \\\"$user\\\"\""
    fi
    psql_super "-d \"$db\" -c \"SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS vector\""
  done
}

install_postgres
install_pgvector
start_cluster
create_role_and_databases
log "PostgreSQL $PG_MAJOR with pgvector $(psql_super "-d ${DATABASES[0]} -c \"SELECT extversion FROM pg_extension WHERE extname='vector'\"") ready: databases ${DATABASES[*]}"
