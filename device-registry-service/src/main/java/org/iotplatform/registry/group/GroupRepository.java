package org.iotplatform.registry.group;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface GroupRepository extends JpaRepository<GroupEntity, GroupKey> {

  Optional<GroupEntity> findByKeyTenantIdAndName(String tenantId, String name);

  /** A page of the list: names after {@code afterName} (empty for the first page), by name. */
  List<GroupEntity> findByKeyTenantIdAndNameGreaterThanOrderByName(
      String tenantId, String afterName, Limit limit);

  // The members are rows of a join table without an entity of their own; native SQL also lets the
  // insert take only devices that exist in the tenant, in one statement.
  @Query(
      value = "SELECT id FROM devices WHERE tenant_id = :tenant AND id IN (:ids)",
      nativeQuery = true)
  List<String> existingDevices(
      @Param("tenant") String tenant, @Param("ids") Collection<String> deviceIds);

  /** Adds the devices that exist and are not members yet; answers how many it added. */
  @Modifying
  @Query(
      value =
          "INSERT INTO device_group_members (tenant_id, group_id, device_id, added_at)"
              + " SELECT tenant_id, :group, id, :now FROM devices"
              + " WHERE tenant_id = :tenant AND id IN (:ids)"
              + " ON CONFLICT DO NOTHING",
      nativeQuery = true)
  int addMembers(
      @Param("tenant") String tenant,
      @Param("group") UUID groupId,
      @Param("ids") Collection<String> deviceIds,
      @Param("now") Instant now);

  @Modifying
  @Query(
      value =
          "DELETE FROM device_group_members"
              + " WHERE tenant_id = :tenant AND group_id = :group AND device_id = :device",
      nativeQuery = true)
  int removeMember(
      @Param("tenant") String tenant,
      @Param("group") UUID groupId,
      @Param("device") String deviceId);
}
