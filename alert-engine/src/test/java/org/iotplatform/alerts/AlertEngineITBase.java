package org.iotplatform.alerts;

import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.PostgresExtension;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service booted on a random port against the JVM's real PostgreSQL (emptied before each test
 * by {@link PostgresExtension}) and Kafka, accepting tokens of {@link TestJwts}. Integration tests
 * extend it so that they share one Spring context.
 */
@ExtendWith({PostgresExtension.class, KafkaExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AlertEngineITBase {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
    registry.add("spring.datasource.url", TestServers::postgresJdbcUrl);
    registry.add("spring.datasource.username", () -> TestServers.postgres().user());
    registry.add("spring.datasource.password", () -> TestServers.postgres().password());
    registry.add("spring.kafka.bootstrap-servers", () -> TestServers.kafka().bootstrapServers());
  }
}
