package org.iotplatform.sdk.shadow;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * A shadow document as {@code shadow/get/accepted} gives it. The nodes belong to the caller: the
 * client keeps no reference to them.
 *
 * @param desired the state the platform wants (empty if none)
 * @param reported the state the device reported (empty if none)
 * @param delta the desired keys not reported yet (empty when the device is in sync)
 * @param version the document's version, 0 when the device has no shadow yet
 * @param timestamp when the document took that version (whole seconds; the epoch for version 0)
 */
public record ShadowDocument(
    ObjectNode desired, ObjectNode reported, ObjectNode delta, long version, Instant timestamp) {

  /** Whether the platform holds a shadow for the device at all. */
  public boolean exists() {
    return version > 0;
  }
}
