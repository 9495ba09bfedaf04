package org.iotplatform.shadow;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the shadow service (port 18082 by default). */
@SpringBootApplication
public class ShadowServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ShadowServiceApplication.class, args);
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("IoT platform shadow service")
                .version("v1")
                .description("Errors are RFC 9457 problem details."));
  }
}
