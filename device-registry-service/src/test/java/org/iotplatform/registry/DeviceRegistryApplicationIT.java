package org.iotplatform.registry;

import org.iotplatform.contracts.Tenants;
import org.iotplatform.testsupport.ServiceEndpointChecks;
import org.iotplatform.web.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Boots the whole service on a random port and checks what every platform service offers. */
class DeviceRegistryApplicationIT extends RegistryITBase {

  @Test
  void offersHealthMetricsOpenApiAndProblemDetails(@LocalServerPort int port) {
    ServiceEndpointChecks.at(port, "IoT platform device registry")
        .withBearerToken(tokenFor(Tenants.DEFAULT, Role.VIEWER))
        .assertAll();
  }
}
