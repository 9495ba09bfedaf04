package org.iotplatform.registry.fleet;

import org.iotplatform.registry.device.DeviceWhere;
import org.iotplatform.registry.device.GroupScopes;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts a tenant's devices for dashboards, in SQL: no device is loaded. */
@Service
class FleetSummaryService {

  private final FleetSummaryRepository repository;
  private final GroupScopes groups;

  FleetSummaryService(FleetSummaryRepository repository, GroupScopes groups) {
    this.repository = repository;
    this.groups = groups;
  }

  /**
   * @param type only devices of this type, if given
   * @param group only devices of this group (name or id), if given
   */
  @Transactional(readOnly = true)
  FleetSummary summary(String tenant, @Nullable String type, @Nullable String group) {
    DeviceWhere where =
        new DeviceWhere(tenant)
            .type(type)
            .group(group == null ? null : groups.scope(tenant, group));
    return FleetCounts.summary(repository.counts(where));
  }
}
