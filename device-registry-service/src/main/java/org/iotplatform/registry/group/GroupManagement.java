package org.iotplatform.registry.group;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.DeviceCriteria;
import org.iotplatform.registry.device.DeviceManagement;
import org.iotplatform.registry.device.DevicePage;
import org.iotplatform.registry.device.GroupScope;
import org.iotplatform.registry.device.GroupScopes;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups of a tenant and the members of its static groups; every method takes the tenant and
 * touches no other tenant's rows. A group is named in paths by its name or its id.
 */
@Service
public class GroupManagement implements GroupScopes {

  private final GroupRepository repository;
  private final DeviceManagement deviceManagement;
  private final DeviceTypeManagement types;
  private final Clock clock;

  GroupManagement(
      GroupRepository repository,
      DeviceManagement devices,
      DeviceTypeManagement types,
      Clock clock) {
    this.repository = repository;
    this.deviceManagement = devices;
    this.types = types;
    this.clock = clock;
  }

  @Transactional
  public GroupResponse create(String tenant, CreateGroupRequest request) {
    String name = GroupValidation.name(request.name());
    GroupKind kind = GroupValidation.kind(request.kind());
    GroupEntity group = new GroupEntity(new GroupKey(tenant, UUID.randomUUID()), name, kind, now());
    group.description(GroupValidation.description(request.description()));
    Set<String> members = Set.of();
    if (kind == GroupKind.STATIC) {
      GroupValidation.noFilter(request.filter());
      if (request.members() != null) {
        members = GroupValidation.deviceIds(request.members());
      }
    } else {
      GroupValidation.noMembers(request.members());
      group.filter(checkedFilter(tenant, request.filter()));
    }
    GroupEntity created = saveAndFlush(group);
    if (!members.isEmpty()) {
      addMembers(tenant, created, members);
    }
    return created.toResponse();
  }

  @Transactional(readOnly = true)
  public GroupResponse get(String tenant, String nameOrId) {
    return find(tenant, nameOrId).toResponse();
  }

  @Transactional(readOnly = true)
  public GroupPage list(String tenant, @Nullable String cursor, int limit) {
    String after = cursor == null ? "" : GroupCursor.decode(cursor).afterName();
    // One row more than asked tells whether another page exists without a count.
    List<GroupEntity> found =
        repository.findByKeyTenantIdAndNameGreaterThanOrderByName(
            tenant, after, Limit.of(limit + 1));
    boolean more = found.size() > limit;
    List<GroupEntity> page = more ? found.subList(0, limit) : found;
    String next = more ? new GroupCursor(page.get(limit - 1).name()).encode() : null;
    return new GroupPage(page.stream().map(GroupEntity::toResponse).toList(), next);
  }

  /**
   * @param expectedVersion the version the caller last read (from {@code If-Match}), or null to
   *     update whatever the current version is
   */
  @Transactional
  public GroupResponse update(
      String tenant, String nameOrId, UpdateGroupRequest request, @Nullable Long expectedVersion) {
    GroupEntity group = find(tenant, nameOrId);
    if (expectedVersion != null && expectedVersion != group.version()) {
      throw versionConflict(group.name(), group.version(), expectedVersion);
    }
    if (request.kind() != null && request.kind() != group.kind()) {
      throw new ApiException(
          RegistryError.GROUP_INVALID,
          "Group '"
              + group.name()
              + "' is "
              + group.kind()
              + "; the kind of a group cannot change, create a new group instead.");
    }
    if (request.name() != null) {
      group.name(GroupValidation.name(request.name()));
    }
    if (request.description() != null) {
      group.description(GroupValidation.description(request.description()));
    }
    if (request.filter() != null) {
      if (group.kind() == GroupKind.STATIC) {
        GroupValidation.noFilter(request.filter());
      }
      group.filter(checkedFilter(tenant, request.filter()));
    }
    group.updatedAt(now());
    try {
      // Flushing here increments the version, or fails on a concurrent change, before we answer.
      return saveAndFlush(group).toResponse();
    } catch (OptimisticLockingFailureException e) {
      throw new ApiException(
          RegistryError.GROUP_VERSION_CONFLICT,
          "Group '" + group.name() + "' was changed by another request meanwhile.",
          e);
    }
  }

  /** Deletes the group; its memberships go with it (foreign key cascade), devices stay. */
  @Transactional
  public void delete(String tenant, String nameOrId) {
    repository.delete(find(tenant, nameOrId));
  }

  /**
   * Adds a device to a static group; adding a member again changes nothing.
   *
   * @return whether the device was not a member before
   */
  @Transactional
  public boolean addMember(String tenant, String nameOrId, String deviceId) {
    GroupEntity group = findStatic(tenant, nameOrId);
    // The device's own 404 when it does not exist in the tenant.
    deviceManagement.get(tenant, deviceId);
    return addMembers(tenant, group, Set.of(deviceId)) == 1;
  }

