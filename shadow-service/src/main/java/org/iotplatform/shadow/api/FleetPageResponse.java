package org.iotplatform.shadow.api;

import java.util.List;
import org.iotplatform.shadow.fleet.FleetPage;
import org.jspecify.annotations.Nullable;

/** A page of fleet query matches: device ids with the shadow name (null for the classic one). */
record FleetPageResponse(List<Item> items, @Nullable String nextCursor) {

  record Item(String deviceId, @Nullable String shadowName) {}

  static FleetPageResponse of(FleetPage page) {
    return new FleetPageResponse(
        page.items().stream().map(key -> new Item(key.deviceId(), key.shadowName())).toList(),
        page.nextCursor());
  }
}
