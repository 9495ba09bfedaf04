package org.iotplatform.shadow;

import org.iotplatform.testsupport.KafkaExtension;
import org.iotplatform.testsupport.RedisExtension;
import org.iotplatform.testsupport.TestJwts;
import org.iotplatform.testsupport.TestServers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service booted on a random port against the JVM's real Redis (emptied before each test by
 * {@link RedisExtension}) and Kafka, accepting tokens of {@link TestJwts}. Integration tests extend
 * it so that they share one Spring context.
 */
@ExtendWith({RedisExtension.class, KafkaExtension.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ShadowITBase {

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) {
    registry.add(TestJwts.PUBLIC_KEY_PROPERTY, TestJwts::publicKeyLocation);
    registry.add("iot.shadow.store.redis-uri", () -> TestServers.redis().uri());
    registry.add("spring.kafka.bootstrap-servers", () -> TestServers.kafka().bootstrapServers());
  }
}
