package org.iotplatform.query;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts the query API (port 18080 by default). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryApiApplication {

  public static void main(String[] args) {
    SpringApplication.run(QueryApiApplication.class, args);
  }

  @Bean
  OpenAPI openApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("IoT platform query API")
                .version("v1")
                .description(
                    "Telemetry queries over InfluxDB. Errors are RFC 9457 problem details."));
  }
}
