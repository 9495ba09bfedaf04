package org.iotplatform.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The value of a record on {@link KafkaTopics#DEVICES} (compacted): the state of one device after a
 * change, written by the registry. The key is the device id (UTF-8); the value is this record as
 * UTF-8 JSON:
 *
 * <pre>{"tenantId":"default","deviceId":"thermo-1","type":"thermometer","name":"Kitchen",
 * "labels":{"site":"berlin"},"firmwareVersion":"2.4.1","status":"OFFLINE","version":3,
 * "updatedAt":"2024-11-22T13:00:00Z","credentials":[{"id":"6f1c...","kind":"CERTIFICATE",
 * "serial":"7a3e...","thumbprint":"9b2d...","tokenHash":null,"notBefore":"2024-11-22T12:55:00Z",
 * "notAfter":"2025-11-22T12:55:00Z","revokedAt":null}]}</pre>
 *
 * <p>A deleted device is a tombstone: the key with a null value. Delivery is at least once, in
 * order per device; a consumer keeps the snapshot with the highest {@code version} and ignores an
 * older or equal one it sees again. Every change of a device's credentials is a change of the
 * device: it raises {@code version} and writes a new snapshot.
 *
 * <p><b>Credentials are an allow-list.</b> A device may authenticate only with a credential listed
 * in its latest snapshot and valid at that moment ({@link CredentialCheck}). A credential not
 * listed is not valid, whatever its certificate chain says: that is how a deleted device's or a
 * long-revoked credential is refused. Credentials that ended (revoked or expired) more than 30 days
 * before {@code updatedAt} are left out, which keeps the record small.
 *
 * <p>Compatibility: {@code credentials} was added after the other fields; a record written before
 * it reads as an empty list, and a consumer that does not know the field may ignore it.
 *
 * @param tenantId the tenant the device belongs to
 * @param deviceId the device id, as in {@link DeviceTopic}; equal to the record key
 * @param type the device type's name
 * @param name a display name, or null
 * @param labels label key to value
 * @param firmwareVersion the firmware version last recorded, or null
 * @param status {@code ONLINE} or {@code OFFLINE}
 * @param version the registry's row version: grows with every change of the device
 * @param updatedAt when the device last changed, ISO-8601
 * @param credentials the device's credentials, oldest first (see above)
 */
public record DeviceSnapshot(
    String tenantId,
    String deviceId,
    String type,
    @Nullable String name,
    Map<String, String> labels,
    @Nullable String firmwareVersion,
    String status,
    long version,
    Instant updatedAt,
    List<Credential> credentials) {

  public DeviceSnapshot {
    labels = Map.copyOf(labels);
    // Null when a record written before credentials were added is read.
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
  }

  /**
   * One credential of a device, without any secret: a certificate by its fingerprint, a token by
   * its slow hash.
   *
   * <p>A credential is valid at an instant {@code t} when {@code notBefore <= t <= notAfter}
   * (either bound absent means open; inclusive as in X.509) and {@code revokedAt} is absent or
   * later than {@code t}. {@link CredentialCheck} implements exactly this.
   *
   * @param id the registry's id of the credential (a UUID)
   * @param kind {@link #CERTIFICATE} or {@link #TOKEN}; a consumer refuses kinds it does not know
   * @param serial a certificate's serial number, lower-case hex without leading zeros; null for a
   *     token
   * @param thumbprint a certificate's SHA-256 fingerprint: lower-case hex of the SHA-256 of its DER
   *     encoding ({@link CredentialCheck#thumbprint(byte[])}); null for a token
   * @param tokenHash a token's Argon2id hash in the PHC string format ({@code
   *     $argon2id$v=19$m=...,t=...,p=...$salt$hash}, parameters included; Spring Security's {@code
   *     Argon2PasswordEncoder.matches} verifies it); null for a certificate
   * @param notBefore the start of a certificate's validity; null for a token
   * @param notAfter the end of the validity, inclusive: a certificate's notAfter, or a token's
   *     expiry; null for a token that does not expire
   * @param revokedAt null, or the instant from which the registry withdrew the credential: when it
   *     was revoked, or the end of the overlap window when it was replaced (then possibly in the
   *     future: both credentials work until then)
   */
  public record Credential(
      String id,
      String kind,
      @Nullable String serial,
      @Nullable String thumbprint,
      @Nullable String tokenHash,
      @Nullable Instant notBefore,
      @Nullable Instant notAfter,
      @Nullable Instant revokedAt) {

    /** {@link #kind()} of an X.509 client certificate issued by the platform CA. */
    public static final String CERTIFICATE = "CERTIFICATE";

    /** {@link #kind()} of a bearer token (MQTT password). */
    public static final String TOKEN = "TOKEN";
  }
}
