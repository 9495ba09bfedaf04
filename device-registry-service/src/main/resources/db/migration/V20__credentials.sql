-- Device credentials: X.509 client certificates signed by the platform CA, and bearer tokens.
-- No secret is stored: a certificate by its serial and SHA-256 thumbprint (its private key never
-- leaves the device), a token by its Argon2id hash. Rows are never updated but to end them
-- (revoked_at, replaced_by) and stay after revocation, for the listing.
CREATE TABLE credentials (
    tenant_id   varchar(64)  NOT NULL,
    id          uuid         NOT NULL,
    device_id   varchar(64)  COLLATE "C" NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('CERTIFICATE', 'TOKEN')),
    -- Certificates: serial in lower-case hex, thumbprint = hex SHA-256 of the DER encoding.
    serial      varchar(64),
    thumbprint  varchar(64),
    not_before  timestamptz,
    -- Certificates: notAfter (inclusive); tokens: an optional expiry.
    expires_at  timestamptz,
    -- Tokens: Argon2id in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
    token_hash  varchar(255),
    created_at  timestamptz  NOT NULL,
    -- From this instant on the credential is no longer valid: the time of a revocation, or the end
    -- of the overlap window of a rotation (then in the future until it passes).
    revoked_at  timestamptz,
    -- The credential that replaced this one in a rotation.
    replaced_by uuid,
    PRIMARY KEY (tenant_id, id),
    -- Deleting a device deletes its credentials; its tombstone on iot.devices.v1 tells the bridge.
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE,
    CHECK (kind <> 'CERTIFICATE'
           OR (serial IS NOT NULL AND thumbprint IS NOT NULL AND not_before IS NOT NULL
               AND expires_at IS NOT NULL AND token_hash IS NULL)),
    CHECK (kind <> 'TOKEN' OR (token_hash IS NOT NULL AND serial IS NULL AND thumbprint IS NULL))
);

-- A device's credentials, oldest first: the listing and every device snapshot.
CREATE INDEX credentials_device_idx ON credentials (tenant_id, device_id, created_at);

-- Serials are the CA's namespace, not a tenant's: one CA signs for every tenant, and a serial must
-- name one certificate (random 128 bits make a clash unlikely; this makes it impossible).
CREATE UNIQUE INDEX credentials_serial_idx ON credentials (serial) WHERE serial IS NOT NULL;
