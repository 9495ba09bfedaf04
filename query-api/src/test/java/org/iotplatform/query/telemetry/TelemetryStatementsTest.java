package org.iotplatform.query.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryStatementsTest {

  private static final Instant FROM = Instant.parse("2026-01-31T12:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-31T13:00:00.5Z");

  @Test
  void selectsOneFieldOfOneDeviceOfOneTenantInAHalfOpenRangeOldestFirst() {
    TelemetryQuery query = new TelemetryQuery("acme", "d1", "temperature", FROM, TO, 1000);

    assertThat(TelemetryStatements.rawPoints("iot", "raw", query))
        .isEqualTo(
            "SELECT \"temperature\" FROM \"iot\".\"raw\".\"telemetry\""
                + " WHERE \"tenant_id\" = 'acme' AND \"device_id\" = 'd1'"
                + " AND time >= '2026-01-31T12:00:00Z' AND time < '2026-01-31T13:00:00.500Z'"
                + " ORDER BY time ASC LIMIT 1000");
  }

  @Test
  void keepsHostileValuesInsideTheirQuotes() {
    // The parser never lets these through; the statement must stay intact even if it did.
    TelemetryQuery query =
        new TelemetryQuery("acme", "x' OR 1=1 --", "t\" FROM \"_internal", FROM, TO, 1);

    assertThat(TelemetryStatements.rawPoints("iot", "raw", query))
        .startsWith("SELECT \"t\\\" FROM \\\"_internal\" FROM \"iot\"")
        .contains("\"device_id\" = 'x\\' OR 1=1 --' AND time >=");
  }
}
