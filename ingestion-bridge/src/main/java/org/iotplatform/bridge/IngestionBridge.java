package org.iotplatform.bridge;

import com.hivemq.embedded.EmbeddedExtension;
import java.util.Objects;

/**
 * The ingestion bridge as an extension of an in-process HiveMQ ({@code
 * com.hivemq:hivemq-community-edition-embedded}, which the embedding application provides).
 */
public final class IngestionBridge {

  /** The extension's id, as the broker logs and orders it. */
  public static final String ID = "iot-ingestion-bridge";

  public static final String NAME = "IoT platform ingestion bridge";

  /**
   * Priority among extensions: high, so that its authenticator, authorizer and interceptor run
   * before those of other extensions.
   */
  public static final int PRIORITY = 1000;

  private IngestionBridge() {}

  /** The bridge as an embedded extension, configured by {@code config}. */
  public static EmbeddedExtension embeddedExtension(BridgeConfig config) {
    return EmbeddedExtension.builder()
        .withId(ID)
        .withName(NAME)
        .withVersion(version())
        .withAuthor("IoT platform")
        .withPriority(PRIORITY)
        .withStartPriority(PRIORITY)
        .withExtensionMain(new IngestionBridgeMain(config))
        .build();
  }

  /** The version of this jar, or {@code dev} when run from classes. */
  public static String version() {
    return Objects.requireNonNullElse(
        IngestionBridge.class.getPackage().getImplementationVersion(), "dev");
  }
}
