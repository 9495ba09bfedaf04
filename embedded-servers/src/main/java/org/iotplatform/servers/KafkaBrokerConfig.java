package org.iotplatform.servers;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How {@link KafkaServer} configures and prepares its single KRaft node. */
final class KafkaBrokerConfig {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaServer.class);
  private static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final int NODE_ID = 1;

  private KafkaBrokerConfig() {}

  /**
   * Broker and controller in one node, both listeners on 127.0.0.1 (the controller on a free port),
   * replication factor 1 everywhere, 4 partitions per topic by default.
   */
  static KafkaConfig create(int port, Path logDir) {
    // The broker's port is free until the broker binds it, so a pick may return it again.
    int controllerPort = FreePorts.pickOtherThan(port);
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + address(controllerPort));
    props.put(
        "listeners",
        "PLAINTEXT://"
            + address(port)
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + address(controllerPort));
    props.put("advertised.listeners", "PLAINTEXT://" + address(port));
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("num.partitions", "4");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "4");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("delete.topic.enable", "true");
    props.put("auto.create.topics.enable", "true");
    // A small machine: few threads and a small log-cleaner buffer (the default takes 128 MB).
    props.put("num.network.threads", "2");
    props.put("num.io.threads", "4");
    props.put("background.threads", "4");
    props.put("num.recovery.threads.per.data.dir", "1");
    props.put("log.cleaner.threads", "1");
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(4 * 1024 * 1024));
    return KafkaConfig.fromProps(props, false);
  }

  /**
   * Formats a new log directory, as {@code kafka-storage.sh format} does; keeps an existing one.
   */
  static void formatIfNew(Path logDir) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .run();
    } catch (Exception e) {
      throw new ServerStartException("Kafka cannot format its log directory " + logDir, e);
    }
  }

  /**
   * On a fatal error the broker would call {@code System.exit}, ending tests or the whole embedded
   * stack; logging it is enough here.
   */
  static void neverExitTheJvm() {
    Exit.setExitProcedure(
        (status, message) ->
            LOG.error("Kafka broker wanted to exit the JVM ({}): {}; ignored", status, message));
    Exit.setHaltProcedure(
        (status, message) ->
            LOG.error("Kafka broker wanted to halt the JVM ({}): {}; ignored", status, message));
  }

  private static String address(int port) {
    return FreePorts.LOOPBACK + ":" + port;
  }
}
