package org.iotplatform.alerts;

import org.iotplatform.testsupport.ServiceEndpointChecks;
import org.iotplatform.testsupport.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Boots the whole service on a random port and checks what every platform service offers: its open
 * endpoints, a 401 problem for an API call without token, and a token of the platform's issuer
 * (here {@link TestJwts}'s key) let through to the API.
 */
class AlertEngineApplicationIT extends AlertEngineITBase {

  @Test
  void offersHealthMetricsOpenApiProblemDetailsAndAuthentication(@LocalServerPort int port) {
    ServiceEndpointChecks.at(port, "IoT platform alert engine")
        .withBearerToken(TestJwts.token("default", "viewer"))
        .assertAll();
  }
}
