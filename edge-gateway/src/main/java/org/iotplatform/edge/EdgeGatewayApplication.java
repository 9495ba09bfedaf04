package org.iotplatform.edge;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Starts the edge gateway (port 18085 by default). */
@SpringBootApplication
public class EdgeGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(EdgeGatewayApplication.class, args);
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("IoT platform edge gateway")
                .version("v1")
                .description("Errors are RFC 9457 problem details."));
  }
}
