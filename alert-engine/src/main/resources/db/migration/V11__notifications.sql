-- Notifications: one row per alert event and channel, written in the alert's transaction
-- (nothing is lost when the service crashes before sending), gathered into deliveries: one
-- message per (tenant, rule, channel) and group window, retried until sent or dead.
CREATE TABLE notification_delivery (
  id              uuid PRIMARY KEY,
  tenant_id       text NOT NULL,
  rule_id         text NOT NULL,
  channel_id      text NOT NULL,
  channel_kind    text NOT NULL,
  target          jsonb NOT NULL,
  message         jsonb NOT NULL,
  state           text NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  locked_until    timestamptz,
  last_error      text,
  first_event_at  timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz
);

CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at)
  WHERE state = 'PENDING';

CREATE TABLE notification (
  id           bigserial PRIMARY KEY,
  alert_id     uuid NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
  alert_key    text NOT NULL,
  event_kind   text NOT NULL,
  event_at     timestamptz NOT NULL,
  tenant_id    text NOT NULL,
  rule_id      text NOT NULL,
  rule_name    text NOT NULL,
  severity     text NOT NULL,
  device_id    text NOT NULL,
  metric       text,
  value        double precision,
  reason       text NOT NULL,
  channel_id   text NOT NULL,
  channel_kind text NOT NULL,
  target       jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  delivery_id  uuid REFERENCES notification_delivery (id),
  CONSTRAINT notification_once UNIQUE (alert_id, event_kind, channel_id)
);

CREATE INDEX notification_waiting ON notification (tenant_id, rule_id, channel_id, id)
  WHERE delivery_id IS NULL;
CREATE INDEX notification_by_alert ON notification (alert_id, id);
CREATE INDEX notification_by_delivery ON notification (delivery_id, id);

-- The current group window of each (tenant, rule, channel): until it ends, new notifications
-- wait and then leave together in one message.
CREATE TABLE notification_group (
  tenant_id      text NOT NULL,
  rule_id        text NOT NULL,
  channel_id     text NOT NULL,
  window_ends_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, rule_id, channel_id)
);
