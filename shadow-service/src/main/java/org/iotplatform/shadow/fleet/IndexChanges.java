package org.iotplatform.shadow.fleet;

import java.util.List;

/**
 * What one shadow change does to the fleet index: the sets (Redis keys) the shadow's member must
 * leave ({@code ZREM key member}) and join ({@code ZADD key 0 member}). Only the difference: an
 * update changing one value touches one or two sets. Both lists are sorted and never share a key,
 * so the order in which they are applied does not matter.
 *
 * @param removedKeys sets the member leaves
 * @param addedKeys sets the member joins
 */
public record IndexChanges(List<String> removedKeys, List<String> addedKeys) {

  public IndexChanges {
    removedKeys = List.copyOf(removedKeys);
    addedKeys = List.copyOf(addedKeys);
  }

  /** True when the index already describes the new document. */
  public boolean isEmpty() {
    return removedKeys.isEmpty() && addedKeys.isEmpty();
  }
}
