package org.iotplatform.registry.device;

import org.springframework.test.web.servlet.client.RestTestClient;

/** Reads one page of the device search, for the registry's API tests. */
final class DevicePages {

  private DevicePages() {}

  /** GETs {@code uri}, expects 200 and returns the page. */
  static DevicePage fetch(RestTestClient client, String uri) {
    return client
        .get()
        .uri(uri)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(DevicePage.class)
        .returnResult()
        .getResponseBody();
  }
}
