-- Alert rules of a tenant (feature "rule"). scope and condition hold the REST shapes as JSONB (the
-- condition already expanded from its shorthand); device_ids are the devices a DEVICE or GROUP
-- scope names (a group's members as resolved when the rule was saved), for the deviceId filter.
CREATE TABLE alert_rules (
    id           uuid         PRIMARY KEY,
    tenant_id    varchar(64)  NOT NULL,
    name         varchar(200) NOT NULL,
    description  varchar(2000),
    scope        jsonb        NOT NULL,
    device_ids   text[]       NOT NULL DEFAULT '{}',
    condition    jsonb        NOT NULL,
    severity     varchar(16)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    cooldown_ms  bigint       NOT NULL CHECK (cooldown_ms >= 0),
    enabled      boolean      NOT NULL,
    version      bigint       NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL
);

CREATE INDEX alert_rules_by_tenant ON alert_rules (tenant_id, id);
CREATE INDEX alert_rules_by_device ON alert_rules USING gin (device_ids);

-- The channels a rule notifies, in the rule's order. RESTRICT: a channel in use cannot be deleted
-- (the channel feature answers 409), whatever races with it.
CREATE TABLE alert_rule_channels (
    rule_id    uuid NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    channel_id uuid NOT NULL REFERENCES alert_channels (id) ON DELETE RESTRICT,
    position   int  NOT NULL,
    PRIMARY KEY (rule_id, channel_id)
);

CREATE INDEX alert_rule_channels_by_channel ON alert_rule_channels (channel_id);
