package org.iotplatform.registry.device;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeviceRepository extends JpaRepository<DeviceEntity, DeviceKey>, DeviceSearch {

  /** The device, its row locked (SELECT ... FOR UPDATE) until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("SELECT d FROM DeviceEntity d WHERE d.key = :key")
  Optional<DeviceEntity> findForUpdate(@Param("key") DeviceKey key);
}
