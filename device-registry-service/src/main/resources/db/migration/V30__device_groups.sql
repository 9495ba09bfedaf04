-- Device groups (feature "group"). A static group lists its members in device_group_members; a
-- dynamic group keeps a filter (jsonb) that queries evaluate against devices when they run, so a
-- dynamic group never holds stale members.

CREATE TABLE device_groups (
    tenant_id   varchar(64)  NOT NULL REFERENCES tenants (id),
    id          uuid         NOT NULL,
    -- Bytewise order (COLLATE "C") for the list's keyset cursor, as for device ids.
    name        varchar(64)  COLLATE "C" NOT NULL CHECK (name ~ '^[A-Za-z0-9._-]{1,64}$'),
    description varchar(500),
    kind        varchar(16)  NOT NULL CHECK (kind IN ('STATIC', 'DYNAMIC')),
    -- {"type", "labels", "firmwareVersion", "locationBox": {"minLat", "maxLat", "minLon", "maxLon"}}
    filter      jsonb,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL,
    PRIMARY KEY (tenant_id, id),
    -- Decides duplicates, so that two concurrent creates of one name give one 201 and one 409.
    UNIQUE (tenant_id, name),
    CHECK ((kind = 'DYNAMIC') = (filter IS NOT NULL))
);

-- Both foreign keys cascade: deleting a device or a group removes its memberships.
CREATE TABLE device_group_members (
    tenant_id varchar(64) NOT NULL,
    group_id  uuid        NOT NULL,
    device_id varchar(64) COLLATE "C" NOT NULL,
    added_at  timestamptz NOT NULL,
    -- Also the index of "devices of a group after this id", read in cursor order.
    PRIMARY KEY (tenant_id, group_id, device_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES device_groups (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

-- Deleting a device finds its memberships through this index instead of scanning the table.
CREATE INDEX device_group_members_device_idx ON device_group_members (tenant_id, device_id);

-- The location box of dynamic groups and of the device search: a range on lat, then lon.
CREATE INDEX devices_location_idx ON devices (tenant_id, lat, lon) WHERE lat IS NOT NULL;
