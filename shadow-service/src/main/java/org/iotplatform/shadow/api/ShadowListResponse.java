package org.iotplatform.shadow.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A device's shadows. */
record ShadowListResponse(List<Item> items) {

  /**
   * @param name null for the classic shadow
   */
  record Item(@Nullable String name) {}
}
