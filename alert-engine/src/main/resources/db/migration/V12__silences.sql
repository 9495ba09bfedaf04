-- Silences (maintenance windows): alerts they cover are recorded but not notified. A group scope
-- is resolved to its devices when the silence is created, so device_ids holds them; group_name
-- only records what the operator asked for.
CREATE TABLE silence (
  id         uuid PRIMARY KEY,
  tenant_id  text NOT NULL,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL,
  rule_id    text,
  group_name text,
  device_ids text[] NOT NULL DEFAULT '{}',
  comment    text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT silence_window CHECK (ends_at > starts_at)
);

CREATE INDEX silence_by_tenant_end ON silence (tenant_id, ends_at);
