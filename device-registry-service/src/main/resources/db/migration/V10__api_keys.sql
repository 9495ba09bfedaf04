-- Operators' API keys (the auth package). A key is presented as iotk_<id>_<secret>; only a SHA-256
-- of the secret is stored (docs/adr/0008-operator-authentication.md).
--
-- Unlike the other tables, the primary key is the id alone: the token endpoint looks a key up
-- before it knows the tenant (the key names none). Every other query filters by tenant, through the
-- (tenant_id, id) index, so an admin still never sees another tenant's keys.
CREATE TABLE api_keys (
    id           varchar(32)  PRIMARY KEY CHECK (id ~ '^[0-9a-f]{24}$'),
    tenant_id    varchar(64)  NOT NULL REFERENCES tenants (id),
    name         varchar(200) NOT NULL,
    role         varchar(16)  NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    secret_hash  bytea        NOT NULL CHECK (length(secret_hash) = 32),
    created_at   timestamptz  NOT NULL,
    created_by   varchar(200) NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE UNIQUE INDEX api_keys_tenant_idx ON api_keys (tenant_id, id);
