package org.iotplatform.servers;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HiveMQ CE broker running in this JVM, with one TCP listener on 127.0.0.1, optionally a TLS
 * listener ({@link HiveMqTlsListener}) and, optionally, an embedded extension (the ingestion bridge
 * passes its own).
 *
 * <p>It writes its own {@code config.xml} into {@code <dir>/conf}; HiveMQ's data goes to {@code
 * <dir>/data}. HiveMQ does not reconfigure logging: its loggers ({@code com.hivemq}) follow the
 * application's logback configuration. Like {@link KafkaServer} it is not stopped by a JVM shutdown
 * hook; call {@link #close()} (which takes a few seconds) for a clean stop.
 */
public final class HiveMqServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HiveMqServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** Where HiveMQ keeps sessions, subscriptions, queued and retained messages. */
  public enum Persistence {
    /** Lost on stop; for tests. */
    IN_MEMORY("in-memory"),
    /** On disk in the data directory; for the embedded default. */
    FILE("file");

    private final String configValue;

    Persistence(String configValue) {
      this.configValue = configValue;
    }
  }

  private final EmbeddedHiveMQ hivemq;
  private final WorkDir workDir;
  private final int mqttPort;
  private final int tlsPort;
  private final @Nullable Thread tempDirCleanup;
  private final AtomicBoolean closed = new AtomicBoolean();

  private HiveMqServer(EmbeddedHiveMQ hivemq, WorkDir workDir, int mqttPort, int tlsPort) {
    this.hivemq = hivemq;
    this.workDir = workDir;
    this.mqttPort = mqttPort;
    this.tlsPort = tlsPort;
    this.tempDirCleanup =
        workDir.isTemporary() ? new Thread(workDir::close, "hivemq-cleanup") : null;
    if (tempDirCleanup != null) {
      Runtime.getRuntime().addShutdownHook(tempDirCleanup);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int mqttPort() {
    return mqttPort;
  }

  /** The broker's metrics, the extensions' included (e.g. to print a benchmark's figures). */
  public MetricRegistry metricRegistry() {
    return hivemq.getMetricRegistry();
  }

  /** {@code tcp://127.0.0.1:port}. */
  public String mqttUri() {
    return "tcp://" + FreePorts.LOOPBACK + ":" + mqttPort;
  }

  /**
   * The port of the TLS listener.
   *
   * @throws IllegalStateException when the broker was started without {@link Builder#tls}
   */
  public int tlsPort() {
    if (tlsPort == 0) {
      throw new IllegalStateException("HiveMQ was started without a TLS listener");
    }
    return tlsPort;
  }

  /**
   * {@code ssl://127.0.0.1:port}, the TLS listener's address as Paho-style clients take it (the
   * HiveMQ MQTT client takes {@link #tlsPort()} and an {@code sslConfig()} instead).
   *
   * @throws IllegalStateException when the broker was started without {@link Builder#tls}
   */
  public String tlsUri() {
    return "ssl://" + FreePorts.LOOPBACK + ":" + tlsPort();
  }

  /** Stops the broker (this takes about 4 s) and deletes a temporary data directory. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      hivemq.close();
    } catch (ExecutionException e) {
      LOG.warn("HiveMQ did not stop cleanly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workDir.close();
    if (tempDirCleanup != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(tempDirCleanup);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down.
      }
    }
  }

  /** Configures and starts a {@link HiveMqServer}. */
  public static final class Builder {

    private int mqttPort;
    private @Nullable Path dataDir;
    private Persistence persistence = Persistence.IN_MEMORY;
    private @Nullable EmbeddedExtension extension;
    private @Nullable Path extensionsFolder;
    private @Nullable HiveMqTlsListener tls;

    private Builder() {}

    /** The MQTT TCP port; 0 (the default) picks a free one. */
    public Builder mqttPort(int port) {
      this.mqttPort = port;
      return this;
    }

    /** Where config and data go; absent (the default) means a temporary directory. */
    public Builder dataDir(@Nullable Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** {@link Persistence#IN_MEMORY} by default. */
    public Builder persistence(Persistence persistence) {
      this.persistence = persistence;
      return this;
    }

    /** An extension to run inside the broker, as if it were installed in its extensions folder. */
    public Builder extension(@Nullable EmbeddedExtension extension) {
      this.extension = extension;
      return this;
    }

    /**
     * The folder the broker loads extensions from, as a standalone HiveMQ does from {@code
     * HIVEMQ_HOME/extensions} (one folder per extension); absent (the default) means an empty one.
     */
    public Builder extensionsFolder(@Nullable Path folder) {
      this.extensionsFolder = folder;
      return this;
    }

    /** Adds a TLS listener next to the plain one; absent (the default) means none. */
    public Builder tls(@Nullable HiveMqTlsListener tls) {
      this.tls = tls;
      return this;
    }

    /** Starts the broker and returns once its MQTT listeners accept connections. */
    public HiveMqServer start() {
      return FreePorts.startOnFreePort(mqttPort, this::startOn);
    }

    private HiveMqServer startOn(int port) {
      FreePorts.requireFree(port, "HiveMQ");
      int tlsPort = 0;
      if (tls != null) {
        tlsPort = tls.port() == 0 ? FreePorts.pick() : tls.port();
        FreePorts.requireFree(tlsPort, "HiveMQ (TLS listener)");
      }
      WorkDir workDir = WorkDir.of(dataDir, "hivemq");
      try {
        Path configDir = workDir.subdir("conf");
        writeConfig(configDir.resolve("config.xml"), port, tlsPort);
        EmbeddedHiveMQBuilder builder =
            EmbeddedHiveMQ.builder()
                .withConfigurationFolder(configDir)
                .withDataFolder(workDir.subdir("data"))
                .withExtensionsFolder(
                    extensionsFolder != null ? extensionsFolder : workDir.subdir("extensions"))
                // Keep the application's logging; HiveMQ's own bootstrap would replace it.
                .withoutLoggingBootstrap();
        if (extension != null) {
          builder.withEmbeddedExtension(extension);
        }
        EmbeddedHiveMQ hivemq = builder.build();
        startAndAwait(hivemq, port, tlsPort);
        LOG.info(
            "HiveMQ listening on {}:{} (TLS: {}), data in {}",
            FreePorts.LOOPBACK,
            port,
            tls == null ? "none" : tlsPort,
            workDir.path());
        return new HiveMqServer(hivemq, workDir, port, tlsPort);
      } catch (RuntimeException e) {
        workDir.close();
        throw e;
      }
    }

    private void writeConfig(Path file, int port, int tlsPort) {
      String tlsListener = tls == null ? "" : tls.configXml(tlsPort);
      String xml =
          """
          <?xml version="1.0"?>
          <hivemq>
            <listeners>
              <tcp-listener>
                <port>%d</port>
                <bind-address>%s</bind-address>
              </tcp-listener>
          %s  </listeners>
            <persistence>
              <mode>%s</mode>
            </persistence>
            <anonymous-usage-statistics>
              <enabled>false</enabled>
            </anonymous-usage-statistics>
          </hivemq>
          """
              .formatted(port, FreePorts.LOOPBACK, tlsListener, persistence.configValue);
      try {
        // Owner-only: with a TLS listener it holds the key store's password.
        if (!Files.exists(file)
            && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
      } catch (IOException e) {
        throw new ServerStartException("HiveMQ cannot write its configuration " + file, e);
      }
    }

    private static void startAndAwait(EmbeddedHiveMQ hivemq, int port, int tlsPort) {
      try {
        hivemq.start().get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        closeQuietly(hivemq);
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        throw new ServerStartException("HiveMQ failed to start on port " + port, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closeQuietly(hivemq);
        throw new ServerStartException("interrupted while HiveMQ was starting", e);
      }
      // HiveMQ logs a listener that failed to bind and starts anyway; catch that here.
      awaitListener(hivemq, port, "MQTT");
      if (tlsPort != 0) {
        awaitListener(hivemq, tlsPort, "TLS");
      }
    }

    private static void awaitListener(EmbeddedHiveMQ hivemq, int port, String listener) {
      if (!Poll.until(Duration.ofSeconds(10), () -> accepts(port))) {
        closeQuietly(hivemq);
        throw ServerStartException.portConflict(
            "HiveMQ started but its "
                + listener
                + " listener on "
                + FreePorts.LOOPBACK
                + ":"
                + port
                + " does not accept connections (port taken?)",
            null);
      }
    }

    private static boolean accepts(int port) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(FreePorts.loopback(), port), 1000);
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
      try {
        hivemq.close();
      } catch (ExecutionException | RuntimeException e) {
        LOG.debug("HiveMQ did not stop cleanly after a failed start", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
