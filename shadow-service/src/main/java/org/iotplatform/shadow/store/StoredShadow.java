package org.iotplatform.shadow.store;

import org.iotplatform.shadow.document.ShadowDocument;
import org.jspecify.annotations.Nullable;

/**
 * A shadow as read from Redis.
 *
 * @param document the document; empty (but with the last version) when the shadow does not exist
 * @param exists whether the shadow exists: false for one never written or deleted
 * @param tenantId the tenant it was written for, null when it does not exist
 */
public record StoredShadow(ShadowDocument document, boolean exists, @Nullable String tenantId) {

  /**
   * The version the next write must find in Redis: versions go on across a delete, so a device that
   * saw version 9 before the delete does not take the new shadow's deltas for stale ones.
   */
  public long version() {
    return document.version();
  }
}