  /** Adds devices to a static group, all or none: an unknown device id adds nothing. */
  @Transactional
  public MembersAdded addMembers(String tenant, String nameOrId, @Nullable List<String> deviceIds) {
    // The group first: another tenant's group is 404 whatever the body says, so ids do not leak.
    GroupEntity group = findStatic(tenant, nameOrId);
    Set<String> ids = GroupValidation.deviceIds(deviceIds);
    int added = addMembers(tenant, group, ids);
    return new MembersAdded(added, ids.size() - added);
  }

  /** Removes a device from a static group; removing a device that is no member changes nothing. */
  @Transactional
  public void removeMember(String tenant, String nameOrId, String deviceId) {
    GroupEntity group = findStatic(tenant, nameOrId);
    if (repository.removeMember(tenant, group.id(), deviceId) == 0) {
      // Not a member: fine, unless the device does not exist at all.
      deviceManagement.get(tenant, deviceId);
    }
  }

  /** One page of the group's devices by id: its members, or the devices its filter matches now. */
  @Transactional(readOnly = true)
  public DevicePage devices(String tenant, String nameOrId, @Nullable String cursor, int limit) {
    return deviceManagement.searchGroup(tenant, scopeOf(find(tenant, nameOrId)), cursor, limit);
  }

  /** {@inheritDoc} For the device search's and the fleet summary's {@code group} parameter. */
  @Override
  @Transactional(readOnly = true)
  public GroupScope scope(String tenant, String nameOrId) {
    return scopeOf(
        lookup(tenant, nameOrId)
            .orElseThrow(
                () ->
                    new ApiException(
                        RegistryError.GROUP_UNKNOWN, "There is no group '" + nameOrId + "'.")));
  }

  private int addMembers(String tenant, GroupEntity group, Set<String> ids) {
    Set<String> unknown = new LinkedHashSet<>(ids);
    repository.existingDevices(tenant, ids).forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new ApiException(
          RegistryError.GROUP_UNKNOWN_DEVICE,
          "There are no devices " + String.join(", ", unknown) + ".");
    }
    try {
      return repository.addMembers(tenant, group.id(), ids, now());
    } catch (DataIntegrityViolationException e) {
      // A device (or the group) was deleted between the check above and the insert.
      throw new ApiException(
          RegistryError.GROUP_UNKNOWN_DEVICE,
          "A device was deleted while it was being added; nothing was added.",
          e);
    }
  }

  private GroupFilter checkedFilter(String tenant, @Nullable GroupFilter filter) {
    DeviceCriteria criteria = GroupValidation.criteria(filter);
    // A filter on a type that does not exist would match nothing: most likely a typo.
    if (criteria.type() != null && !types.exists(tenant, criteria.type())) {
      throw new ApiException(
          RegistryError.DEVICE_TYPE_UNKNOWN, "There is no device type '" + criteria.type() + "'.");
    }
    return GroupValidation.normalized(criteria);
  }

  private static GroupScope scopeOf(GroupEntity group) {
    return group.kind() == GroupKind.STATIC
        ? new GroupScope.Members(group.id())
        : new GroupScope.Matching(GroupValidation.criteria(group.filter()));
  }

  private GroupEntity saveAndFlush(GroupEntity group) {
    // The unique key on (tenant, name) decides, not a check before: two concurrent creates (or
    // renames) to one name then give one success and one 409.
    try {
      return repository.saveAndFlush(group);
    } catch (DataIntegrityViolationException e) {
      if (NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql
          && "23505".equals(sql.getSQLState())) {
        throw new ApiException(
            RegistryError.GROUP_DUPLICATE, "Group '" + group.name() + "' exists.", e);
      }
      throw e;
    }
  }

  private GroupEntity findStatic(String tenant, String nameOrId) {
    GroupEntity group = find(tenant, nameOrId);
    if (group.kind() != GroupKind.STATIC) {
      throw new ApiException(
          RegistryError.GROUP_NOT_STATIC,
          "Group '" + group.name() + "' is DYNAMIC; members are added to STATIC groups only.");
    }
    return group;
  }

  private GroupEntity find(String tenant, String nameOrId) {
    return lookup(tenant, nameOrId)
        .orElseThrow(
            () ->
                new ApiException(
                    RegistryError.GROUP_NOT_FOUND, "There is no group '" + nameOrId + "'."));
  }

  private Optional<GroupEntity> lookup(String tenant, String nameOrId) {
    UUID id = GroupValidation.asId(nameOrId);
    return id != null
        ? repository.findById(new GroupKey(tenant, id))
        : repository.findByKeyTenantIdAndName(tenant, nameOrId);
  }

  private static ApiException versionConflict(String name, long current, long expected) {
    return new ApiException(
        RegistryError.GROUP_VERSION_CONFLICT,
        "Group '" + name + "' is at version " + current + ", not " + expected + ".");
  }

  private Instant now() {
    // PostgreSQL keeps microseconds; truncating here makes the answer equal a later read.
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
