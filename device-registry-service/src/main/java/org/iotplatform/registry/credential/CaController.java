package org.iotplatform.registry.credential;

import org.iotplatform.registry.credential.internal.CertificateAuthority;
import org.iotplatform.registry.credential.internal.Pem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform CA's certificate, which devices and the bridge trust. Public, like any CA's. */
@RestController
class CaController {

  /** RFC 8555's media type for PEM certificates, the end entity's (here: the CA's) first. */
  static final String PEM_CERTIFICATE_CHAIN = "application/pem-certificate-chain";

  private final String chain;

  CaController(CertificateAuthority ca) {
    this.chain = Pem.of(ca.chain());
  }

  @GetMapping(path = "/api/v1/ca/certificate", produces = PEM_CERTIFICATE_CHAIN)
  String certificate() {
    return chain;
  }
}
