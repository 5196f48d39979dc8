-- pgvector is created by the database set-up as superuser (the extension is not trusted);
-- this statement only checks that it is there and fails the migration loudly if it is not.
CREATE EXTENSION IF NOT EXISTS vector;
