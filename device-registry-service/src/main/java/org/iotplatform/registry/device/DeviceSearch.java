package org.iotplatform.registry.device;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The device search, in SQL because label containment ({@code @>}) has no JPQL form. */
interface DeviceSearch {

  /**
   * Up to {@code limit} devices of the tenant matching the filter with an id greater than {@code
   * afterId}, ordered by id.
   */
  List<DeviceEntity> search(
      String tenant, DeviceFilter filter, @Nullable String afterId, int limit);
}
