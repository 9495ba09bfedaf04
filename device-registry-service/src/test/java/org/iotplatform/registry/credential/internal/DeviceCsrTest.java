package org.iotplatform.registry.credential.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.asn1.x500.X500Name;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.credential.TestCsrs;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceCsrTest {

  @Test
  void acceptsAnEcCsrForTheDevice() {
    DeviceCsr underTest = DeviceCsr.parse(TestCsrs.csr("thermo-1", TestCsrs.ecKeyPair()));

    assertThat(underTest.requireDevice("thermo-1").commonName()).isEqualTo("thermo-1");
  }

  @Test
  void acceptsAnRsaCsrForTheDevice() {
    DeviceCsr underTest = DeviceCsr.parse(TestCsrs.csr("thermo-1", TestCsrs.rsaKeyPair(2048)));

    assertThat(underTest.requireDevice("thermo-1").commonName()).isEqualTo("thermo-1");
  }

  @ParameterizedTest
  @CsvSource({"openssl-ec-thermo-1.csr, thermo-1", "openssl-rsa-meter-7.csr, meter-7"})
  void acceptsCsrsMadeByOpenssl(String file, String deviceId) throws Exception {
    // Made with: openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes
    // -subj /CN=thermo-1 (and -newkey rsa:2048 -subj "/O=Acme/CN=meter-7"); keys discarded.
    String pem;
    try (InputStream in = DeviceCsrTest.class.getResourceAsStream("/csr/" + file)) {
      assertThat(in).as(file).isNotNull();
      pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    assertThat(DeviceCsr.parse(pem).requireDevice(deviceId).commonName()).isEqualTo(deviceId);
  }

  @Test
  void keepsThePublicKeyTheCsrCarries() throws Exception {
    KeyPair keys = TestCsrs.ecKeyPair();

    DeviceCsr underTest = DeviceCsr.parse(TestCsrs.csr("thermo-1", keys));

    assertThat(underTest.request().getSubjectPublicKeyInfo().getEncoded())
        .isEqualTo(keys.getPublic().getEncoded());
  }

  @Test
  void refusesACsrThatNamesAnotherDevice() {
    DeviceCsr csr = DeviceCsr.parse(TestCsrs.csr("thermo-2", TestCsrs.ecKeyPair()));

    assertError(() -> csr.requireDevice("thermo-1"), RegistryError.CREDENTIAL_CSR_SUBJECT_MISMATCH)
        .hasMessageContaining("thermo-2");
  }

  @Test
  void refusesACsrWithoutACommonName() {
    DeviceCsr csr =
        DeviceCsr.parse(TestCsrs.csr(new X500Name("O=Acme, C=DE"), TestCsrs.ecKeyPair()));

    assertError(() -> csr.requireDevice("thermo-1"), RegistryError.CREDENTIAL_CSR_SUBJECT_MISMATCH);
  }

  @Test
  void refusesACsrWithTwoCommonNames() {
    DeviceCsr csr =
        DeviceCsr.parse(
            TestCsrs.csr(new X500Name("CN=thermo-1, CN=thermo-2"), TestCsrs.ecKeyPair()));

    assertError(() -> csr.requireDevice("thermo-1"), RegistryError.CREDENTIAL_CSR_SUBJECT_MISMATCH);
  }

  @Test
  void refusesGarbage() {
    assertError(() -> DeviceCsr.parse("not a csr at all"), RegistryError.CREDENTIAL_INVALID_CSR);
    assertError(
        () ->
            DeviceCsr.parse(
                "-----BEGIN CERTIFICATE REQUEST-----\nbm90IERFUg==\n-----END CERTIFICATE REQUEST-----\n"),
        RegistryError.CREDENTIAL_INVALID_CSR);
    assertError(
        () ->
            DeviceCsr.parse(
                "-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n"),
        RegistryError.CREDENTIAL_INVALID_CSR);
  }

  @Test
  void refusesAnAbsentOrBlankCsr() {
    assertError(() -> DeviceCsr.parse(null), RegistryError.CREDENTIAL_INVALID_CSR);
    assertError(() -> DeviceCsr.parse("  "), RegistryError.CREDENTIAL_INVALID_CSR);
  }

  @Test
  void refusesAPemBlockOfAnotherKind() {
    CertificateAuthority ca =
        CertificateAuthority.generate("CN=test", Instant.EPOCH, Instant.EPOCH.plusSeconds(60));

    assertError(
            () -> DeviceCsr.parse(Pem.of(ca.certificate())), RegistryError.CREDENTIAL_INVALID_CSR)
        .hasMessageContaining("another kind");
  }

  @Test
  void refusesACsrWhoseSignatureDoesNotVerify() {
    assertError(
            () -> DeviceCsr.parse(TestCsrs.csrWithBadSignature("thermo-1")),
            RegistryError.CREDENTIAL_INVALID_CSR)
        .hasMessageContaining("signature");
  }

  @Test
  void refusesAWeakRsaKey() {
    assertError(
            () -> DeviceCsr.parse(TestCsrs.csr("thermo-1", TestCsrs.rsaKeyPair(1024))),
            RegistryError.CREDENTIAL_INVALID_CSR)
        .hasMessageContaining("2048");
  }

  @Test
  void refusesAnOversizedCsr() {
    String huge = "x".repeat(DeviceCsr.MAX_PEM_CHARS + 1);

    assertError(() -> DeviceCsr.parse(huge), RegistryError.CREDENTIAL_INVALID_CSR);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertError(
      Executable call, ErrorCode error) {
    return assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.error()).isEqualTo(error));
  }
}
