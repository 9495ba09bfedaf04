package org.iotplatform.registry.device;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeviceRepository extends JpaRepository<DeviceEntity, DeviceKey>, DeviceSearch {}
