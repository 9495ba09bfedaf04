package org.iotplatform.registry.credential;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.audit.AuditActions;
import org.iotplatform.registry.audit.AuditTrail;
import org.iotplatform.registry.credential.internal.CaStore;
import org.iotplatform.registry.credential.internal.CertificateAuthority;
import org.iotplatform.registry.credential.internal.DeviceCsr;
import org.iotplatform.registry.credential.internal.Pem;
import org.iotplatform.registry.device.DeviceManagement;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Credentials of a tenant's devices; every method takes the tenant and touches no other tenant's
 * rows. Every change locks the device first and ends by announcing the device's new snapshot,
 * credentials included, in the same transaction ({@link DeviceManagement#credentialsChanged}).
 */
@Service
public class CredentialManagement {

  private final CredentialRepository repository;
  private final DeviceManagement devices;
  private final CertificateAuthority ca;
  private final Tokens tokens;
  private final CredentialProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  CredentialManagement(
      CredentialRepository repository,
      DeviceManagement devices,
      CertificateAuthority ca,
      Tokens tokens,
      CredentialProperties properties,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.devices = devices;
    this.ca = ca;
    this.tokens = tokens;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** Signs the device's CSR into a client certificate, optionally rotating an older one. */
  @Transactional
  public IssuedCertificate issueCertificate(
      String tenant, String deviceId, CertificateRequest request) {
    devices.lockForCredentialChange(tenant, deviceId);
    DeviceCsr csr = DeviceCsr.parse(request.csr()).requireDevice(deviceId);
    Duration validity =
        CredentialValidation.validity(
            request.validity(), properties.certificateValidity(), properties.maxValidity());
    Duration overlap = overlap(request.replaces(), request.overlap());
    @Nullable CredentialEntity replaced =
        replaced(tenant, deviceId, request.replaces(), CredentialKind.CERTIFICATE);

    // X.509 keeps whole seconds; the stored instants are then exactly the certificate's.
    Instant now = now();
    Instant seconds = now.truncatedTo(ChronoUnit.SECONDS);
    Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
    Instant notAfter = min(seconds.plus(validity), caNotAfter);
    X509Certificate certificate =
        ca.issue(csr, deviceId, seconds.minus(CaStore.BACKDATE), notAfter);
    String serial = certificate.getSerialNumber().toString(16);
    String thumbprint = CredentialCheck.thumbprint(encoded(certificate));
    CredentialEntity credential =
        repository.saveAndFlush(
            CredentialEntity.certificate(
                tenant,
                deviceId,
                serial,
                thumbprint,
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                now));
    @Nullable Instant replacedUntil = endReplaced(replaced, credential, now.plus(overlap));
    devices.credentialsChanged(tenant, deviceId);
    recordIssued(tenant, deviceId, credential, replaced, replacedUntil, Map.of("serial", serial));
    return new IssuedCertificate(
        credential.id(),
        deviceId,
        serial,
        thumbprint,
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        now,
        Pem.of(certificate),
        ca.chain().stream().map(Pem::of).toList(),
        replaced == null ? null : replaced.id(),
        replacedUntil);
  }

  /** Makes a token for the device; the answer is the only place it ever appears. */
  @Transactional
  public IssuedToken issueToken(String tenant, String deviceId, TokenRequest request) {
    devices.lockForCredentialChange(tenant, deviceId);
    @Nullable Duration validity =
        CredentialValidation.optionalValidity(request.validity(), properties.maxValidity());
    Duration overlap = overlap(request.replaces(), request.overlap());
    @Nullable CredentialEntity replaced =
        replaced(tenant, deviceId, request.replaces(), CredentialKind.TOKEN);

    Instant now = now();
    @Nullable Instant notAfter = validity == null ? null : now.plus(validity);
    String token = tokens.generate();
    CredentialEntity credential =
        repository.saveAndFlush(
            CredentialEntity.token(tenant, deviceId, tokens.hash(token), notAfter, now));
    @Nullable Instant replacedUntil = endReplaced(replaced, credential, now.plus(overlap));
    devices.credentialsChanged(tenant, deviceId);
    recordIssued(tenant, deviceId, credential, replaced, replacedUntil, Map.of());
    return new IssuedToken(
        credential.id(),
        deviceId,
        token,
        notAfter,
        now,
        replaced == null ? null : replaced.id(),
        replacedUntil);
  }

  /** The device's credentials, oldest first, without secrets. */
  @Transactional(readOnly = true)
  public List<CredentialResponse> list(String tenant, String deviceId) {
    devices.get(tenant, deviceId);
    Instant now = now();
    return repository.findByTenantIdAndDeviceIdOrderByCreatedAtAscIdAsc(tenant, deviceId).stream()
        .map(credential -> credential.toResponse(now))
        .toList();
  }

  @Transactional(readOnly = true)
  public CredentialResponse get(String tenant, String deviceId, String credentialId) {
    devices.get(tenant, deviceId);
    return find(tenant, deviceId, credentialId).toResponse(now());
  }

  /**
   * Revokes the credential now; a replaced one still in its overlap window stops now too. Revoking
   * a credential that stopped already changes nothing and announces nothing.
   */
  @Transactional
  public void revoke(String tenant, String deviceId, String credentialId) {
    devices.lockForCredentialChange(tenant, deviceId);
    CredentialEntity credential = find(tenant, deviceId, credentialId);
    Instant now = now();
    if (credential.status(now) == CredentialStatus.REVOKED) {
      return;
    }
    credential.revoke(now);
    devices.credentialsChanged(tenant, deviceId);
    audit.record(
        tenant,
        deviceId,
        AuditActions.CREDENTIAL_REVOKED,
        Map.of("credentialId", credential.id(), "kind", credential.kind().name()));
  }

  private void recordIssued(
      String tenant,
      String deviceId,
      CredentialEntity credential,
      @Nullable CredentialEntity replaced,
      @Nullable Instant replacedUntil,
      Map<String, String> more) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("credentialId", credential.id());
    details.put("kind", credential.kind().name());
    details.putAll(more);
    if (replaced != null && replacedUntil != null) {
      details.put("replaces", replaced.id());
      details.put("replacedUntil", replacedUntil.toString());
    }
    audit.record(tenant, deviceId, AuditActions.CREDENTIAL_ISSUED, details);
  }

  private Duration overlap(@Nullable String replaces, @Nullable Duration requested) {
    return CredentialValidation.overlap(
        replaces, requested, properties.rotationOverlap(), properties.maxRotationOverlap());
  }

  /** The credential a rotation replaces: one of this device's, of this kind, not yet revoked. */
  private @Nullable CredentialEntity replaced(
      String tenant, String deviceId, @Nullable String replaces, CredentialKind kind) {
    if (replaces == null) {
      return null;
    }
    return CredentialValidation.credentialId(replaces)
        .flatMap(id -> repository.findByTenantIdAndDeviceIdAndId(tenant, deviceId, id))
        .filter(credential -> credential.kind() == kind && credential.unrevoked())
        .orElseThrow(
            () ->
                new ApiException(
                    RegistryError.CREDENTIAL_INVALID_REPLACEMENT,
                    "replaces names '"
                        + replaces
                        + "', which is no unrevoked "
                        + kind.name().toLowerCase()
                        + " credential of device '"
                        + deviceId
                        + "'."));
  }

  private static @Nullable Instant endReplaced(
      @Nullable CredentialEntity replaced, CredentialEntity successor, Instant endsAt) {
    if (replaced == null) {
      return null;
    }
    replaced.replaceBy(successor.id(), endsAt);
    return replaced.revokedAt();
  }

  private CredentialEntity find(String tenant, String deviceId, String credentialId) {
    return CredentialValidation.credentialId(credentialId)
        .flatMap(id -> repository.findByTenantIdAndDeviceIdAndId(tenant, deviceId, id))
        .orElseThrow(
            () ->
                new ApiException(
                    RegistryError.CREDENTIAL_NOT_FOUND,
                    "Device '" + deviceId + "' has no credential '" + credentialId + "'."));
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      // The CA encoded it a moment ago.
      throw new IllegalStateException(e);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private Instant now() {
    // PostgreSQL keeps microseconds; truncating here makes the answer equal a later read.
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
