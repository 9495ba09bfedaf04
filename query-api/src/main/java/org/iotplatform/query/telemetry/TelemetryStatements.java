package org.iotplatform.query.telemetry;

import static org.iotplatform.query.influx.InfluxQl.identifier;
import static org.iotplatform.query.influx.InfluxQl.qualifiedMeasurement;
import static org.iotplatform.query.influx.InfluxQl.string;
import static org.iotplatform.query.influx.InfluxQl.time;

import org.iotplatform.contracts.InfluxSchema;

/** The InfluxQL statements of telemetry queries. */
final class TelemetryStatements {

  private TelemetryStatements() {}

  /**
   * Selects one field of one device's series of the query's tenant in {@code [from, to)}, oldest
   * first. InfluxDB leaves out points that do not carry the field, so every row has a value; a
   * device of another tenant reads as one that sent nothing.
   */
  static String rawPoints(String database, String retentionPolicy, TelemetryQuery query) {
    return "SELECT "
        + identifier(query.metric())
        + " FROM "
        + qualifiedMeasurement(database, retentionPolicy, InfluxSchema.TELEMETRY_MEASUREMENT)
        + " WHERE "
        + identifier(InfluxSchema.TAG_TENANT_ID)
        + " = "
        + string(query.tenant())
        + " AND "
        + identifier(InfluxSchema.TAG_DEVICE_ID)
        + " = "
        + string(query.deviceId())
        + " AND time >= "
        + time(query.from())
        + " AND time < "
        + time(query.to())
        + " ORDER BY time ASC LIMIT "
        + query.limit();
  }
}
