package org.iotplatform.registry.device;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Device attributes a dynamic group selects by; every non-null component narrows the selection.
 *
 * @param labels every pair must be among the device's labels
 * @param locationBox the device's location must lie inside
 */
public record DeviceCriteria(
    @Nullable String type,
    Map<String, String> labels,
    @Nullable String firmwareVersion,
    @Nullable LocationBox locationBox) {

  public DeviceCriteria {
    labels = Map.copyOf(labels);
  }

  /** Whether nothing narrows the selection, which would then be every device of the tenant. */
  public boolean isEmpty() {
    return type == null && labels.isEmpty() && firmwareVersion == null && locationBox == null;
  }
}
