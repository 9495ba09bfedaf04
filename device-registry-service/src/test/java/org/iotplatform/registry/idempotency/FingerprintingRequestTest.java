package org.iotplatform.registry.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class FingerprintingRequestTest {

  @Test
  void coversTheWholeBodyHoweverFarTheHandlerRead() throws IOException {
    FingerprintingRequest unread = new FingerprintingRequest(request("/a", null, "hello world"));
    FingerprintingRequest partlyRead =
        new FingerprintingRequest(request("/a", null, "hello world"));
    assertThat(partlyRead.getInputStream().readNBytes(5))
        .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));

    assertThat(partlyRead.fingerprint()).isEqualTo(unread.fingerprint());
  }

  @Test
  void differsForAnotherBodyPathQueryOrContentType() throws IOException {
    byte[] original = fingerprint(request("/a", null, "body"));

    assertThat(fingerprint(request("/a", null, "bodY"))).isNotEqualTo(original);
    assertThat(fingerprint(request("/b", null, "body"))).isNotEqualTo(original);
    assertThat(fingerprint(request("/a", "dryRun=true", "body"))).isNotEqualTo(original);
    MockHttpServletRequest csv = request("/a", null, "body");
    csv.setContentType("text/csv");
    assertThat(fingerprint(csv)).isNotEqualTo(original);
  }

  private static byte[] fingerprint(MockHttpServletRequest request) throws IOException {
    return new FingerprintingRequest(request).fingerprint();
  }

  private static MockHttpServletRequest request(String uri, String query, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setQueryString(query);
    request.setContentType("application/x-ndjson");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }
}
