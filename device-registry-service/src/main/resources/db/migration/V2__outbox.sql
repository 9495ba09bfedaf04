-- The transactional outbox: a change and the record that announces it commit together, and the
-- relay (outbox.OutboxRelay) sends unpublished rows to Kafka in id order, then sets published_at.
-- Not per tenant like the other tables: it is the registry's own queue, and aggregate_key names
-- the tenant and the device.
CREATE TABLE outbox (
    id            bigserial    PRIMARY KEY,
    aggregate_key varchar(200) NOT NULL,
    topic         varchar(249) NOT NULL,
    record_key    varchar(200) NOT NULL,
    -- Null is a Kafka tombstone (a deleted device on the compacted topic).
    payload       bytea,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    published_at  timestamptz
);

-- The relay's only query: the oldest unpublished rows.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
