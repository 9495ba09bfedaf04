package org.iotplatform.registry.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.iotplatform.contracts.CredentialCheck;
import org.iotplatform.contracts.DeviceSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.DevicesTopic;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.registry.device.DeviceManagement;
import org.iotplatform.registry.device.UpdateDeviceRequest;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.registry.devicetype.DeviceTypeRequest;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.TestDevices;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credential changes reach the device's snapshot on {@code iot.devices.v1}, on real PostgreSQL and
 * Kafka: the registry's side of the revocation bound of ADR 0006.
 */
@ExtendWith(KafkaExtension.class)
class CredentialOutboxIT extends RegistryITBase {

  /**
   * ADR 0006: a revoked credential stops working within 5 s of the revocation's commit (outbox
   * relay interval, Kafka, the bridge's consumer poll). This test holds the registry and Kafka to
   * it, measured by a consumer that, like the bridge's, is already assigned.
   */
  private static final Duration REVOCATION_BOUND = Duration.ofSeconds(5);

  /** For setting up: anything slower is a broken test environment, not a missed bound. */
  private static final Duration SETUP_BOUND = Duration.ofSeconds(30);

  private static final String TENANT = Tenants.DEFAULT;

  private final CredentialManagement underTest;
  private final DeviceManagement devices;
  private final DeviceTypeManagement types;
  private final JdbcTemplate jdbc;
  private @Nullable KafkaConsumer<String, byte[]> consumer;

