package org.iotplatform.registry.devicetype;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Device types of a tenant; every method takes the tenant and touches no other tenant's rows. */
@Service
public class DeviceTypeManagement {

  private final DeviceTypeRepository repository;
  private final Clock clock;

  DeviceTypeManagement(DeviceTypeRepository repository, Clock clock) {
    this.repository = repository;
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
    // PostgreSQL keeps microseconds; truncating here makes the answer equal a later read.
    Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    return repository.save(new DeviceTypeEntity(key, metrics, now)).toResponse();
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
  }

  private static ApiException notFound(String name) {
    return new ApiException(
        RegistryError.DEVICE_TYPE_NOT_FOUND, "There is no device type '" + name + "'.");
  }
}
