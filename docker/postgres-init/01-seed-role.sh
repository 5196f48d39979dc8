#!/bin/bash
# Runs once, when the database volume is first created: the pgvector extension (superuser only)
# and the application role, which owns its schema but is no superuser and cannot bypass RLS.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_user="$SEED_DB_USER" -v app_password="$SEED_DB_PASSWORD" <<'SQL'
CREATE EXTENSION IF NOT EXISTS vector;
CREATE ROLE :"app_user" LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :'app_password';
GRANT ALL ON SCHEMA public TO :"app_user";
ALTER DATABASE seed OWNER TO :"app_user";
SQL
