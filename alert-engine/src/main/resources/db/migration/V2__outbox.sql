-- The transactional outbox of the rules feature: a rule change and the record that announces it
-- commit together; the relay (outbox.OutboxRelay) sends unpublished rows to Kafka in id order, then
-- sets published_at. Same shape as the registry's outbox.
CREATE TABLE outbox (
    id            bigserial    PRIMARY KEY,
    aggregate_key varchar(200) NOT NULL,
    topic         varchar(249) NOT NULL,
    record_key    varchar(200) NOT NULL,
    -- Null is a Kafka tombstone (a deleted rule on the compacted topic).
    payload       bytea,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    published_at  timestamptz
);

-- The relay's only query: the oldest unpublished rows.
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
