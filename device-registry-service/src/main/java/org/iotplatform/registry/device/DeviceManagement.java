package org.iotplatform.registry.device;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.outbox.Outbox;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.audit.AuditActions;
import org.iotplatform.registry.audit.AuditTrail;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Devices of a tenant; every method takes the tenant and touches no other tenant's rows. */
@Service
public class DeviceManagement {

  private final DeviceRepository repository;
  private final DeviceTypeManagement types;
  private final Outbox outbox;
  private final DeviceCredentials credentials;
  private final AuditTrail audit;
  private final Clock clock;

  DeviceManagement(
      DeviceRepository repository,
      DeviceTypeManagement types,
      Outbox outbox,
      DeviceCredentials credentials,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.types = types;
    this.outbox = outbox;
    this.credentials = credentials;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public DeviceResponse create(String tenant, CreateDeviceRequest request) {
    String id = DeviceValidation.id(request.id());
    String type = DeviceValidation.type(request.type());
    DeviceEntity device = new DeviceEntity(new DeviceKey(tenant, id), type, now());
    device.name(DeviceValidation.name(request.name()));
    device.labels(DeviceValidation.labels(request.labels()));
    device.location(DeviceValidation.location(request.location()));
    device.metadata(DeviceValidation.metadata(request.metadata()));
    device.firmwareVersion(DeviceValidation.firmwareVersion(request.firmwareVersion()));
    if (!types.exists(tenant, type)) {
      throw new ApiException(
          RegistryError.DEVICE_TYPE_UNKNOWN, "There is no device type '" + type + "'.");
    }
    // The primary key decides, not a check before the insert: two concurrent creates of one id
    // then give one 201 and one 409. A new entity (no version yet) is inserted, never merged.
    DeviceEntity created;
    try {
      created = repository.saveAndFlush(device);
    } catch (DataIntegrityViolationException e) {
      if (isUniqueViolation(e)) {
        throw new ApiException(RegistryError.DEVICE_DUPLICATE, "Device '" + id + "' exists.");
      }
      // Else the type's foreign key: the type was deleted after the check above.
      throw new ApiException(
          RegistryError.DEVICE_TYPE_UNKNOWN, "There is no device type '" + type + "'.");
    }
    announce(created);
    DeviceResponse response = created.toResponse();
    audit.record(tenant, id, AuditActions.DEVICE_CREATED, DeviceChanges.created(response));
    return response;
  }

  /** PostgreSQL's SQLSTATE for a unique (here: primary key) violation. */
  private static boolean isUniqueViolation(DataIntegrityViolationException e) {
    return NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
        && "23505".equals(sql.getSQLState());
  }

  @Transactional(readOnly = true)
  public DeviceResponse get(String tenant, String id) {
    return find(tenant, id).toResponse();
  }

  /**
   * @param expectedVersion the version the caller last read (from {@code If-Match}), or null to
   *     update whatever the current version is
   */
  @Transactional
  public DeviceResponse update(
      String tenant, String id, UpdateDeviceRequest request, @Nullable Long expectedVersion) {
    DeviceEntity device = find(tenant, id);
    DeviceResponse before = device.toResponse();
    if (expectedVersion != null && expectedVersion != device.version()) {
      throw new ApiException(
          RegistryError.DEVICE_VERSION_CONFLICT,
          "Device '"
              + id
              + "' is at version "
              + device.version()
              + ", not "
              + expectedVersion
              + ".");
    }
    if (request.name() != null) {
      device.name(DeviceValidation.name(request.name()));
    }
    if (request.labels() != null) {
      device.labels(DeviceValidation.labels(request.labels()));
    }
    if (request.location() != null) {
      device.location(DeviceValidation.location(request.location()));
    }
    if (request.metadata() != null) {
      device.metadata(DeviceValidation.metadata(request.metadata()));
    }
    if (request.firmwareVersion() != null) {
      device.firmwareVersion(DeviceValidation.firmwareVersion(request.firmwareVersion()));
    }
    device.updatedAt(now());
    DeviceEntity updated;
    try {
      // Flushing here increments the version (or fails on a concurrent change) before we answer.
      updated = repository.saveAndFlush(device);
    } catch (OptimisticLockingFailureException e) {
      throw new ApiException(
          RegistryError.DEVICE_VERSION_CONFLICT,
          "Device '" + id + "' was changed by another request meanwhile.",
          e);
    }
    announce(updated);
    DeviceResponse after = updated.toResponse();
    audit.record(tenant, id, AuditActions.DEVICE_UPDATED, DeviceChanges.between(before, after));
    return after;
  }

  @Transactional
  public void delete(String tenant, String id) {
    DeviceEntity device = find(tenant, id);
    repository.delete(device);
    outbox.append(aggregateKey(tenant, id), KafkaTopics.DEVICES, id, null);
    audit.record(tenant, id, AuditActions.DEVICE_DELETED, Map.of());
  }

  /**
   * Locks the device until the caller's transaction ends, before its credentials change: changes of
   * one device's credentials then follow one another, and each snapshot holds all earlier ones.
   * Call {@link #credentialsChanged} after the change, in the same transaction.
   *
   * @throws ApiException {@code device.not-found}
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lockForCredentialChange(String tenant, String id) {
    repository.findForUpdate(new DeviceKey(tenant, id)).orElseThrow(() -> notFound(id));
  }

  /**
   * Records that the device's credentials changed: a new version of the device (consumers of the
   * devices topic keep only the highest) and its snapshot, in the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void credentialsChanged(String tenant, String id) {
    DeviceEntity device = find(tenant, id);
    // The row is locked since lockForCredentialChange, so no other change can meet this one, and
    // the new updatedAt makes the row dirty: the flush raises the version.
    device.updatedAt(now());
    announce(repository.saveAndFlush(device));
  }

  /** Records the device's new state for {@link KafkaTopics#DEVICES}, in this transaction. */
  private void announce(DeviceEntity device) {
    var snapshot =
        device.toSnapshot(credentials.forSnapshot(device.tenantId(), device.id(), now()));
    outbox.append(
        aggregateKey(device.tenantId(), device.id()),
        KafkaTopics.DEVICES,
        device.id(),
        DeviceSnapshotJson.toJson(snapshot));
  }

  static String aggregateKey(String tenant, String id) {
    return "device:" + tenant + "/" + id;
  }

  @Transactional(readOnly = true)
  public DevicePage search(String tenant, DeviceFilter filter, @Nullable String cursor, int limit) {
    String afterId = cursor == null ? null : DeviceCursor.decode(cursor).afterId();
    // One row more than asked tells whether another page exists without a count.
    List<DeviceEntity> found = repository.search(tenant, filter, afterId, limit + 1);
    boolean more = found.size() > limit;
    List<DeviceEntity> page = more ? found.subList(0, limit) : found;
    String next = more ? new DeviceCursor(page.get(limit - 1).id()).encode() : null;
    return new DevicePage(page.stream().map(DeviceEntity::toResponse).toList(), next);
  }

  /** One page of the devices of a group, ordered by id and paged like {@link #search}. */
  @Transactional(readOnly = true)
  public DevicePage searchGroup(
      String tenant, GroupScope group, @Nullable String cursor, int limit) {
    return search(tenant, DeviceFilter.of(group), cursor, limit);
  }

  private DeviceEntity find(String tenant, String id) {
    return repository.findById(new DeviceKey(tenant, id)).orElseThrow(() -> notFound(id));
  }

  private static ApiException notFound(String id) {
    return new ApiException(RegistryError.DEVICE_NOT_FOUND, "There is no device '" + id + "'.");
  }

  private Instant now() {
    // PostgreSQL keeps microseconds; truncating here makes the answer equal a later read.
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
