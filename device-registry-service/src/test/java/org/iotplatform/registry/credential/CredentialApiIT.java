package org.iotplatform.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.security.auth.x500.X500Principal;
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.credential.internal.CaStore;
import org.iotplatform.registry.credential.internal.Pem;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Issuing, listing, rotating and revoking credentials through the REST API. */
class CredentialApiIT extends RegistryITBase {

  private static final String DEVICE = "thermo-1";
  private static final String OTHER_DEVICE = "thermo-2";

  private final RestTestClient underTest;
  private final JdbcTemplate jdbc;

  CredentialApiIT(@Autowired RestTestClient underTest, @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void createDevices() {
    post("/api/v1/device-types", Map.of("name", "thermometer")).expectStatus().isCreated();
    for (String id : List.of(DEVICE, OTHER_DEVICE)) {
      post("/api/v1/devices", Map.of("id", id, "type", "thermometer")).expectStatus().isCreated();
    }
  }

  @Test
  void servesTheCaCertificateFromTheCaDirectory() throws Exception {
    String served =
        underTest
            .get()
            .uri("/api/v1/ca/certificate")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("application/pem-certificate-chain")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(served)
        .isEqualTo(Files.readString(CA_DIRECTORY.resolve(CaStore.CERTIFICATE_FILE)))
        .startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void issuesACertificateForTheCsrThatChainsToTheCaCertificate() throws Exception {
    KeyPair deviceKeys = TestCsrs.ecKeyPair();

    IssuedCertificate issued =
        issueCertificate(DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, deviceKeys)));

    X509Certificate certificate = certificate(issued.certificate());
    X509Certificate ca = caCertificate();
    var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)),
            parameters);
    assertThat(certificate.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=" + DEVICE));
    assertThat(certificate.getPublicKey()).isEqualTo(deviceKeys.getPublic());
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(issued.caChain()).containsExactly(pem(ca));
    assertThat(issued.deviceId()).isEqualTo(DEVICE);
    assertThat(issued.serial()).isEqualTo(certificate.getSerialNumber().toString(16));
    assertThat(issued.thumbprint())
        .isEqualTo(CredentialCheck.thumbprint(certificate.getEncoded()))
        .hasSize(64);
    assertThat(issued.notBefore()).isEqualTo(certificate.getNotBefore().toInstant());
    assertThat(issued.notAfter())
        .isEqualTo(certificate.getNotAfter().toInstant())
        .isEqualTo(issued.notBefore().plus(CaStore.BACKDATE).plus(Duration.ofDays(365)));
  }

  @Test
  void answersTheIssuedCertificatesLocation() {
    String location =
        postCertificate(DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair())))
            .expectStatus()
            .isCreated()
            .returnResult(Void.class)
            .getResponseHeaders()
            .getFirst(HttpHeaders.LOCATION);

    assertThat(location).startsWith("/api/v1/devices/" + DEVICE + "/credentials/");
    CredentialResponse credential = read(location);
    assertThat(credential.kind()).isEqualTo(CredentialKind.CERTIFICATE);
    assertThat(credential.status()).isEqualTo(CredentialStatus.ACTIVE);
  }

  @Test
  void issuesTheRequestedValidity() {
    IssuedCertificate issued =
        issueCertificate(
            DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair()), "validity", "P30D"));

    assertThat(Duration.between(issued.notBefore(), issued.notAfter()))
        .isEqualTo(Duration.ofDays(30).plus(CaStore.BACKDATE));
  }

  @Test
  void refusesACsrThatNamesAnotherDeviceAndStoresNothing() {
    assertProblem(
        postCertificate(DEVICE, Map.of("csr", TestCsrs.csr(OTHER_DEVICE, TestCsrs.ecKeyPair()))),
        422,
        "credential.csr-subject-mismatch");

    assertThat(list(DEVICE)).isEmpty();
  }

  @Test
  void refusesAMalformedCsr() {
    assertProblem(
        postCertificate(DEVICE, Map.of("csr", "-----BEGIN CERTIFICATE REQUEST-----\nxyz")),
        400,
        "credential.invalid-csr");
    assertProblem(postCertificate(DEVICE, Map.of()), 400, "credential.invalid-csr");
  }

  @Test
  void refusesACsrWhoseSignatureDoesNotVerify() {
    assertProblem(
        postCertificate(DEVICE, Map.of("csr", TestCsrs.csrWithBadSignature(DEVICE))),
        400,
        "credential.invalid-csr");

    assertThat(list(DEVICE)).isEmpty();
  }

  @Test
  void refusesAValidityBeyondTheMaximum() {
    assertProblem(
        postCertificate(
            DEVICE,
            Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair()), "validity", "P3651D")),
        400,
        "credential.invalid");
  }

  @Test
  void showsATokenOnlyInTheAnswerThatCreatesIt() {
    IssuedToken issued =
        postToken(DEVICE, null)
            .expectStatus()
            .isCreated()
            .expectHeader()
            .cacheControl(CacheControl.noStore())
            .expectBody(IssuedToken.class)
            .returnResult()
            .getResponseBody();

    assertThat(issued).isNotNull();
    assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
    String listing = listText(DEVICE);
    String single =
        underTest
            .get()
            .uri("/api/v1/devices/{d}/credentials/{c}", DEVICE, issued.id())
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    for (String answer : List.of(listing, single)) {
      assertThat(answer)
          .contains(issued.id().toString())
          .doesNotContain(issued.token())
          .doesNotContainIgnoringCase("hash")
          .doesNotContain("argon2");
    }
  }

  @Test
  void storesOnlyASlowHashThatTheTokenVerifies() {
    IssuedToken issued = issueToken(DEVICE, null);

    String hash =
        jdbc.queryForObject(
            "SELECT token_hash FROM credentials WHERE id = ?", String.class, issued.id());

    assertThat(hash).startsWith("$argon2id$").doesNotContain(issued.token());
    var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    assertThat(argon2.matches(issued.token(), hash)).isTrue();
    assertThat(argon2.matches(issueToken(DEVICE, null).token(), hash)).isFalse();
    Integer rowsWithToken =
        jdbc.queryForObject(
            "SELECT count(*) FROM credentials c WHERE strpos(c::text, ?) > 0",
            Integer.class,
            issued.token());
    assertThat(rowsWithToken).isZero();
  }

  @Test
  void listsEveryCredentialOfTheDeviceOldestFirst() {
    IssuedCertificate certificate =
        issueCertificate(DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair())));
    IssuedToken token = issueToken(DEVICE, null);
    issueToken(OTHER_DEVICE, null);

    List<CredentialResponse> credentials = list(DEVICE);

    assertThat(credentials)
        .extracting(CredentialResponse::id)
        .containsExactly(certificate.id(), token.id());
    CredentialResponse listed = credentials.get(0);
    assertThat(listed.kind()).isEqualTo(CredentialKind.CERTIFICATE);
    assertThat(listed.serial()).isEqualTo(certificate.serial());
    assertThat(listed.thumbprint()).isEqualTo(certificate.thumbprint());
    assertThat(listed.notAfter()).isEqualTo(certificate.notAfter());
    assertThat(credentials.get(1).kind()).isEqualTo(CredentialKind.TOKEN);
    assertThat(credentials.get(1).notAfter()).as("a token without validity").isNull();
  }

  @Test
  void revokesACredentialAtOnceAndAgainWithoutChange() {
    IssuedToken token = issueToken(DEVICE, null);

    revoke(DEVICE, token.id().toString()).expectStatus().isNoContent();
    CredentialResponse revoked = read(DEVICE, token.id());
    revoke(DEVICE, token.id().toString()).expectStatus().isNoContent();

    assertThat(revoked.status()).isEqualTo(CredentialStatus.REVOKED);
    assertThat(revoked.revokedAt()).isNotNull();
    assertThat(read(DEVICE, token.id()).revokedAt()).isEqualTo(revoked.revokedAt());
  }

  @Test
  void rotatesACertificateSoThatTheOldOneWorksUntilTheOverlapEnds() {
    IssuedCertificate old =
        issueCertificate(DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair())));

    IssuedCertificate replacement =
        issueCertificate(
            DEVICE,
            Map.of(
                "csr",
                TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair()),
                "replaces",
                old.id().toString(),
                "overlap",
                "PT2H"));

    assertThat(replacement.replaces()).isEqualTo(old.id());
    assertThat(replacement.replacedUntil())
        .isEqualTo(replacement.createdAt().plus(Duration.ofHours(2)));
    CredentialResponse oldNow = read(DEVICE, old.id());
    assertThat(oldNow.status()).as("within the overlap").isEqualTo(CredentialStatus.ACTIVE);
    assertThat(oldNow.revokedAt()).isEqualTo(replacement.replacedUntil());
    assertThat(oldNow.replacedBy()).isEqualTo(replacement.id());
    assertThat(read(DEVICE, replacement.id()).revokedAt()).isNull();
  }

  @Test
  void rotatesWithTheConfiguredOverlapByDefault() {
    IssuedToken old = issueToken(DEVICE, null);

    IssuedToken replacement = issueToken(DEVICE, Map.of("replaces", old.id().toString()));

    assertThat(replacement.replacedUntil())
        .isEqualTo(replacement.createdAt().plus(Duration.ofHours(24)));
  }

  @Test
  void revokingAReplacedCredentialEndsItsOverlapNow() {
    IssuedToken old = issueToken(DEVICE, null);
    IssuedToken replacement = issueToken(DEVICE, Map.of("replaces", old.id().toString()));

    revoke(DEVICE, old.id().toString()).expectStatus().isNoContent();

    CredentialResponse revoked = read(DEVICE, old.id());
    assertThat(revoked.status()).isEqualTo(CredentialStatus.REVOKED);
    assertThat(revoked.revokedAt()).isBefore(replacement.replacedUntil());
  }

  @Test
  void refusesToReplaceACredentialTwiceOrOfAnotherKindOrDevice() {
    IssuedCertificate certificate =
        issueCertificate(DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair())));
    IssuedToken token = issueToken(DEVICE, null);
    IssuedToken othersToken = issueToken(OTHER_DEVICE, null);
    issueToken(DEVICE, Map.of("replaces", token.id().toString()));

    assertProblem(
        postToken(DEVICE, Map.of("replaces", token.id().toString())),
        422,
        "credential.invalid-replacement");
    assertProblem(
        postToken(DEVICE, Map.of("replaces", certificate.id().toString())),
        422,
        "credential.invalid-replacement");
    assertProblem(
        postToken(DEVICE, Map.of("replaces", othersToken.id().toString())),
        422,
        "credential.invalid-replacement");
    assertProblem(
        postToken(DEVICE, Map.of("replaces", "not-a-uuid")), 422, "credential.invalid-replacement");
  }

  @Test
  void refusesAnOverlapWithoutAReplacedCredential() {
    assertProblem(postToken(DEVICE, Map.of("overlap", "PT1H")), 400, "credential.invalid");
  }

  @Test
  void answers404ForAnUnknownDevice() {
    assertProblem(
        postCertificate(
            "no-such-device", Map.of("csr", TestCsrs.csr("no-such-device", TestCsrs.ecKeyPair()))),
        404,
        "device.not-found");
    assertProblem(postToken("no-such-device", null), 404, "device.not-found");
    assertProblem(
        underTest.get().uri("/api/v1/devices/no-such-device/credentials").exchange(),
        404,
        "device.not-found");
    assertProblem(revoke("no-such-device", UUID.randomUUID().toString()), 404, "device.not-found");
  }

  @Test
  void answers404ForAnUnknownCredentialOrOneOfAnotherDevice() {
    IssuedToken othersToken = issueToken(OTHER_DEVICE, null);

    for (String id :
        List.of(UUID.randomUUID().toString(), "not-a-uuid", othersToken.id().toString())) {
      assertProblem(
          underTest.get().uri("/api/v1/devices/{d}/credentials/{c}", DEVICE, id).exchange(),
          404,
          "credential.not-found");
      assertProblem(revoke(DEVICE, id), 404, "credential.not-found");
    }
    assertThat(read(OTHER_DEVICE, othersToken.id()).status()).isEqualTo(CredentialStatus.ACTIVE);
  }

  @Test
  void deletingADeviceDeletesItsCredentials() {
    issueCertificate(DEVICE, Map.of("csr", TestCsrs.csr(DEVICE, TestCsrs.ecKeyPair())));
    issueToken(DEVICE, null);
    issueToken(OTHER_DEVICE, null);

    underTest.delete().uri("/api/v1/devices/{id}", DEVICE).exchange().expectStatus().isNoContent();

    assertProblem(
        underTest.get().uri("/api/v1/devices/{id}/credentials", DEVICE).exchange(),
        404,
        "device.not-found");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM credentials WHERE device_id = ?", Integer.class, DEVICE))
        .isZero();
    assertThat(list(OTHER_DEVICE)).hasSize(1);
  }

  private RestTestClient.ResponseSpec post(String path, Object body) {
    return underTest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
  }

  private RestTestClient.ResponseSpec postCertificate(String device, Map<String, String> body) {
    return post("/api/v1/devices/" + device + "/credentials/certificates", body);
  }

  private IssuedCertificate issueCertificate(String device, Map<String, String> body) {
    return postCertificate(device, body)
        .expectStatus()
        .isCreated()
        .expectBody(IssuedCertificate.class)
        .returnResult()
        .getResponseBody();
  }

  private RestTestClient.ResponseSpec postToken(String device, @Nullable Map<String, String> body) {
    var request = underTest.post().uri("/api/v1/devices/{id}/credentials/tokens", device);
    if (body == null) {
      return request.exchange();
    }
    return request.contentType(MediaType.APPLICATION_JSON).body(new HashMap<>(body)).exchange();
  }

  private IssuedToken issueToken(String device, @Nullable Map<String, String> body) {
    return postToken(device, body)
        .expectStatus()
        .isCreated()
        .expectBody(IssuedToken.class)
        .returnResult()
        .getResponseBody();
  }

  private RestTestClient.ResponseSpec revoke(String device, String credentialId) {
    return underTest
        .delete()
        .uri("/api/v1/devices/{d}/credentials/{c}", device, credentialId)
        .exchange();
  }

  private List<CredentialResponse> list(String device) {
    return underTest
        .get()
        .uri("/api/v1/devices/{id}/credentials", device)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(new ParameterizedTypeReference<List<CredentialResponse>>() {})
        .returnResult()
        .getResponseBody();
  }

  private String listText(String device) {
    return underTest
        .get()
        .uri("/api/v1/devices/{id}/credentials", device)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private CredentialResponse read(String device, UUID credentialId) {
    return read("/api/v1/devices/" + device + "/credentials/" + credentialId);
  }

  private CredentialResponse read(String path) {
    return underTest
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(CredentialResponse.class)
        .returnResult()
        .getResponseBody();
  }

  private X509Certificate caCertificate() throws Exception {
    String pem =
        underTest
            .get()
            .uri("/api/v1/ca/certificate")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return certificate(pem);
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String pem(X509Certificate certificate) {
    return Pem.of(certificate);
  }
}