  CredentialOutboxIT(
      @Autowired CredentialManagement underTest,
      @Autowired DeviceManagement devices,
      @Autowired DeviceTypeManagement types,
      @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.devices = devices;
    this.types = types;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void setUp(KafkaServer kafka) {
    DevicesTopic.createCompacted(kafka);
    types.create(TENANT, new DeviceTypeRequest("thermometer", Map.of()));
    consumer = DevicesTopic.consumer(kafka, false);
  }

  @AfterEach
  void closeConsumer() {
    if (consumer != null) {
      consumer.close();
    }
  }

  @Test
  void aRevocationReachesTheDevicesTopicWithinTheStatedBound() {
    String device = createDevice();
    IssuedToken token = underTest.issueToken(TENANT, device, TokenRequest.NONE);
    readFromNow(device);

    underTest.revoke(TENANT, device, token.id().toString());

    DeviceSnapshot snapshot =
        awaitSnapshot(
            device,
            REVOCATION_BOUND,
            s ->
                s.credentials().stream()
                    .anyMatch(c -> c.id().equals(token.id().toString()) && c.revokedAt() != null));
    DeviceSnapshot.Credential revoked = credential(snapshot, token.id());
    assertThat(revoked.kind()).isEqualTo(DeviceSnapshot.Credential.TOKEN);
    assertThat(revoked.revokedAt()).isBeforeOrEqualTo(Instant.now());
    assertThat(CredentialCheck.token(snapshot, token.token(), Instant.now(), (t, h) -> true))
        .isEmpty();
  }

  @Test
  void aRotatedCertificatesOldCredentialCarriesItsValidUntil() {
    String device = createDevice();
    IssuedCertificate old =
        underTest.issueCertificate(
            TENANT, device, new CertificateRequest(csr(device), null, null, null));
    readFromNow(device);

    IssuedCertificate replacement =
        underTest.issueCertificate(
            TENANT,
            device,
            new CertificateRequest(csr(device), null, old.id().toString(), Duration.ofHours(2)));

    DeviceSnapshot snapshot =
        awaitSnapshot(device, REVOCATION_BOUND, s -> s.credentials().size() == 2);
    Instant validUntil = replacement.replacedUntil();
    assertThat(validUntil).isNotNull();
    DeviceSnapshot.Credential oldCredential = credential(snapshot, old.id());
    assertThat(oldCredential.revokedAt()).isEqualTo(validUntil);
    assertThat(oldCredential.thumbprint()).isEqualTo(old.thumbprint());
    assertThat(oldCredential.serial()).isEqualTo(old.serial());
    assertThat(oldCredential.notAfter()).isEqualTo(old.notAfter());
    assertThat(credential(snapshot, replacement.id()).revokedAt()).isNull();
    Instant duringOverlap = validUntil.minusSeconds(1);
    assertThat(CredentialCheck.certificate(snapshot, old.thumbprint(), duringOverlap)).isPresent();
    assertThat(CredentialCheck.certificate(snapshot, old.thumbprint(), validUntil)).isEmpty();
    assertThat(CredentialCheck.certificate(snapshot, replacement.thumbprint(), validUntil))
        .isPresent();
  }

  @Test
  void everyCredentialChangeRaisesTheVersionAndADeviceUpdateKeepsTheCredentials() {
    String device = createDevice();
    readFromNow(device);

    IssuedToken token = underTest.issueToken(TENANT, device, TokenRequest.NONE);
    underTest.revoke(TENANT, device, token.id().toString());
    devices.update(
        TENANT, device, new UpdateDeviceRequest("renamed", null, null, null, null), null);

    List<DeviceSnapshot> snapshots = awaitSnapshots(device, 3);
    assertThat(snapshots).extracting(DeviceSnapshot::version).containsExactly(1L, 2L, 3L);
    assertThat(snapshots.get(0).credentials())
        .singleElement()
        .satisfies(c -> assertThat(c.revokedAt()).isNull());
    DeviceSnapshot renamed = snapshots.get(2);
    assertThat(renamed.name()).isEqualTo("renamed");
    assertThat(renamed.credentials())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(token.id().toString());
              assertThat(c.revokedAt()).isNotNull();
              assertThat(c.tokenHash()).startsWith("$argon2id$");
            });
  }

  private String createDevice() {
    String id = TestDevices.createOne();
    devices.create(
        TENANT, new CreateDeviceRequest(id, "thermometer", null, null, null, null, null));
    return id;
  }

  private static String csr(String device) {
    return TestCsrs.csr(device, TestCsrs.ecKeyPair());
  }

  /**
   * Waits until every change of the device so far is on Kafka, then puts the consumer at the end of
   * the topic: it then sees only what follows, as an assigned bridge does, without the seconds a
   * consumer group takes to join.
   */
  private void readFromNow(String device) {
    await()
        .atMost(SETUP_BOUND)
        .until(
            () ->
                jdbc.queryForObject(
                        "SELECT count(*) FROM outbox WHERE record_key = ? AND published_at IS NULL",
                        Integer.class,
                        device)
                    == 0);
    KafkaConsumer<String, byte[]> kafka = consumer();
    List<TopicPartition> partitions =
        kafka.partitionsFor(KafkaTopics.DEVICES).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    kafka.assign(partitions);
    kafka.seekToEnd(partitions);
    // position() resolves the lazy seek now, before the change under test is made.
    partitions.forEach(kafka::position);
  }

  private DeviceSnapshot awaitSnapshot(
      String device, Duration bound, Predicate<DeviceSnapshot> condition) {
    List<DeviceSnapshot> seen = new ArrayList<>();
    await()
        .atMost(bound)
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              seen.addAll(poll(device));
              return seen.stream().anyMatch(condition);
            });
    return seen.stream().filter(condition).findFirst().orElseThrow();
  }

  private List<DeviceSnapshot> awaitSnapshots(String device, int count) {
    List<DeviceSnapshot> seen = new ArrayList<>();
    await()
        .atMost(SETUP_BOUND)
        .until(
            () -> {
              seen.addAll(poll(device));
              return seen.size() >= count;
            });
    assertThat(seen).hasSize(count);
    return seen;
  }

  private List<DeviceSnapshot> poll(String device) {
    List<DeviceSnapshot> snapshots = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : consumer().poll(Duration.ofMillis(100))) {
      if (device.equals(record.key()) && record.value() != null) {
        snapshots.add(DevicesTopic.snapshot(record.value()));
      }
    }
    return snapshots;
  }

  private static DeviceSnapshot.Credential credential(DeviceSnapshot snapshot, UUID id) {
    return snapshot.credentials().stream()
        .filter(c -> c.id().equals(id.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no credential " + id + " in " + snapshot));
  }

  private KafkaConsumer<String, byte[]> consumer() {
    assertThat(consumer).isNotNull();
    return consumer;
  }
}
