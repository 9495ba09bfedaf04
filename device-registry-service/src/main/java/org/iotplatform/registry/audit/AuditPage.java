package org.iotplatform.registry.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a device's history, newest first; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> items, @Nullable String nextCursor) {

  public AuditPage {
    items = List.copyOf(items);
  }
}
