package org.iotplatform.flink.anomaly;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.flink.telemetry.Telemetry;
import org.iotplatform.flink.telemetry.TelemetryKafka;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryValidator;

/**
 * Anomaly detection: reads telemetry records, validates them (rejected ones are dropped here: the
 * storage job dead-letters them), scores each reading against its device's own baseline ({@link
 * AnomalyScorer}) and writes the scores. Takes its source and sink through the constructor, so
 * tests can swap them; {@link #submit} wires Kafka.
 *
 * <p>At least once: offsets are committed and the sink flushed on each checkpoint; a replayed
 * reading is scored again with the same timestamp, so its stored score overwrites itself.
 */
public final class AnomalyDetectionJob {

  /** The job's name in Flink. */
  public static final String NAME = "anomaly-detection";

  private final Source<TelemetryRecord, ?, ?> source;
  private final Sink<AnomalyScore> scores;
  private final AnomalyOptions options;

  /**
   * The job between these ends.
   *
   * @param source telemetry records as read from {@code iot.telemetry.v1}
   * @param scores receives one score per scored reading
   * @param options how baselines are learned and scored
   */
  public AnomalyDetectionJob(
      Source<TelemetryRecord, ?, ?> source, Sink<AnomalyScore> scores, AnomalyOptions options) {
    this.source = source;
    this.scores = scores;
    this.options = options;
  }

  /**
   * Everything {@link #submit} needs.
   *
   * @param kafkaBootstrapServers Kafka's bootstrap servers, {@code host:port[,host:port]}
   * @param consumerGroupId the consumer group reading {@code iot.telemetry.v1}, apart from the
   *     storage job's: each job reads every reading
   * @param checkpointInterval how often offsets are committed and the sink flushed
   * @param options how baselines are learned and scored
   */
  public record Config(
      String kafkaBootstrapServers,
      String consumerGroupId,
      Duration checkpointInterval,
      AnomalyOptions options) {

    /** The consumer group of the anomaly job unless configured otherwise. */
    public static final String DEFAULT_GROUP_ID = "flink-anomaly-detection";

    /** The default checkpoint interval. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /** The default group, checkpoint interval and options for these servers. */
    public static Config defaults(String kafkaBootstrapServers) {
      return new Config(
          kafkaBootstrapServers,
          DEFAULT_GROUP_ID,
          DEFAULT_CHECKPOINT_INTERVAL,
          AnomalyOptions.defaults());
    }
  }

  /** Adds the job's operators to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    env.fromSource(source, WatermarkStrategy.noWatermarks(), "telemetry-source")
        .uid("telemetry-source")
        .process(new TelemetryValidator())
        .name("validate-telemetry")
        .uid("validate-telemetry")
        .keyBy(Telemetry::deviceId)
        .process(new AnomalyScorer(options))
        .name("score-anomalies")
        .uid("score-anomalies")
        .sinkTo(scores)
        .name("anomaly-scores")
        .uid("anomaly-scores");
  }

  /**
   * Adds the job, from {@code iot.telemetry.v1} to {@code iot.anomaly-scores.v1}, to {@code env},
   * enables checkpointing and starts it without waiting for it to end. Both topics must exist.
   */
  public static JobClient submit(StreamExecutionEnvironment env, Config config) throws Exception {
    prepare(env, config);
    return env.executeAsync(NAME);
  }

  /** Adds the Kafka-to-Kafka job to {@code env} and enables checkpointing. */
  static void prepare(StreamExecutionEnvironment env, Config config) {
    // At-least-once barriers: the sink is at least once, so aligning barriers buys nothing.
    env.enableCheckpointing(
        config.checkpointInterval().toMillis(), CheckpointingMode.AT_LEAST_ONCE);
    new AnomalyDetectionJob(
            TelemetryKafka.source(
                config.kafkaBootstrapServers(),
                config.consumerGroupId(),
                List.of(KafkaTopics.TELEMETRY)),
            AnomalyScoreSerializer.sink(config.kafkaBootstrapServers()),
            config.options())
        .build(env);
  }
}
