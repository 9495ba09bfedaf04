package org.iotplatform.ota;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the OTA campaign service (port 18083 by default). */
@SpringBootApplication
public class OtaCampaignApplication {

  public static void main(String[] args) {
    SpringApplication.run(OtaCampaignApplication.class, args);
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("IoT platform OTA campaign service")
                .version("v1")
                .description("Errors are RFC 9457 problem details."));
  }
}
