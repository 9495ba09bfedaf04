package org.iotplatform.registry.devicetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.iotplatform.contracts.DeviceTypeSnapshot;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** Migration V60 on a real PostgreSQL announces the device types that existed before it. */
class DeviceTypeMigrationIT {

  private static final String DATABASE = "device_type_migration_it";

  @Test
  void announcesExistingTypesAsSnapshotsOfTheContract() {
    PostgresServer postgres = TestServers.postgres();
    postgres.dropDatabase(DATABASE);
    postgres.createDatabase(DATABASE);
    var dataSource =
        new DriverManagerDataSource(
            postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    flyway(dataSource).target("50").load().migrate();
    jdbc.update(
        "INSERT INTO device_types (tenant_id, name, metrics, created_at) VALUES ('default',"
            + " 'thermometer', '{\"temperature\": {\"unit\": \"Cel\", \"min\": -40, \"max\": 85.5},"
            + " \"battery\": {\"unit\": null, \"min\": null, \"max\": null}}',"
            + " '2026-11-22T12:00:00.123456Z')");

    flyway(dataSource).load().migrate();

    List<Map<String, Object>> rows =
        jdbc.queryForList("SELECT topic, record_key, payload FROM outbox");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0))
        .containsEntry("topic", KafkaTopics.DEVICE_TYPES)
        .containsEntry("record_key", DeviceTypeSnapshot.key("default", "thermometer"));
    DeviceTypeSnapshot snapshot =
        JsonMapper.builder()
            .build()
            .readValue((byte[]) rows.get(0).get("payload"), DeviceTypeSnapshot.class);
    assertThat(snapshot)
        .isEqualTo(
            new DeviceTypeSnapshot(
                "default",
                "thermometer",
                Map.of(
                    "temperature", new DeviceTypeSnapshot.MetricRange("Cel", -40.0, 85.5),
                    "battery", new DeviceTypeSnapshot.MetricRange(null, null, null)),
                0,
                Instant.parse("2026-11-22T12:00:00.123456Z")));
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      DriverManagerDataSource dataSource) {
    return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
  }
}
