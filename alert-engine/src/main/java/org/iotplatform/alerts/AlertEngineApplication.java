package org.iotplatform.alerts;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the alert engine (port 18084 by default). */
@SpringBootApplication
public class AlertEngineApplication {

  public static void main(String[] args) {
    SpringApplication.run(AlertEngineApplication.class, args);
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("IoT platform alert engine")
                .version("v1")
                .description("Errors are RFC 9457 problem details."));
  }
}
