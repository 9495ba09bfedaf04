package org.iotplatform.shadow.fleet;

import static org.iotplatform.testsupport.TestInstants.T0;

import java.math.BigDecimal;
import java.util.List;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.document.ShadowUpdate;

/** Shadows and index keys written briefly; JSON with single quotes so that tests stay readable. */
final class FleetFixtures {

  static final String TENANT = "acme";

  private FleetFixtures() {}

  /** A new shadow holding {@code desired} and {@code reported} (JSON objects, single quotes). */
  static ShadowDocument shadow(String desired, String reported) {
    return update(ShadowDocument.empty(), desired, reported);
  }

  /** {@code shadow} after an update of both sections. */
  static ShadowDocument update(ShadowDocument shadow, String desired, String reported) {
    String update = "{'state':{'desired':" + desired + ",'reported':" + reported + "}}";
    return shadow.apply(ShadowUpdate.parse(update.replace('\'', '"')), T0);
  }

  static List<String> path(String dotted) {
    return List.of(dotted.split("\\."));
  }

  static String all() {
    return IndexKeys.all(TENANT);
  }

  static String has(Section section, String path) {
    return IndexKeys.has(TENANT, section, path(path));
  }

  static String eq(Section section, String path, Object value) {
    Object indexed =
        value instanceof Number number
            ? IndexKeys.canonical(new BigDecimal(number.toString()))
            : value;
    return IndexKeys.eq(TENANT, section, path(path), indexed);
  }

  static String delta(String path) {
    return IndexKeys.delta(TENANT, path(path));
  }

  static String outOfSync() {
    return IndexKeys.outOfSync(TENANT);
  }
}
