-- Every row belongs to a tenant, and every query filters by it: a caller never sees another
-- tenant's rows, and every index starts with tenant_id.

CREATE TABLE tenants (
    id         varchar(64)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO tenants (id, name) VALUES ('default', 'Default tenant');

-- metrics: {"temperature": {"unit": "Cel", "min": -40, "max": 85}, ...}
CREATE TABLE device_types (
    tenant_id  varchar(64)  NOT NULL REFERENCES tenants (id),
    name       varchar(64)  NOT NULL,
    metrics    jsonb        NOT NULL DEFAULT '{}',
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- Ids compare bytewise (COLLATE "C") so that the keyset cursor (id > last id, ORDER BY id) walks
-- the primary key index in the same order on every server, whatever its locale.
CREATE TABLE devices (
    tenant_id        varchar(64)  NOT NULL REFERENCES tenants (id),
    id               varchar(64)  COLLATE "C" NOT NULL CHECK (id ~ '^[A-Za-z0-9._-]{1,64}$'),
    type             varchar(64)  NOT NULL,
    name             varchar(200),
    labels           jsonb        NOT NULL DEFAULT '{}',
    lat              double precision CHECK (lat BETWEEN -90 AND 90),
    lon              double precision CHECK (lon BETWEEN -180 AND 180),
    metadata         jsonb        NOT NULL DEFAULT '{}',
    firmware_version varchar(64),
    status           varchar(16)  NOT NULL CHECK (status IN ('ONLINE', 'OFFLINE')),
    last_seen        timestamptz,
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- RESTRICT backs the service's own check: a type in use cannot disappear under a device.
    FOREIGN KEY (tenant_id, type) REFERENCES device_types (tenant_id, name) ON DELETE RESTRICT,
    CHECK ((lat IS NULL) = (lon IS NULL))
);

-- The search filters; each ends with id so that a filtered page is read in cursor order.
CREATE INDEX devices_type_idx ON devices (tenant_id, type, id);
CREATE INDEX devices_status_idx ON devices (tenant_id, status, id);
CREATE INDEX devices_firmware_idx ON devices (tenant_id, firmware_version, id);
CREATE INDEX devices_last_seen_idx ON devices (tenant_id, last_seen);
-- label=key:value is answered with labels @> '{"key":"value"}'.
CREATE INDEX devices_labels_idx ON devices USING gin (labels jsonb_path_ops);
