package org.iotplatform.registry.group;

import org.iotplatform.registry.http.Cursors;

/** Where the next page of the group list starts: after the last name of the previous page. */
record GroupCursor(String afterName) {

  private static final String FORMAT = "g1";

  GroupCursor {
    if (!GroupValidation.NAME.matcher(afterName).matches()) {
      throw new IllegalArgumentException("invalid group name: " + afterName);
    }
  }

  String encode() {
    return Cursors.encode(FORMAT, afterName);
  }

  /** Decodes a cursor from {@link #encode()}; anything else is 400 {@code page.invalid-cursor}. */
  static GroupCursor decode(String cursor) {
    return new GroupCursor(
        Cursors.decode(FORMAT, cursor, name -> GroupValidation.NAME.matcher(name).matches()));
  }
}
