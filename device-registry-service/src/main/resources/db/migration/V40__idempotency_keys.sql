-- Idempotency-Key (package idempotency): the first successful answer to a request carrying a key,
-- kept per tenant and key for a retention, so that a retry gets the same answer instead of
-- creating again. A row without response_status is a claim: the request is still running.
CREATE TABLE idempotency_keys (
    tenant_id        varchar(64)  NOT NULL REFERENCES tenants (id),
    idempotency_key  varchar(255) NOT NULL,
    -- Who runs the request; a claim taken over after its lease ran out cannot be completed by the
    -- request that lost it.
    claim_token      uuid         NOT NULL,
    claimed_at       timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    -- SHA-256 of method, path, query, content type and body; null while the request runs.
    request_hash     bytea,
    response_status  integer,
    -- The answer's Content-Type, Location and ETag, to send again on a replay.
    response_headers jsonb,
    response_body    bytea,
    PRIMARY KEY (tenant_id, idempotency_key)
);

-- The cleanup job's query: keys past their retention.
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
