package org.iotplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Point;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.InfluxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(InfluxExtension.class)
class InfluxServerIT {

  @Test
  void answersAWrittenPointToAQuery(InfluxServer underTest) {
    underTest.createDatabase(InfluxSchema.DATABASE);
    String deviceId = TestDevices.createOne();

    try (InfluxDB client = InfluxDBFactory.connect(underTest.url())) {
      client.write(
          InfluxSchema.DATABASE,
          "autogen",
          Point.measurement(InfluxSchema.TELEMETRY_MEASUREMENT)
              .time(TestInstants.T0.toEpochMilli(), TimeUnit.MILLISECONDS)
              .tag(InfluxSchema.TAG_DEVICE_ID, deviceId)
              .addField("temperature", 23.4)
              .build());

      assertThat(temperatures(client, deviceId)).containsExactly(23.4);
    }
  }

  @Test
  void deleteAllDataKeepsDatabasesAndRetentionPolicies(InfluxServer underTest) {
    underTest.createDatabase("cleared");
    underTest.query("CREATE RETENTION POLICY \"raw\" ON \"cleared\" DURATION 30d REPLICATION 1");
    underTest.write("cleared", "m,device_id=d1 v=1 " + TestInstants.T0.toEpochMilli());

    underTest.deleteAllData();

    assertThat(underTest.queryCsv("SELECT * FROM \"cleared\"..\"m\"")).isEmpty();
    assertThat(underTest.databases()).contains("cleared");
    assertThat(underTest.query("SHOW RETENTION POLICIES ON \"cleared\"")).contains("\"raw\"");
  }

  @Test
  void dropAllDatabasesLeavesNone(InfluxServer underTest) {
    underTest.createDatabase("dropped");

    underTest.dropAllDatabases();

    assertThat(underTest.databases()).isEmpty();
  }

  @Test
  void keepsPointsAcrossARestartWithADataDirectory(@TempDir Path dataDir) {
    int port = FreePorts.pick();
    try (InfluxServer underTest = InfluxServer.start(port, dataDir)) {
      underTest.createDatabase("kept");
      underTest.write("kept", "m,device_id=d1 v=42 " + TestInstants.T0.toEpochMilli());
    }

    try (InfluxServer underTest = InfluxServer.start(port, dataDir)) {
      List<String> rows = underTest.queryCsv("SELECT v FROM \"kept\"..\"m\"");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(1)).endsWith(",42");
    }
  }

  private static List<Double> temperatures(InfluxDB client, String deviceId) {
    QueryResult result =
        client.query(
            new Query(
                "SELECT temperature FROM "
                    + InfluxSchema.TELEMETRY_MEASUREMENT
                    + " WHERE device_id = '"
                    + deviceId
                    + "'",
                InfluxSchema.DATABASE));
    return result.getResults().get(0).getSeries().get(0).getValues().stream()
        .map(row -> (Double) row.get(1))
        .toList();
  }
}
