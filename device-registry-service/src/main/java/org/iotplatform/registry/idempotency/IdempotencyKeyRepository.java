package org.iotplatform.registry.idempotency;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table {@code idempotency_keys} (migration V40). Every statement runs on its own
 * (auto-commit): a claim must be visible to a concurrent retry at once, not when the request's work
 * commits.
 */
@Repository
class IdempotencyKeyRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private final JdbcTemplate jdbc;

  IdempotencyKeyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The answer stored for a key.
   *
   * @param requestHash the fingerprint of the request that got it
   * @param status the HTTP status
   * @param headers the headers to send again (Content-Type, Location, ETag)
   * @param body the body
   */
  record StoredResponse(byte[] requestHash, int status, Map<String, String> headers, byte[] body) {}

  /** A key someone holds: still running (no response yet) or answered. */
  record Held(@Nullable StoredResponse response) {}

  /**
   * Claims the key unless another request holds it: the key is new, past its retention, or its
   * request is unanswered and was claimed before {@code staleBefore} (its registry is taken for
   * dead). One statement, so of concurrent claims exactly one succeeds.
   *
   * @return the claim's token, or null when another request holds the key
   */
  @Nullable UUID claim(
      String tenant, String key, Instant now, Instant staleBefore, Instant expiresAt) {
    UUID token = UUID.randomUUID();
    List<UUID> claimed =
        jdbc.query(
            """
            INSERT INTO idempotency_keys AS k
                (tenant_id, idempotency_key, claim_token, claimed_at, expires_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, idempotency_key) DO UPDATE SET
                claim_token = EXCLUDED.claim_token,
                claimed_at = EXCLUDED.claimed_at,
                expires_at = EXCLUDED.expires_at,
                request_hash = NULL,
                response_status = NULL,
                response_headers = NULL,
                response_body = NULL
            WHERE k.expires_at <= EXCLUDED.claimed_at
               OR (k.response_status IS NULL AND k.claimed_at < ?)
            RETURNING claim_token
            """,
            (rs, i) -> rs.getObject(1, UUID.class),
            tenant,
            key,
            token,
            at(now),
            at(expiresAt),
            at(staleBefore));
    return claimed.isEmpty() ? null : claimed.get(0);
  }

  /** Who holds the key, or null when nobody does (it was deleted since the claim failed). */
  @Nullable Held find(String tenant, String key) {
    List<Held> held =
        jdbc.query(
            "SELECT request_hash, response_status, response_headers::text AS headers,"
                + " response_body FROM idempotency_keys"
                + " WHERE tenant_id = ? AND idempotency_key = ?",
            (rs, i) -> {
              int status = rs.getInt("response_status");
              if (rs.wasNull()) {
                return new Held(null);
              }
              return new Held(
                  new StoredResponse(
                      rs.getBytes("request_hash"),
                      status,
                      JSON.readValue(rs.getString("headers"), HEADERS),
                      rs.getBytes("response_body")));
            },
            tenant,
            key);
    return held.isEmpty() ? null : held.get(0);
  }

  /** Stores the answer, unless the claim was taken over meanwhile. */
  void complete(String tenant, String key, UUID token, StoredResponse response) {
    jdbc.update(
        "UPDATE idempotency_keys SET request_hash = ?, response_status = ?,"
            + " response_headers = ?::jsonb, response_body = ?"
            + " WHERE tenant_id = ? AND idempotency_key = ? AND claim_token = ?",
        response.requestHash(),
        response.status(),
        JSON.writeValueAsString(response.headers()),
        response.body(),
        tenant,
        key,
        token);
  }

  /** Gives the key up, so that a retry runs again; a claim taken over meanwhile stays. */
  void release(String tenant, String key, UUID token) {
    jdbc.update(
        "DELETE FROM idempotency_keys WHERE tenant_id = ? AND idempotency_key = ?"
            + " AND claim_token = ?",
        tenant,
        key,
        token);
  }

  /** Deletes the keys past their retention; returns how many. */
  int deleteExpired(Instant now) {
    return jdbc.update("DELETE FROM idempotency_keys WHERE expires_at <= ?", at(now));
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
