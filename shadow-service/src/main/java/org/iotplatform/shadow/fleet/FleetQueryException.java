package org.iotplatform.shadow.fleet;

import org.iotplatform.web.ApiException;

/**
 * A fleet query or cursor that cannot be run, answered as a 400 problem detail ({@code
 * shadow.invalid-query} or {@code shadow.invalid-cursor}) saying where and what was wrong.
 */
public final class FleetQueryException extends ApiException {

  FleetQueryException(FleetQueryError error, String problem) {
    super(error, problem);
  }

  /** A query that does not parse or cannot be answered from the index. */
  static FleetQueryException invalidQuery(String problem) {
    return new FleetQueryException(FleetQueryError.INVALID_QUERY, problem);
  }

  /** A cursor that no page of a fleet query handed out. */
  static FleetQueryException invalidCursor(String problem) {
    return new FleetQueryException(FleetQueryError.INVALID_CURSOR, problem);
  }
}
