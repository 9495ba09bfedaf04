package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import javax.security.auth.x500.X500Principal;
import org.iotplatform.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;

class CertificateSubjectTest {

  @Test
  void readsTheDeviceIdFromTheCommonNameOfAnIssuedCertificate() {
    var certificate = TestCertificates.authority("test CA").issueClient("thermo-1").certificate();

    assertThat(CertificateSubject.deviceId(certificate)).contains("thermo-1");
  }

  @Test
  void readsTheCommonNameAmongOtherAttributes() {
    assertThat(CertificateSubject.deviceId(new X500Principal("CN=thermo-1, O=Acme, C=DE")))
        .contains("thermo-1");
  }

  @Test
  void namesNoDeviceWithoutACommonName() {
    assertThat(CertificateSubject.deviceId(new X500Principal("O=Acme, C=DE"))).isEmpty();
  }

  @Test
  void namesNoDeviceWithTwoCommonNames() {
    assertThat(CertificateSubject.deviceId(new X500Principal("CN=thermo-1, CN=thermo-2")))
        .isEmpty();
  }

  @Test
  void namesNoDeviceWithASecondCommonNameInAMultiValuedRdn() {
    assertThat(CertificateSubject.deviceId(new X500Principal("CN=thermo-1+CN=thermo-2"))).isEmpty();
  }

  @Test
  void namesNoDeviceWhenTheCommonNameIsNoValidDeviceId() {
    assertThat(CertificateSubject.deviceId(new X500Principal("CN=thermo 1/kitchen"))).isEmpty();
  }
}
