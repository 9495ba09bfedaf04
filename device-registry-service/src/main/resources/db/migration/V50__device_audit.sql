-- The audit history of devices (audit.AuditTrail): one row per change, written in the change's
-- transaction. No foreign key to devices: the history of a deleted device stays readable.
CREATE TABLE device_audit (
    id         bigserial    PRIMARY KEY,
    tenant_id  varchar(64)  NOT NULL REFERENCES tenants (id),
    device_id  varchar(64)  COLLATE "C" NOT NULL,
    at         timestamptz  NOT NULL,
    actor      varchar(200) NOT NULL,
    action     varchar(64)  NOT NULL,
    details    jsonb        NOT NULL DEFAULT '{}'
);

-- The history's only query: one device's rows, newest first, from a cursor.
CREATE INDEX device_audit_device_idx ON device_audit (tenant_id, device_id, id);
