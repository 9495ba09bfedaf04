package org.iotplatform.registry.credential;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CredentialRepository extends JpaRepository<CredentialEntity, UUID> {

  List<CredentialEntity> findByTenantIdAndDeviceIdOrderByCreatedAtAscIdAsc(
      String tenantId, String deviceId);

  List<CredentialEntity> findByTenantIdAndDeviceIdInOrderByCreatedAtAscIdAsc(
      String tenantId, Collection<String> deviceIds);

  Optional<CredentialEntity> findByTenantIdAndDeviceIdAndId(
      String tenantId, String deviceId, UUID id);
}
