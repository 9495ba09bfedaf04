-- Alert instances of the lifecycle feature: one row per alert (AlertEvent.alertId) and tenant.
-- The id is derived from the tenant and the alertId (a name-based UUID), so that the REST path
-- carries a URL-safe id and a replayed event finds its row without a lookup table.
CREATE TABLE alert (
  id               uuid PRIMARY KEY,
  tenant_id        text NOT NULL,
  alert_key        text NOT NULL,
  rule_id          text NOT NULL,
  rule_version     bigint NOT NULL,
  rule_name        text NOT NULL,
  severity         text NOT NULL,
  device_id        text NOT NULL,
  state            text NOT NULL,
  metric           text,
  value            double precision,
  reason           text NOT NULL,
  fired_at         timestamptz NOT NULL,
  resolved_at      timestamptz,
  resolved_reason  text,
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  acknowledge_note text,
  silence_id       uuid,
  updated_at       timestamptz NOT NULL,
  CONSTRAINT alert_key_per_tenant UNIQUE (tenant_id, alert_key)
);

CREATE INDEX alert_by_tenant_fired ON alert (tenant_id, fired_at DESC, id DESC);
CREATE INDEX alert_by_tenant_rule ON alert (tenant_id, rule_id, fired_at DESC);
CREATE INDEX alert_by_tenant_device ON alert (tenant_id, device_id, fired_at DESC);

-- The history of each alert. Rows of Kafka events carry the event id, unique per alert (so per
-- tenant), which makes a replayed event a no-op; rows of operators' acknowledgements have none.
CREATE TABLE alert_transition (
  id         bigserial PRIMARY KEY,
  alert_id   uuid NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
  event_id   text,
  kind       text NOT NULL,
  at         timestamptz NOT NULL,
  actor      text,
  note       text,
  silence_id uuid,
  CONSTRAINT alert_transition_event_once UNIQUE (alert_id, event_id)
);

CREATE INDEX alert_transition_by_alert ON alert_transition (alert_id, id);
