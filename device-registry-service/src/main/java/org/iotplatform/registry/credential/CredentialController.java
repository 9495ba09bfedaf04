package org.iotplatform.registry.credential;

import java.net.URI;
import java.util.List;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/devices/{deviceId}/credentials")
class CredentialController {

  private final CredentialManagement management;
  private final CurrentTenant tenant;

  CredentialController(CredentialManagement management, CurrentTenant tenant) {
    this.management = management;
    this.tenant = tenant;
  }

  @PostMapping("/certificates")
  ResponseEntity<IssuedCertificate> issueCertificate(
      @PathVariable String deviceId, @RequestBody CertificateRequest request) {
    IssuedCertificate issued = management.issueCertificate(tenant.id(), deviceId, request);
    return ResponseEntity.created(location(deviceId, issued.id().toString())).body(issued);
  }

  @PostMapping("/tokens")
  ResponseEntity<IssuedToken> issueToken(
      @PathVariable String deviceId,
      @RequestBody(required = false) @Nullable TokenRequest request) {
    IssuedToken issued =
        management.issueToken(tenant.id(), deviceId, request == null ? TokenRequest.NONE : request);
    // A secret: no cache on the way may keep it.
    return ResponseEntity.created(location(deviceId, issued.id().toString()))
        .cacheControl(CacheControl.noStore())
        .body(issued);
  }

  @GetMapping
  List<CredentialResponse> list(@PathVariable String deviceId) {
    return management.list(tenant.id(), deviceId);
  }

  @GetMapping("/{credentialId}")
  CredentialResponse get(@PathVariable String deviceId, @PathVariable String credentialId) {
    return management.get(tenant.id(), deviceId, credentialId);
  }

  /** Revokes at once; the bridge refuses it within the bound of ADR 0006. */
  @DeleteMapping("/{credentialId}")
  ResponseEntity<Void> revoke(@PathVariable String deviceId, @PathVariable String credentialId) {
    management.revoke(tenant.id(), deviceId, credentialId);
    return ResponseEntity.noContent().build();
  }

  private static URI location(String deviceId, String credentialId) {
    return URI.create("/api/v1/devices/" + deviceId + "/credentials/" + credentialId);
  }
}
