package org.iotplatform.query.telemetry;

import java.util.List;

/** Reads stored telemetry; an interface so the controller does not depend on InfluxDB. */
interface TelemetryReader {

  /**
   * The points matching {@code query}, oldest first; empty when nothing was ever stored.
   *
   * @throws org.iotplatform.web.ApiException with {@code telemetry.store-unavailable} when the
   *     store cannot be reached
   */
  List<TelemetryPoint> read(TelemetryQuery query);
}
