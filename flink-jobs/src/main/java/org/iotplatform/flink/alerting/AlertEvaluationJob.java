package org.iotplatform.flink.alerting;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.contracts.AlertEvent;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.alerting.device.DeviceEventReader;
import org.iotplatform.flink.alerting.device.DeviceSignal;
import org.iotplatform.flink.alerting.device.DeviceUpdateSignal;
import org.iotplatform.flink.alerting.device.TelemetrySignal;
import org.iotplatform.flink.alerting.evaluation.AlertEvaluator;
import org.iotplatform.flink.alerting.output.AlertsKafka;
import org.iotplatform.flink.alerting.rules.AlertRulesKafka;
import org.iotplatform.flink.alerting.rules.RuleUpdate;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.enrichment.DevicesKafka;
import org.iotplatform.flink.telemetry.TelemetryKafka;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryValidator;
import org.iotplatform.flink.telemetry.TimestampLimits;

/**
 * Alert evaluation: reads readings (telemetry and anomaly scores), device events and registry
 * snapshots, keyed by device id, evaluates the alert rules of {@code iot.alert-rules.v1} (broadcast
 * to every subtask) against them in {@link AlertEvaluator}, and writes FIRED and RESOLVED events.
 * Takes its sources and sink through the constructor, so tests can swap them; {@link #submit} wires
 * Kafka.
 *
 * <p>Delivery is at least once: an event may be repeated after a restart, with the same ids.
 */
public final class AlertEvaluationJob {

  /** The job's name in Flink. */
  public static final String NAME = "alert-evaluation";

  private final Source<TelemetryRecord, ?, ?> readings;
  private final Source<TelemetryRecord, ?, ?> deviceEvents;
  private final Source<DeviceUpdate, ?, ?> devices;
  private final Source<RuleUpdate, ?, ?> rules;
  private final Sink<AlertEvent> alerts;
  private final Duration offlineRecheck;

  /**
   * The job between these ends.
   *
   * @param readings telemetry-shaped records of {@code iot.telemetry.v1} and {@code
   *     iot.anomaly-scores.v1}; invalid ones are dropped (the storage job dead-letters them)
   * @param deviceEvents records of {@code iot.device-events.v1}
   * @param devices device snapshots and tombstones of {@code iot.devices.v1}
   * @param rules rule snapshots and tombstones of {@code iot.alert-rules.v1}
   * @param alerts receives the alert events
   * @param offlineRecheck how often a device without a pending offline deadline is checked against
   *     the offline rules (how soon a new offline rule catches devices already silent)
   */
  public AlertEvaluationJob(
      Source<TelemetryRecord, ?, ?> readings,
      Source<TelemetryRecord, ?, ?> deviceEvents,
      Source<DeviceUpdate, ?, ?> devices,
      Source<RuleUpdate, ?, ?> rules,
      Sink<AlertEvent> alerts,
      Duration offlineRecheck) {
    this.readings = readings;
    this.deviceEvents = deviceEvents;
    this.devices = devices;
    this.rules = rules;
    this.alerts = alerts;
    this.offlineRecheck = offlineRecheck;
  }

  /**
   * Everything {@link #submit} needs.
   *
   * @param kafkaBootstrapServers Kafka's bootstrap servers, {@code host:port[,host:port]}
   * @param consumerGroupId the consumer group reading readings and device events; a job restarted
   *     with the same group resumes where it stopped
   * @param checkpointInterval how often a checkpoint flushes the sink and commits offsets
   * @param bufferTimeout how long a network buffer may wait to fill before it is sent: small, as
   *     each alert event is latency-bound
   * @param offlineRecheck see {@link AlertEvaluationJob#AlertEvaluationJob}
   */
  public record Config(
      String kafkaBootstrapServers,
      String consumerGroupId,
      Duration checkpointInterval,
      Duration bufferTimeout,
      Duration offlineRecheck) {

    /** The consumer group of the alert job unless configured otherwise. */
    public static final String DEFAULT_GROUP_ID = "flink-alert-evaluation";

    /** The default checkpoint interval. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** The default network buffer timeout. */
    public static final Duration DEFAULT_BUFFER_TIMEOUT = Duration.ofMillis(5);

    /** The default offline recheck interval. */
    public static final Duration DEFAULT_OFFLINE_RECHECK = Duration.ofMinutes(1);

    /** The defaults for these servers. */
    public static Config defaults(String kafkaBootstrapServers) {
      return new Config(
          kafkaBootstrapServers,
          DEFAULT_GROUP_ID,
          DEFAULT_CHECKPOINT_INTERVAL,
          DEFAULT_BUFFER_TIMEOUT,
          DEFAULT_OFFLINE_RECHECK);
    }
  }

