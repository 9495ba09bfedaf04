package org.iotplatform.testsupport;

import com.hivemq.embedded.EmbeddedExtension;
import java.util.Objects;
import java.util.function.Supplier;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.servers.InfluxServer;
import org.iotplatform.servers.KafkaServer;
import org.iotplatform.servers.PostgresServer;
import org.iotplatform.servers.RedisServer;
import org.jspecify.annotations.Nullable;

/**
 * The real servers of this test JVM: each starts on first use, on free ports with temporary data,
 * and lives until the JVM exits.
 *
 * <p>Owning the servers once per JVM, rather than per test class, keeps them running while Spring
 * test contexts (cached until the JVM exits) shut down; stopping them earlier made those contexts
 * wait for unreachable servers. The extensions ({@link KafkaExtension}, {@link RedisExtension},
 * ...) use these servers and reset their data before each test.
 */
public final class TestServers {

  /** The database {@link #postgresJdbcUrl()} points to; {@link PostgresExtension} empties it. */
  public static final String POSTGRES_DATABASE = "test";

  private static @Nullable KafkaServer kafka;
  private static @Nullable InfluxServer influx;
  private static @Nullable RedisServer redis;
  private static @Nullable PostgresServer postgres;
  private static @Nullable HiveMqServer hiveMq;
  private static @Nullable String hiveMqExtensionId;

  private TestServers() {}

  /** The Kafka broker; {@code bootstrapServers()} for clients. */
  public static synchronized KafkaServer kafka() {
    if (kafka == null) {
      kafka = KafkaServer.start(0);
    }
    return kafka;
  }

  /** The InfluxDB server (v1 API at {@code url()}). */
  public static synchronized InfluxServer influx() {
    if (influx == null) {
      influx = InfluxServer.start(0, null);
    }
    return influx;
  }

  /** The Redis server ({@code uri()} for Lettuce). */
  public static synchronized RedisServer redis() {
    if (redis == null) {
      redis = RedisServer.start(0, null);
    }
    return redis;
  }

  /** The PostgreSQL server, with the database {@link #POSTGRES_DATABASE} created. */
  public static synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = PostgresServer.start(0, null);
      postgres.createDatabase(POSTGRES_DATABASE);
    }
    return postgres;
  }

  /** The JDBC URL of {@link #POSTGRES_DATABASE}; user and password from {@link #postgres()}. */
  public static String postgresJdbcUrl() {
    return postgres().jdbcUrl(POSTGRES_DATABASE);
  }

  /** A HiveMQ broker without extensions. */
  public static synchronized HiveMqServer hiveMq() {
    return hiveMq(null, null);
  }

  /**
   * A HiveMQ broker running the given extension. The supplier is called on every call, to compare
   * the extension's id with the running broker's: a broker with the same extension is reused, else
   * it is stopped (about 4 s) and a new one started with the new extension.
   */
  public static synchronized HiveMqServer hiveMq(Supplier<EmbeddedExtension> extension) {
    EmbeddedExtension built = extension.get();
    return hiveMq(built, built.getId());
  }

  private static HiveMqServer hiveMq(
      @Nullable EmbeddedExtension extension, @Nullable String extensionId) {
    if (hiveMq != null && Objects.equals(hiveMqExtensionId, extensionId)) {
      return hiveMq;
    }
    if (hiveMq != null) {
      hiveMq.close();
      hiveMq = null;
    }
    hiveMq = HiveMqServer.builder().extension(extension).start();
    hiveMqExtensionId = extensionId;
    return hiveMq;
  }
}
