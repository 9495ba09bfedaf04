-- Notification channels of a tenant (feature "channel"). The signing secret of a webhook is kept
-- readable, not hashed: the notification feature signs every body with it.
CREATE TABLE alert_channels (
    id         uuid         PRIMARY KEY,
    tenant_id  varchar(64)  NOT NULL,
    name       varchar(200) NOT NULL,
    kind       varchar(16)  NOT NULL CHECK (kind IN ('WEBHOOK', 'SLACK', 'EMAIL')),
    url        varchar(2048),
    secret     varchar(200),
    recipients text[]       NOT NULL DEFAULT '{}',
    version    bigint       NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL
);

CREATE INDEX alert_channels_by_tenant ON alert_channels (tenant_id, id);
