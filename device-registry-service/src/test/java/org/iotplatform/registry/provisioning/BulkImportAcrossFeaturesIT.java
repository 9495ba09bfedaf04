package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bulk import meets the registry's other features as a single create or update does: the snapshot
 * of an updated device keeps its credentials, each imported device has its audit record, and an id
 * another tenant holds is refused on its line (ADR 0007).
 */
class BulkImportAcrossFeaturesIT extends RegistryITBase {

  private static final String OTHER_TENANT = "bulk-other";

  private final RestTestClient underTest;
  private final JdbcTemplate jdbc;

  BulkImportAcrossFeaturesIT(@Autowired RestTestClient underTest, @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void createType() {
    BulkRequests.createType(underTest, "meter");
  }

  @Test
  void keepsTheCredentialsInTheSnapshotOfAnUpdatedDevice() {
    BulkRequests.importBody(
        underTest, BulkRequests.NDJSON, "{\"id\":\"bk-1\",\"type\":\"meter\"}\n");
    underTest
        .post()
        .uri("/api/v1/devices/bk-1/credentials/tokens")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of())
        .exchange()
        .expectStatus()
        .isCreated();

    BulkReport report =
        BulkRequests.importBody(
            underTest,
            BulkRequests.NDJSON,
            "{\"id\":\"bk-1\",\"type\":\"meter\",\"name\":\"B\"}\n");

    assertThat(report.updated()).isEqualTo(1);
    JsonNode snapshot = latestSnapshot("bk-1");
    assertThat(snapshot.path("name").asString()).isEqualTo("B");
    assertThat(snapshot.path("credentials")).hasSize(1);
    assertThat(snapshot.path("credentials").get(0).path("kind").asString()).isEqualTo("TOKEN");
  }

  @Test
  void recordsEachImportedDeviceInItsHistory() {
    BulkRequests.importBody(
        underTest, BulkRequests.NDJSON, "{\"id\":\"bk-2\",\"type\":\"meter\"}\n");
    BulkRequests.importBody(
        underTest, BulkRequests.NDJSON, "{\"id\":\"bk-2\",\"type\":\"meter\",\"name\":\"B\"}\n");

    assertThat(
            jdbc.queryForList(
                "SELECT details->>'outcome' FROM device_audit WHERE device_id = 'bk-2'"
                    + " AND action = 'device.imported' ORDER BY id",
                String.class))
        .isEqualTo(List.of("created", "updated"));
  }

  @Test
  void refusesAnIdAnotherTenantHoldsAndImportsTheRest() {
    jdbc.update(
        "INSERT INTO tenants (id, name) VALUES (?, 'Other') ON CONFLICT DO NOTHING", OTHER_TENANT);
    jdbc.update(
        "INSERT INTO device_types (tenant_id, name, created_at) VALUES (?, 'meter', now())",
        OTHER_TENANT);
    jdbc.update(
        "INSERT INTO devices (tenant_id, id, type, status, created_at, updated_at, version)"
            + " VALUES (?, 'taken-1', 'meter', 'OFFLINE', now(), now(), 0)",
        OTHER_TENANT);

    BulkReport report =
        BulkRequests.importBody(
            underTest,
            BulkRequests.NDJSON,
            "{\"id\":\"taken-1\",\"type\":\"meter\"}\n{\"id\":\"bk-3\",\"type\":\"meter\"}\n");

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.line()).isEqualTo(1);
              assertThat(failure.errorCode()).isEqualTo("device.duplicate");
            });
    assertThat(
            jdbc.queryForObject("SELECT tenant_id FROM devices WHERE id = 'taken-1'", String.class))
        .isEqualTo(OTHER_TENANT);
  }

  private JsonNode latestSnapshot(String id) {
    byte[] payload =
        jdbc.queryForObject(
            "SELECT payload FROM outbox WHERE record_key = ? ORDER BY id DESC LIMIT 1",
            byte[].class,
            id);
    return JsonMapper.builder().build().readTree(new String(payload, StandardCharsets.UTF_8));
  }
}
