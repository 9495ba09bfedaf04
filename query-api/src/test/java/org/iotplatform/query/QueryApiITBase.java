package org.iotplatform.query;

import org.iotplatform.testsupport.InfluxExtension;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The query API booted on a random port against the JVM's real InfluxDB, which {@link
 * InfluxExtension} empties before each test. Integration tests extend it so that they share one
 * Spring context.
 */
@ExtendWith(InfluxExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
public abstract class QueryApiITBase {

  @DynamicPropertySource
  static void influx(DynamicPropertyRegistry registry) {
    registry.add("iot.query.influx.url", () -> TestServers.influx().url());
  }
}
