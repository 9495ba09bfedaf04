package org.iotplatform.registry;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the device registry (port 18081 by default). */
@SpringBootApplication
public class DeviceRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(DeviceRegistryApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("IoT platform device registry")
                .version("v1")
                .description("Errors are RFC 9457 problem details."));
  }
}
