package org.iotplatform.registry.http;

import org.iotplatform.web.ApiException;
import org.iotplatform.web.ErrorCode;
import org.jspecify.annotations.Nullable;

/** How many items a page holds: {@code limit} from 1 to 500, 50 when absent. */
public final class PageSize {

  public static final int DEFAULT = 50;
  public static final int MAX = 500;

  private PageSize() {}

  /**
   * @param error the catalogue entry to refuse a limit out of range with
   */
  public static int of(@Nullable Integer limit, ErrorCode error) {
    if (limit == null) {
      return DEFAULT;
    }
    if (limit < 1 || limit > MAX) {
      throw new ApiException(error, "limit must be 1 to " + MAX + ", got " + limit + ".");
    }
    return limit;
  }
}
