package org.iotplatform.alerts.alert;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of alerts, newest firing first; {@code nextCursor} is null on the last page. */
public record AlertPage(List<AlertResponse> items, @Nullable String nextCursor) {

  public AlertPage {
    items = List.copyOf(items);
  }
}
