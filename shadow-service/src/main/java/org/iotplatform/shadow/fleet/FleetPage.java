package org.iotplatform.shadow.fleet;

import java.util.List;
import org.iotplatform.shadow.store.ShadowKey;
import org.jspecify.annotations.Nullable;

/**
 * One page of a fleet query's matches, in the lexical order of {@link ShadowKey#member()}.
 *
 * <p>A page may hold fewer items than asked for, even none, and still have a next cursor: a query
 * scans a bounded number of candidates per call so that it never blocks Redis for long. Keep asking
 * while {@code nextCursor} is not null.
 *
 * @param items the matches of this page
 * @param nextCursor opaque; where the next page starts, or null when the query has no more matches
 */
public record FleetPage(List<ShadowKey> items, @Nullable String nextCursor) {

  public FleetPage {
    items = List.copyOf(items);
  }
}