  /** Adds the job's operators to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    DataStream<DeviceSignal> readingSignals =
        env.fromSource(readings, WatermarkStrategy.noWatermarks(), "readings-source")
            .uid("readings-source")
            // The storage job's limits: a reading far in the future would stall its streaks.
            .process(new TelemetryValidator(TimestampLimits.forRawRetention("30d")))
            .name("validate-readings")
            .uid("validate-readings")
            .map(new TelemetrySignal())
            .name("readings-as-signals")
            .uid("readings-as-signals");
    DataStream<DeviceSignal> eventSignals =
        env.fromSource(deviceEvents, WatermarkStrategy.noWatermarks(), "device-events-source")
            .uid("device-events-source")
            .flatMap(new DeviceEventReader())
            .name("read-device-events")
            .uid("read-device-events");
    DataStream<DeviceSignal> deviceSignals =
        env.fromSource(devices, WatermarkStrategy.noWatermarks(), "devices-source")
            .uid("devices-source")
            .map(new DeviceUpdateSignal())
            .name("devices-as-signals")
            .uid("devices-as-signals");
    BroadcastStream<RuleUpdate> ruleUpdates =
        env.fromSource(rules, WatermarkStrategy.noWatermarks(), "alert-rules-source")
            .uid("alert-rules-source")
            .broadcast(AlertEvaluator.RULES);
    readingSignals
        .union(eventSignals, deviceSignals)
        .keyBy(DeviceSignal::deviceId)
        .connect(ruleUpdates)
        .process(new AlertEvaluator(offlineRecheck.toMillis()))
        .name("evaluate-alert-rules")
        .uid("evaluate-alert-rules")
        .sinkTo(alerts)
        .name("alerts-sink")
        .uid("alerts-sink");
  }

  /**
   * Adds the job, reading from and writing to Kafka, to {@code env}, enables checkpointing, and
   * starts it without waiting for it to end. The topics {@code iot.telemetry.v1}, {@code
   * iot.anomaly-scores.v1}, {@code iot.device-events.v1}, {@code iot.devices.v1}, {@code
   * iot.alert-rules.v1} and {@code iot.alerts.v1} must exist. {@code JobClient.cancel()} stops it.
   */
  public static JobClient submit(StreamExecutionEnvironment env, Config config) throws Exception {
    prepare(env, config);
    return env.executeAsync(NAME);
  }

  /** Adds the Kafka-to-Kafka job to {@code env}, enables checkpointing, sets the buffer timeout. */
  static void prepare(StreamExecutionEnvironment env, Config config) {
    // At-least-once barriers: the sink is at least once, so aligning barriers buys nothing.
    env.enableCheckpointing(
        config.checkpointInterval().toMillis(), CheckpointingMode.AT_LEAST_ONCE);
    env.setBufferTimeout(config.bufferTimeout().toMillis());
    String servers = config.kafkaBootstrapServers();
    String group = config.consumerGroupId();
    new AlertEvaluationJob(
            TelemetryKafka.telemetryAndScores(servers, group),
            TelemetryKafka.source(
                servers, group + "-device-events", List.of(KafkaTopics.DEVICE_EVENTS)),
            DevicesKafka.source(servers, group),
            AlertRulesKafka.source(servers, group),
            AlertsKafka.sink(servers),
            config.offlineRecheck())
        .build(env);
  }
}
