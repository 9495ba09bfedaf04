package org.iotplatform.servers;

import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), running in this JVM.
 *
 * <p>Small footprint: replication factor 1 everywhere, 4 partitions per topic by default, small
 * internal topics. With a data directory the topics and their records survive a restart; the
 * cluster id is kept in the directory's {@code meta.properties}.
 *
 * <p>Unlike the child-process servers it is not stopped by a JVM shutdown hook: it ends with the
 * JVM, so services in the same JVM that commit offsets while they shut down still reach it. Call
 * {@link #close()} for a clean stop (the embedded default does, after its services).
 */
public final class KafkaServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaServer.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaRaftServer broker;
  private final Admin admin;
  private final WorkDir workDir;
  private final int port;
  private final @Nullable Thread tempDirCleanup;
  private final AtomicBoolean closed = new AtomicBoolean();

  private KafkaServer(KafkaRaftServer broker, Admin admin, WorkDir workDir, int port) {
    this.broker = broker;
    this.admin = admin;
    this.workDir = workDir;
    this.port = port;
    this.tempDirCleanup =
        workDir.isTemporary() ? new Thread(workDir::close, "kafka-cleanup") : null;
    if (tempDirCleanup != null) {
      Runtime.getRuntime().addShutdownHook(tempDirCleanup);
    }
  }

  /** Starts a broker on {@code port} (0 = a free port) with a temporary data directory. */
  public static KafkaServer start(int port) {
    return start(port, null);
  }

  /**
   * Starts a broker on {@code port} (0 = a free port). With a {@code dataDir}, topics and records
   * survive a restart; without, they live in a temporary directory deleted on close.
   */
  public static KafkaServer start(int port, @Nullable Path dataDir) {
    return FreePorts.startOnFreePort(port, p -> startOn(p, dataDir));
  }

  private static KafkaServer startOn(int port, @Nullable Path dataDir) {
    FreePorts.requireFree(port, "Kafka");
    WorkDir workDir = WorkDir.of(dataDir, "kafka");
    try {
      Path logDir = workDir.subdir("kafka-logs");
      KafkaBrokerConfig.formatIfNew(logDir);
      KafkaConfig config = KafkaBrokerConfig.create(port, logDir);
      KafkaBrokerConfig.neverExitTheJvm();
      KafkaRaftServer broker = new KafkaRaftServer(config, Time.SYSTEM);
      startBroker(broker, port);
      Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address(port)));
      try {
        awaitBrokerReady(admin, port);
      } catch (RuntimeException e) {
        admin.close(Duration.ZERO);
        stopBroker(broker);
        throw e;
      }
      LOG.info("Kafka broker listening on {}, data in {}", address(port), logDir);
      return new KafkaServer(broker, admin, workDir, port);
    } catch (RuntimeException e) {
      workDir.close();
      throw e;
    }
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return address(port);
  }

  public int port() {
    return port;
  }

  /** Creates the topics that do not exist yet, with replication factor 1. */
  public void createTopics(int partitions, String... names) {
    createTopics(
        Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList());
  }

  /**
   * Creates the topics that do not exist yet; for topics with configs (compaction, retention).
   * Returns once the broker lists them, so that clients find them at once.
   */
  public void createTopics(Collection<NewTopic> topics) {
    for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
      try {
        created.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Kafka could not create topics " + topics, e.getCause());
        }
      } catch (InterruptedException | TimeoutException e) {
        throw interruptedOrTimedOut("creating topics " + topics, e);
      }
    }
    Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toSet());
    // The controller has created them; the broker's metadata follows a moment later.
    if (!Poll.until(ADMIN_TIMEOUT, () -> topics().containsAll(names))) {
      throw new IllegalStateException("Kafka does not list the created topics " + names);
    }
  }

  /** The names of all topics but Kafka's internal ones. */
  public Set<String> topics() {
    return await(admin.listTopics().names(), "listing topics");
  }

  /**
   * Deletes every topic but Kafka's internal ones, and every consumer group without members; waits
   * until the topics are gone, so that they can be created again at once.
   */
  public void deleteAllTopics() {
    Set<String> topics = topics();
    if (!topics.isEmpty()) {
      await(admin.deleteTopics(topics).all(), "deleting topics " + topics);
      if (!Poll.until(ADMIN_TIMEOUT, () -> topics().stream().noneMatch(topics::contains))) {
        throw new IllegalStateException("Kafka topics still listed after deletion: " + topics);
      }
    }
    List<String> groups =
        await(admin.listGroups().all(), "listing groups").stream()
            .map(GroupListing::groupId)
            .collect(Collectors.toList());
    if (!groups.isEmpty()) {
      // Groups with members cannot be deleted; that failure is expected and ignored.
      admin.deleteConsumerGroups(groups).deletedGroups().values().forEach(this::awaitQuietly);
    }
  }

  /** Stops the broker cleanly and deletes a temporary data directory. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    admin.close(Duration.ofSeconds(5));
    stopBroker(broker);
    workDir.close();
    if (tempDirCleanup != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(tempDirCleanup);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down.
      }
    }
  }

  private static void startBroker(KafkaRaftServer broker, int port) {
    try {
      broker.startup();
    } catch (RuntimeException e) {
      stopBroker(broker);
      String message = "Kafka cannot start on " + address(port) + ": " + e.getMessage();
      throw hasBindException(e)
          ? ServerStartException.portConflict(message, e)
          : new ServerStartException(message, e);
    }
  }

  private static void awaitBrokerReady(Admin admin, int port) {
    boolean ready =
        Poll.until(
            START_TIMEOUT,
            () -> {
              try {
                return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
              } catch (ExecutionException | TimeoutException e) {
                return false;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
              }
            });
    if (!ready) {
      throw new ServerStartException(
          "Kafka broker on " + address(port) + " did not answer within " + START_TIMEOUT);
    }
  }

  private static void stopBroker(KafkaRaftServer broker) {
    try {
      broker.shutdown();
      broker.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka broker did not shut down cleanly", e);
    }
  }

  private static boolean hasBindException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  private static String address(int port) {
    return FreePorts.LOOPBACK + ":" + port;
  }

  private <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka failed " + what, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw interruptedOrTimedOut(what, e);
    }
  }

  private void awaitQuietly(KafkaFuture<Void> future) {
    try {
      future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // see caller
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static IllegalStateException interruptedOrTimedOut(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException("Kafka: interrupted or timed out " + what, e);
  }
}
