-- Device types are announced on iot.device-types.v1 (DeviceTypeSnapshot) like devices on
-- iot.devices.v1: a version that grows with every change, so consumers keep the newest snapshot.
ALTER TABLE device_types ADD COLUMN version bigint NOT NULL DEFAULT 0;
-- The default serves rows inserted without it (as tests and scripts do); the service sets it.
ALTER TABLE device_types ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE device_types SET updated_at = created_at;

-- Types created before the topic existed are announced once, so consumers learn every type without
-- waiting for its next change. The JSON is the one DeviceTypeSnapshotJson writes (metrics holds
-- {unit, min, max} objects already).
INSERT INTO outbox (aggregate_key, topic, record_key, payload)
SELECT 'device-type:' || tenant_id || '/' || name,
       'iot.device-types.v1',
       tenant_id || '/' || name,
       convert_to(
           jsonb_build_object(
               'tenantId', tenant_id,
               'name', name,
               'metrics', metrics,
               'version', version,
               'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
           )::text,
           'UTF8')
FROM device_types
ORDER BY tenant_id, name;
