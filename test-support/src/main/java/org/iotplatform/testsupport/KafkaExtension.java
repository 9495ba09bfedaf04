package org.iotplatform.testsupport;

import org.iotplatform.servers.KafkaServer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives tests the JVM's {@link KafkaServer} (as a parameter or through {@link
 * TestServers#kafka()}).
 *
 * <p>It does not delete topics between tests, because applications under test keep consuming from
 * them: use fresh topic names ({@link TestTopics#unique}) or call {@link
 * KafkaServer#deleteAllTopics()} where a test needs an empty broker.
 */
public final class KafkaExtension extends ServerExtension<KafkaServer> {

  public KafkaExtension() {
    super(KafkaServer.class);
  }

  @Override
  KafkaServer server() {
    return TestServers.kafka();
  }

  @Override
  void reset(ExtensionContext context) {
    // See the class comment: topics are left alone.
  }
}
