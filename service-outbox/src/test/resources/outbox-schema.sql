-- The outbox table as the services' own migrations create it (device-registry-service and
-- alert-engine, V2__outbox.sql); the tests of this module create it from here.
CREATE TABLE outbox (
    id            bigserial    PRIMARY KEY,
    aggregate_key varchar(200) NOT NULL,
    topic         varchar(249) NOT NULL,
    record_key    varchar(200) NOT NULL,
    payload       bytea,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    published_at  timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
