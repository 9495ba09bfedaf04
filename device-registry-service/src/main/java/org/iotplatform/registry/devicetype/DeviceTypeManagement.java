package org.iotplatform.registry.devicetype;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.outbox.Outbox;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Device types of a tenant; every method takes the tenant and touches no other tenant's rows. Each
 * change is announced on {@link KafkaTopics#DEVICE_TYPES} through the outbox, in its transaction.
 */
@Service
public class DeviceTypeManagement {

  private final DeviceTypeRepository repository;
  private final Outbox outbox;
  private final Clock clock;

  DeviceTypeManagement(DeviceTypeRepository repository, Outbox outbox, Clock clock) {
    this.repository = repository;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public DeviceTypeResponse create(String tenant, DeviceTypeRequest request) {
    String name = DeviceTypeValidation.name(request.name());
    Map<String, MetricRange> metrics = DeviceTypeValidation.metrics(request.metrics());
    DeviceTypeKey key = new DeviceTypeKey(tenant, name);
    if (repository.existsById(key)) {
      throw new ApiException(
          RegistryError.DEVICE_TYPE_DUPLICATE, "Device type '" + name + "' exists.");
    }
    DeviceTypeEntity created = repository.saveAndFlush(new DeviceTypeEntity(key, metrics, now()));
    announce(created);
    return created.toResponse();
  }

  /**
   * Replaces the metrics of a device type.
   *
   * @throws ApiException {@code device-type.not-found}, {@code device-type.invalid}
   */
  @Transactional
  public DeviceTypeResponse update(String tenant, String name, DeviceTypeRequest request) {
    if (request.name() != null && !request.name().equals(name)) {
      throw new ApiException(
          RegistryError.DEVICE_TYPE_INVALID, "name cannot change; leave it out or repeat it.");
    }
    Map<String, MetricRange> metrics = DeviceTypeValidation.metrics(request.metrics());
    DeviceTypeEntity type =
        repository.findById(new DeviceTypeKey(tenant, name)).orElseThrow(() -> notFound(name));
    type.metrics(metrics, now());
    DeviceTypeEntity updated;
    try {
      // Flushing here raises the version (or fails on a concurrent change) before it is announced.
      updated = repository.saveAndFlush(type);
    } catch (OptimisticLockingFailureException e) {
      throw new ApiException(
          RegistryError.DEVICE_TYPE_VERSION_CONFLICT,
          "Device type '" + name + "' was changed by another request meanwhile.",
          e);
    }
    announce(updated);
    return updated.toResponse();
  }

  @Transactional(readOnly = true)
  public DeviceTypeResponse get(String tenant, String name) {
    return repository
        .findById(new DeviceTypeKey(tenant, name))
        .orElseThrow(() -> notFound(name))
        .toResponse();
  }

  @Transactional(readOnly = true)
  public List<DeviceTypeResponse> list(String tenant) {
    return repository.findByKeyTenantIdOrderByKeyName(tenant).stream()
        .map(DeviceTypeEntity::toResponse)
        .toList();
  }

  /** Whether the tenant has a device type of this name. */
  @Transactional(readOnly = true)
  public boolean exists(String tenant, String name) {
    return repository.existsById(new DeviceTypeKey(tenant, name));
  }

  @Transactional
  public void delete(String tenant, String name) {
    DeviceTypeKey key = new DeviceTypeKey(tenant, name);
    if (!repository.existsById(key)) {
      throw notFound(name);
    }
    if (repository.isUsedByDevices(tenant, name)) {
      throw new ApiException(
          RegistryError.DEVICE_TYPE_IN_USE, "Devices of type '" + name + "' exist.");
    }
    repository.deleteById(key);
    outbox.append(
        aggregateKey(tenant, name), KafkaTopics.DEVICE_TYPES, recordKey(tenant, name), null);
  }

  /** Records the type's new state for {@link KafkaTopics#DEVICE_TYPES}, in this transaction. */
  private void announce(DeviceTypeEntity type) {
    DeviceTypeSnapshot snapshot = type.toSnapshot();
    outbox.append(
        aggregateKey(snapshot.tenantId(), snapshot.name()),
        KafkaTopics.DEVICE_TYPES,
        recordKey(snapshot.tenantId(), snapshot.name()),
        DeviceTypeSnapshotJson.toJson(snapshot));
  }

  private static String aggregateKey(String tenant, String name) {
    return "device-type:" + recordKey(tenant, name);
  }

  private static String recordKey(String tenant, String name) {
    return DeviceTypeSnapshot.key(tenant, name);
  }

  private Instant now() {
    // PostgreSQL keeps microseconds; truncating here makes the answer equal a later read.
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private static ApiException notFound(String name) {
    return new ApiException(
        RegistryError.DEVICE_TYPE_NOT_FOUND, "There is no device type '" + name + "'.");
  }
}
