package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Sends bulk imports and device types for the provisioning tests. */
final class BulkRequests {

  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  static final MediaType CSV = MediaType.parseMediaType("text/csv");

  private BulkRequests() {}

  static RestTestClient.ResponseSpec post(
      RestTestClient client, MediaType contentType, String body) {
    return client.post().uri("/api/v1/devices:bulk").contentType(contentType).body(body).exchange();
  }

  /** Imports {@code body}, expects 200 and returns the report. */
  static BulkReport importBody(RestTestClient client, MediaType contentType, String body) {
    BulkReport report =
        post(client, contentType, body)
            .expectStatus()
            .isOk()
            .expectBody(BulkReport.class)
            .returnResult()
            .getResponseBody();
    assertThat(report).isNotNull();
    return report;
  }

  static void createType(RestTestClient client, String name) {
    client
        .post()
        .uri("/api/v1/device-types")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", name))
        .exchange()
        .expectStatus()
        .isCreated();
  }
}
