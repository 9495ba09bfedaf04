-- The search's q (a case-insensitive substring of id or name) as trigram indexes, so that it reads
-- the matching rows instead of every device of the tenant. pg_trgm ships with PostgreSQL and is a
-- trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX devices_id_trgm_idx ON devices USING gin (lower(id) gin_trgm_ops);
CREATE INDEX devices_name_trgm_idx ON devices USING gin (lower(name) gin_trgm_ops);
