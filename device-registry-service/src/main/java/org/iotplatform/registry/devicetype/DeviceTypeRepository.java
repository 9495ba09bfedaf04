package org.iotplatform.registry.devicetype;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeviceTypeRepository extends JpaRepository<DeviceTypeEntity, DeviceTypeKey> {

  List<DeviceTypeEntity> findByKeyTenantIdOrderByKeyName(String tenantId);

  // Native on purpose: the devices table belongs to the device feature, which depends on this one,
  // not the other way round; the foreign key guards the race between this check and the delete.
  @Query(
      value = "SELECT EXISTS (SELECT 1 FROM devices WHERE tenant_id = :tenant AND type = :name)",
      nativeQuery = true)
  boolean isUsedByDevices(@Param("tenant") String tenant, @Param("name") String name);
}
