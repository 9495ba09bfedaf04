-- A device id names the device on the broker and in Kafka, where no tenant appears: the MQTT topic
-- devices/{id}/..., the record key of every topic, the subject of its certificate. Two tenants
-- holding the same id would share one topic tree, so ids are unique across the platform
-- (docs/adr/0007-device-ids-unique-across-tenants.md). The primary key stays (tenant_id, id): every
-- query still filters by tenant first.
CREATE UNIQUE INDEX devices_id_unique ON devices (id);
