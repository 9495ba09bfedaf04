package org.iotplatform.simulator.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.iotplatform.simulator.DeviceCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProvisionerTest {

  private static final List<String> DEVICES = List.of("sim-00001", "sim-00002", "sim-00003");

  @TempDir Path stateDir;
  private FakeRegistry registry;
  private CredentialStore store;
  private RegistryProvisioner underTest;

  @BeforeEach
  void startRegistry() throws Exception {
    registry = new FakeRegistry();
    store = CredentialStore.forRegistry(stateDir, registry.uri());
    underTest = new RegistryProvisioner(registry.uri(), FakeRegistry.API_KEY, store, 2);
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  @Test
  void createsTheTypeAndTheDevicesAndIssuesATokenEach() {
    List<DeviceCredential> credentials = underTest.provision(plan(CredentialKind.TOKEN, false));

    assertThat(credentials)
        .extracting(DeviceCredential::deviceId)
        .containsExactlyElementsOf(DEVICES);
    assertThat(credentials)
        .allSatisfy(
            credential ->
                assertThat(((DeviceCredential.Token) credential).token()).startsWith("token-"));
    assertThat(registry.requests())
        .startsWith(
            "POST /api/v1/auth/token", "POST /api/v1/device-types", "POST /api/v1/devices:bulk")
        .contains("POST /api/v1/devices/sim-00002/credentials/tokens")
        .hasSize(6);
  }

  @Test
  void reusesCachedCredentialsOnTheNextRun() {
    List<DeviceCredential> first = underTest.provision(plan(CredentialKind.TOKEN, false));
    int requestsOfTheFirstRun = registry.requests().size();

    List<DeviceCredential> second =
        new RegistryProvisioner(registry.uri(), FakeRegistry.API_KEY, store, 2)
            .provision(plan(CredentialKind.TOKEN, false));

    assertThat(second).isEqualTo(first);
    assertThat(registry.requests()).hasSize(requestsOfTheFirstRun);
    assertThat(RegistryProvisioner.cached(store, DEVICES, CredentialKind.TOKEN)).isEqualTo(first);
  }

  @Test
  void issuesNewCredentialsWhenToldToReprovision() {
    List<DeviceCredential> first = underTest.provision(plan(CredentialKind.TOKEN, false));

    List<DeviceCredential> second = underTest.provision(plan(CredentialKind.TOKEN, true));

    assertThat(second).doesNotContainAnyElementsOf(first);
    assertThat(store.load("sim-00001", CredentialKind.TOKEN)).contains(second.get(0));
  }

  @Test
  void acceptsADeviceTypeThatExistsAlready() {
    registry.typeExists = true;

    assertThat(underTest.provision(plan(CredentialKind.TOKEN, false))).hasSize(3);
  }

  @Test
  void sendsACsrWithTheDeviceIdAsCnAndKeepsTheKeyAndTheChain() throws Exception {
    List<DeviceCredential> credentials =
        underTest.provision(plan(CredentialKind.CERTIFICATE, false));

    assertThat(registry.csrSubjects())
        .containsExactlyInAnyOrder("CN=sim-00001", "CN=sim-00002", "CN=sim-00003");
    DeviceCredential.Certificate certificate = (DeviceCredential.Certificate) credentials.get(0);
    assertThat(Files.readString(certificate.certificatePem()))
        .isEqualTo(FakeRegistry.CERTIFICATE + FakeRegistry.CA);
    try (PEMParser key =
        new PEMParser(new StringReader(Files.readString(certificate.privateKeyPem())))) {
      assertThat(key.readObject()).as("unencrypted PKCS#8").isInstanceOf(PrivateKeyInfo.class);
    }
  }

  @Test
  void failsWithTheRegistrysAnswerWhenTheApiKeyIsRefused() {
    RegistryProvisioner wrongKey = new RegistryProvisioner(registry.uri(), "iotk_wrong", store, 2);

    assertThatThrownBy(() -> wrongKey.provision(plan(CredentialKind.TOKEN, false)))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining("exchanging the API key")
        .hasMessageContaining("401")
        .hasMessageContaining("auth.invalid-api-key");
  }

  @Test
  void failsNamingADeviceTheImportRefused() {
    registry.refusedDevice = "sim-00002";

    assertThatThrownBy(() -> underTest.provision(plan(CredentialKind.TOKEN, false)))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining("refused 1 of 3 devices, e.g. sim-00002: type is unknown.");
    assertThat(store.load("sim-00001", CredentialKind.TOKEN)).isEmpty();
  }

  @Test
  void failsSayingWhereWhenTheRegistryIsDown() {
    registry.close();

    assertThatThrownBy(() -> underTest.provision(plan(CredentialKind.TOKEN, false)))
        .isInstanceOf(ProvisioningException.class)
        .hasMessageContaining(registry.uri().toString())
        .hasMessageContaining("is the registry up?");
  }

  private static ProvisioningPlan plan(CredentialKind kind, boolean reprovision) {
    return new ProvisioningPlan(
        DEVICES, "sim-thermostat", Map.of("temperature", "°C"), kind, reprovision);
  }
}
