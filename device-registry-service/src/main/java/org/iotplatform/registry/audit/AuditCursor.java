package org.iotplatform.registry.audit;

import java.util.regex.Pattern;
import org.iotplatform.registry.http.Cursors;

/** Where the next page of a history starts: before the row id of the last entry shown. */
record AuditCursor(long beforeId) {

  private static final String FORMAT = "h1";
  private static final Pattern ROW_ID = Pattern.compile("[0-9]{1,18}");

  String encode() {
    return Cursors.encode(FORMAT, Long.toString(beforeId));
  }

  /** Decodes a cursor from {@link #encode()}; anything else is 400 {@code page.invalid-cursor}. */
  static AuditCursor decode(String cursor) {
    return new AuditCursor(
        Long.parseLong(Cursors.decode(FORMAT, cursor, id -> ROW_ID.matcher(id).matches())));
  }
}
