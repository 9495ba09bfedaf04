-- The registry's devices and device types as its compacted topics iot.devices.v1 and
-- iot.device-types.v1 tell them (feature "directory"), so that rules naming unknown devices or
-- metrics are refused without asking the registry. Only what the checks need is kept.
CREATE TABLE directory_devices (
    device_id  varchar(64)  PRIMARY KEY,
    tenant_id  varchar(64)  NOT NULL,
    type       varchar(200) NOT NULL,
    labels     jsonb        NOT NULL DEFAULT '{}',
    version    bigint       NOT NULL
);

CREATE INDEX directory_devices_by_tenant_type ON directory_devices (tenant_id, type);

-- metrics: the metric names the type declares; empty when it declares none (then any metric goes).
CREATE TABLE directory_device_types (
    tenant_id  varchar(64)  NOT NULL,
    name       varchar(200) NOT NULL,
    metrics    text[]       NOT NULL DEFAULT '{}',
    version    bigint       NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
