package org.iotplatform.registry.auth;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, String> {

  Optional<ApiKeyEntity> findByTenantIdAndId(String tenantId, String id);

  List<ApiKeyEntity> findByTenantIdOrderByCreatedAtAscIdAsc(String tenantId);
}
