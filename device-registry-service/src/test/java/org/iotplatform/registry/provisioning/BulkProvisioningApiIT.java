package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.iotplatform.registry.provisioning.BulkRequests.CSV;
import static org.iotplatform.registry.provisioning.BulkRequests.NDJSON;
import static org.iotplatform.registry.provisioning.BulkRequests.importBody;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.device.DeviceResponse;
import org.iotplatform.registry.device.Location;
import org.iotplatform.registry.provisioning.BulkReport.Failure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Bulk imports through the REST API on the real PostgreSQL, with the default limits. */
class BulkProvisioningApiIT extends RegistryITBase {

  private final RestTestClient underTest;
  private final JdbcTemplate jdbc;

  BulkProvisioningApiIT(@Autowired RestTestClient underTest, @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void createDeviceTypes() {
    BulkRequests.createType(underTest, "thermometer");
    BulkRequests.createType(underTest, "meter");
  }

  @Test
  void importsTheGoodLinesOfAnNdjsonBodyAndReportsEachBadOne() {
    String body =
        """
        {"id": "t-1", "type": "thermometer", "name": "Kitchen", "labels": {"site": "berlin"}, \
        "location": {"lat": 52.52, "lon": 13.405}, "metadata": {"serial": "A-17"}, \
        "firmwareVersion": "2.4.1"}
        {"id": "has space", "type": "thermometer"}
        {"id": "t-3", "type": "toaster"}
        {"id": "t-4", "type": "thermometer"

        {"id": "t-1", "type": "thermometer", "name": "again"}
        {"id": "t-7", "type": "meter"}
        {"id": "t-8", "type": "meter", "labels": ["not", "a", "map"]}
        [1, 2]
        {"id": "t-10", "type": "meter", "location": {"lat": 91, "lon": 0}}
        """;

    BulkReport report = importBody(underTest, NDJSON, body);

    assertThat(report.lines()).as("blank lines do not count").isEqualTo(9);
    assertThat(report.created()).isEqualTo(2);
    assertThat(report.failed()).isEqualTo(7);
    assertThat(report.failures())
        .extracting(Failure::line, Failure::id, Failure::errorCode)
        .containsExactly(
            tuple(2, "has space", "device.invalid-id"),
            tuple(3, "t-3", "device-type.unknown"),
            tuple(4, null, "bulk.malformed-line"),
            tuple(6, "t-1", "bulk.duplicate-id"),
            tuple(8, "t-8", "bulk.malformed-line"),
            tuple(9, null, "bulk.malformed-line"),
            tuple(10, "t-10", "device.invalid"));
    assertThat(report.failures().get(3).message()).contains("Line 1");
    assertThat(report.failures()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    DeviceResponse kitchen = read("t-1");
    assertThat(kitchen.name()).isEqualTo("Kitchen");
    assertThat(kitchen.labels()).isEqualTo(Map.of("site", "berlin"));
    assertThat(kitchen.location()).isEqualTo(new Location(52.52, 13.405));
    assertThat(kitchen.metadata()).isEqualTo(Map.of("serial", "A-17"));
    assertThat(kitchen.firmwareVersion()).isEqualTo("2.4.1");
    assertThat(kitchen.version()).isZero();
    assertThat(read("t-7").type()).isEqualTo("meter");
    assertThat(deviceCount()).isEqualTo(2);
  }

  @Test
  void importsTheGoodLinesOfACsvBodyAndReportsEachBadOne() {
    String body =
        """
        id,type,name,firmwareVersion,lat,lon,label.site,label.floor
        c-1,thermometer,"Kitchen, north",1.0,52.5,13.4,berlin,2
        c-2,meter,,,,,,
        bad/id,meter,,,,,,
        c-4,meter,"unterminated,,,,,,
        c-5,meter,too,few
        c-6,meter,,,north,13.4,,
        c-7,toaster,,,,,,
        c-1,meter,,,,,,
        """;

    BulkReport report = importBody(underTest, CSV, body);

    assertThat(report.lines()).isEqualTo(8);
    assertThat(report.created()).isEqualTo(2);
    assertThat(report.failures())
        .extracting(Failure::line, Failure::id, Failure::errorCode)
        .containsExactly(
            tuple(4, "bad/id", "device.invalid-id"),
            tuple(5, null, "bulk.malformed-line"),
            tuple(6, "c-5", "bulk.malformed-line"),
            tuple(7, "c-6", "device.invalid"),
            tuple(8, "c-7", "device-type.unknown"),
            tuple(9, "c-1", "bulk.duplicate-id"));
    DeviceResponse first = read("c-1");
    assertThat(first.name()).isEqualTo("Kitchen, north");
    assertThat(first.firmwareVersion()).isEqualTo("1.0");
    assertThat(first.location()).isEqualTo(new Location(52.5, 13.4));
    assertThat(first.labels()).isEqualTo(Map.of("site", "berlin", "floor", "2"));
    DeviceResponse second = read("c-2");
    assertThat(second.name()).isNull();
    assertThat(second.labels()).isEmpty();
    assertThat(second.location()).isNull();
  }

  @Test
  void reimportingTheSameBodyChangesNothingAndReportsEveryLineUnchanged() {
    String body = ndjson(1, 50);
    assertThat(importBody(underTest, NDJSON, body).created()).isEqualTo(50);
    int outboxRows = outboxCount();

    BulkReport again = importBody(underTest, NDJSON, body);

    assertThat(again.created()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.unchanged()).isEqualTo(50);
    assertThat(again.failed()).isZero();
    assertThat(read("d-7").version()).isZero();
    assertThat(outboxCount()).isEqualTo(outboxRows);
  }

  @Test
  void aLineWithTheSameContentInAnotherKeyOrderIsUnchanged() {
    importBody(
        underTest,
        NDJSON,
        "{\"id\": \"k-1\", \"type\": \"meter\", \"labels\": {\"a\": \"1\", \"b\": \"2\"},"
            + " \"metadata\": {\"x\": 1.5, \"y\": [1, 2]}}\n");

    BulkReport report =
        importBody(
            underTest,
            NDJSON,
            "{\"metadata\": {\"y\": [1, 2], \"x\": 1.5}, \"labels\": {\"b\": \"2\", \"a\": \"1\"},"
                + " \"type\": \"meter\", \"id\": \"k-1\"}\n");

    assertThat(report.unchanged()).isEqualTo(1);
    assertThat(read("k-1").version()).isZero();
  }

  @Test
  void updatesTheFieldsAChangedLineGivesAndKeepsTheOthers() {
    importBody(
        underTest,
        NDJSON,
        """
        {"id": "u-1", "type": "meter", "name": "Hall", "labels": {"site": "berlin"}, \
        "location": {"lat": 1, "lon": 2}, "firmwareVersion": "1.0"}
        {"id": "u-2", "type": "meter", "name": "Cellar"}
        """);

    BulkReport report =
        importBody(
            underTest,
            NDJSON,
            """
            {"id": "u-1", "type": "meter", "firmwareVersion": "1.1"}
            {"id": "u-2", "type": "meter", "name": "Cellar", "labels": {"floor": "1"}}
            {"id": "u-3", "type": "meter"}
            """);

    assertThat(report.updated()).isEqualTo(2);
    assertThat(report.created()).isEqualTo(1);
    DeviceResponse updated = read("u-1");
    assertThat(updated.firmwareVersion()).isEqualTo("1.1");
    assertThat(updated.name()).isEqualTo("Hall");
    assertThat(updated.labels()).isEqualTo(Map.of("site", "berlin"));
    assertThat(updated.location()).isEqualTo(new Location(1.0, 2.0));
    assertThat(updated.version()).isEqualTo(1);
    assertThat(updated.updatedAt()).isAfter(updated.createdAt());
  }

  @Test
  void refusesALineThatWouldChangeADevicesType() {
    importBody(underTest, NDJSON, "{\"id\": \"x-1\", \"type\": \"meter\"}\n");

    BulkReport report =
        importBody(underTest, NDJSON, "{\"id\": \"x-1\", \"type\": \"thermometer\"}\n");

    assertThat(report.failures())
        .extracting(Failure::line, Failure::id, Failure::errorCode)
        .containsExactly(tuple(1, "x-1", "bulk.type-change"));
    assertThat(read("x-1").type()).isEqualTo("meter");
  }

  @Test
  void aDryRunReportsWhatAnImportWouldDoAndStoresNothing() {
    importBody(underTest, NDJSON, "{\"id\": \"r-1\", \"type\": \"meter\"}\n");
    int outboxRows = outboxCount();

    BulkReport report =
        underTest
            .post()
            .uri("/api/v1/devices:bulk?dryRun=true")
            .contentType(NDJSON)
            .body(
                """
                {"id": "r-1", "type": "meter", "name": "renamed"}
                {"id": "r-2", "type": "meter"}
                {"id": "r-3", "type": "toaster"}
                """)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(BulkReport.class)
            .returnResult()
            .getResponseBody();

    assertThat(report).isNotNull();
    assertThat(report.dryRun()).isTrue();
    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(deviceCount()).isEqualTo(1);
    assertThat(read("r-1").name()).isNull();
    assertThat(outboxCount()).isEqualTo(outboxRows);
  }

  @Test
  void reportsALineOverTheSizeLimitAndImportsTheLinesAroundIt() {
    String huge = "x".repeat(17 * 1024);
    String body =
        "{\"id\": \"s-1\", \"type\": \"meter\"}\n"
            + "{\"id\": \"s-2\", \"type\": \"meter\", \"name\": \""
            + huge
            + "\"}\n"
            + "{\"id\": \"s-3\", \"type\": \"meter\"}\n";

    BulkReport report = importBody(underTest, NDJSON, body);

    assertThat(report.created()).isEqualTo(2);
    assertThat(report.failures())
        .extracting(Failure::line, Failure::errorCode)
        .containsExactly(tuple(2, "bulk.line-too-long"));
    assertThat(report.failures().get(0).message()).contains("16384 bytes");
  }

  @Test
  void importsTenThousandDevicesInOneRequest() {
    BulkReport report = importBody(underTest, NDJSON, ndjson(1, 10_000));

    assertThat(report.created()).isEqualTo(10_000);
    assertThat(report.failed()).isZero();
    assertThat(deviceCount()).isEqualTo(10_000);
    assertThat(outboxCount()).isEqualTo(10_000);
  }

  @Test
  void answersAProblemForAnotherContentType() {
    assertProblem(
        BulkRequests.post(underTest, MediaType.APPLICATION_JSON, "[]"),
        415,
        "bulk.unsupported-media-type");
    assertProblem(
        BulkRequests.post(
            underTest, MediaType.parseMediaType("text/csv;charset=ISO-8859-1"), "id,type\n"),
        415,
        "bulk.unsupported-media-type");
  }

  @Test
  void answersAProblemForABodyWithoutDeviceLines() {
    assertProblem(BulkRequests.post(underTest, NDJSON, "\n  \n"), 400, "bulk.empty");
    assertProblem(BulkRequests.post(underTest, CSV, "id,type\n"), 400, "bulk.empty");
  }

  @Test
  void answersAProblemForACsvHeaderWithAnUnknownColumn() {
    assertProblem(
        BulkRequests.post(underTest, CSV, "id,type,colour\nc-1,meter,red\n"),
        400,
        "bulk.invalid-header");
    assertThat(deviceCount()).isZero();
  }

  @Test
  void theOpenApiDocumentNamesBothBodyFormats() {
    underTest
        .get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath(
            "$.paths['/api/v1/devices:bulk'].post.requestBody.content['application/x-ndjson']")
        .exists()
        .jsonPath("$.paths['/api/v1/devices:bulk'].post.requestBody.content['text/csv']")
        .exists();
  }

  /** Lines for devices {@code d-from} to {@code d-to} of type meter. */
  static String ndjson(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(
            i ->
                "{\"id\": \"d-"
                    + i
                    + "\", \"type\": \"meter\", \"name\": \"Meter "
                    + i
                    + "\", \"labels\": {\"site\": \"s"
                    + (i % 10)
                    + "\"}, \"firmwareVersion\": \"1.0\"}")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private DeviceResponse read(String id) {
    DeviceResponse device =
        underTest
            .get()
            .uri("/api/v1/devices/" + id)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(DeviceResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(device).isNotNull();
    return device;
  }

  private int deviceCount() {
    Integer count = jdbc.queryForObject("SELECT count(*) FROM devices", Integer.class);
    return count == null ? 0 : count;
  }

  private int outboxCount() {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM outbox WHERE topic = ?", Integer.class, KafkaTopics.DEVICES);
    return count == null ? 0 : count;
  }
}
