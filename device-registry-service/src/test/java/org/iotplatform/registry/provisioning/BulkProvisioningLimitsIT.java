package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.iotplatform.registry.provisioning.BulkRequests.NDJSON;
import static org.iotplatform.registry.provisioning.BulkRequests.importBody;

import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.provisioning.BulkReport.Failure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Bulk imports against small limits (a context of its own): batches of two devices, at most six
 * lines of 200 bytes, two failures listed.
 */
@TestPropertySource(
    properties = {
      "iot.registry.provisioning.batch-size=2",
      "iot.registry.provisioning.max-lines=6",
      "iot.registry.provisioning.max-line-size=200B",
      "iot.registry.provisioning.max-reported-failures=2"
    })
class BulkProvisioningLimitsIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final JdbcTemplate jdbc;

  BulkProvisioningLimitsIT(@Autowired RestTestClient underTest, @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void createDeviceType() {
    BulkRequests.createType(underTest, "meter");
  }

  @Test
  void stopsAtTheLineAfterTheMostAllowedAndReportsIt() {
    BulkReport report = importBody(underTest, NDJSON, BulkProvisioningApiIT.ndjson(1, 20));

    assertThat(report.truncated()).isTrue();
    assertThat(report.created()).isEqualTo(6);
    assertThat(report.failures())
        .extracting(Failure::line, Failure::errorCode)
        .containsExactly(tuple(7, "bulk.too-many-lines"));
    assertThat(report.failures().get(0).message()).contains("after 6 device lines");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM devices", Integer.class)).isEqualTo(6);
  }

  @Test
  void reportsLinesOverTheConfiguredSize() {
    String body =
        "{\"id\": \"s-1\", \"type\": \"meter\", \"name\": \""
            + "n".repeat(200)
            + "\"}\n{\"id\": \"s-2\", \"type\": \"meter\"}\n";

    BulkReport report = importBody(underTest, NDJSON, body);

    assertThat(report.failures())
        .extracting(Failure::line, Failure::errorCode)
        .containsExactly(tuple(1, "bulk.line-too-long"));
    assertThat(report.created()).isEqualTo(1);
  }

  @Test
  void findsDuplicateIdsAcrossBatchesAndListsTheFirstFailuresOnly() {
    String body =
        """
        {"id": "a", "type": "meter"}
        {"id": "b", "type": "meter"}
        {"id": "c", "type": "toaster"}
        {"id": "a", "type": "meter"}
        {"id": "d", "type": "meter"}
        {"id": "b", "type": "meter"}
        """;

    BulkReport report = importBody(underTest, NDJSON, body);

    assertThat(report.created()).isEqualTo(3);
    assertThat(report.failed()).isEqualTo(3);
    assertThat(report.failures())
        .extracting(Failure::line, Failure::errorCode)
        .containsExactly(tuple(3, "device-type.unknown"), tuple(4, "bulk.duplicate-id"));
    assertThat(report.failuresOmitted()).isEqualTo(1);
  }
}
