package org.iotplatform.flink.storage;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.flink.devicetype.DeviceTypeUpdate;
import org.iotplatform.flink.devicetype.DeviceTypesKafka;
import org.iotplatform.flink.devicetype.MetricRangeValidator;
import org.iotplatform.flink.enrichment.DeviceUpdate;
import org.iotplatform.flink.enrichment.DevicesKafka;
import org.iotplatform.flink.enrichment.EnrichedRecord;
import org.iotplatform.flink.enrichment.EnrichedTelemetry;
import org.iotplatform.flink.enrichment.TelemetryEnricher;
import org.iotplatform.flink.latest.LatestValueOptions;
import org.iotplatform.flink.latest.LatestValueSink;
import org.iotplatform.flink.rollup.Rollup;
import org.iotplatform.flink.rollup.RollupOptions;
import org.iotplatform.flink.rollup.Rollups;
import org.iotplatform.flink.telemetry.RejectedTelemetry;
import org.iotplatform.flink.telemetry.Telemetry;
import org.iotplatform.flink.telemetry.TelemetryKafka;
import org.iotplatform.flink.telemetry.TelemetryRecord;
import org.iotplatform.flink.telemetry.TelemetryValidator;
import org.iotplatform.flink.telemetry.TimestampLimits;
import org.jspecify.annotations.Nullable;

/**
 * Telemetry storage: reads telemetry records (the devices' and the anomaly scores), validates them,
 * stamps valid ones with their device's registry snapshot (from the devices source), drops numbers
 * outside their device type's ranges (from the device types source), writes the readings raw and as
 * 1-minute and 1-hour rollups to InfluxDB, and rejected records to the dead-letter topic. Takes its
 * source and sinks through the constructor, so tests can swap them; {@link #submit} wires Kafka and
 * InfluxDB.
 *
 * <p>Delivery is at least once end to end: offsets are committed and InfluxDB and the dead-letter
 * topic are flushed on each checkpoint, and a replayed point overwrites itself in InfluxDB.
 */
public final class TelemetryStorageJob {

  /** The job's name in Flink. */
  public static final String NAME = "telemetry-storage";

  private final Source<TelemetryRecord, ?, ?> source;
  private final Source<DeviceUpdate, ?, ?> devices;
  private final Source<DeviceTypeUpdate, ?, ?> deviceTypes;
  private final Sink<EnrichedTelemetry> storage;
  private final Sink<Rollup> minuteRollups;
  private final Sink<Rollup> hourRollups;
  private final Sink<RejectedTelemetry> deadLetters;
  private final @Nullable Sink<EnrichedTelemetry> latestValues;
  private final RollupOptions rollups;
  private final TimestampLimits timestamps;

  /**
   * The job between these ends.
   *
   * @param source telemetry records as read from {@code iot.telemetry.v1}
   * @param devices device snapshots and tombstones as read from {@code iot.devices.v1}
   * @param deviceTypes device type snapshots and tombstones as read from {@code
   *     iot.device-types.v1}
   * @param storage receives every valid reading, enriched
   * @param minuteRollups receives 1-minute rollups, again for each late update
   * @param hourRollups receives 1-hour rollups, again for each late update
   * @param deadLetters receives rejected records
   * @param latestValues receives every valid reading, enriched, to keep the latest values; null to
   *     keep none
   * @param rollups event time and lateness of the rollups
   */
  public TelemetryStorageJob(
      Source<TelemetryRecord, ?, ?> source,
      Source<DeviceUpdate, ?, ?> devices,
      Source<DeviceTypeUpdate, ?, ?> deviceTypes,
      Sink<EnrichedTelemetry> storage,
      Sink<Rollup> minuteRollups,
      Sink<Rollup> hourRollups,
      Sink<RejectedTelemetry> deadLetters,
      @Nullable Sink<EnrichedTelemetry> latestValues,
      RollupOptions rollups) {
    this(
        source,
        devices,
        deviceTypes,
        storage,
        minuteRollups,
        hourRollups,
        deadLetters,
        latestValues,
        rollups,
        TimestampLimits.none());
  }

  private TelemetryStorageJob(
      Source<TelemetryRecord, ?, ?> source,
      Source<DeviceUpdate, ?, ?> devices,
      Source<DeviceTypeUpdate, ?, ?> deviceTypes,
      Sink<EnrichedTelemetry> storage,
      Sink<Rollup> minuteRollups,
      Sink<Rollup> hourRollups,
      Sink<RejectedTelemetry> deadLetters,
      @Nullable Sink<EnrichedTelemetry> latestValues,
      RollupOptions rollups,
      TimestampLimits timestamps) {
    this.source = source;
    this.devices = devices;
    this.deviceTypes = deviceTypes;
    this.storage = storage;
    this.minuteRollups = minuteRollups;
    this.hourRollups = hourRollups;
    this.deadLetters = deadLetters;
    this.latestValues = latestValues;
    this.rollups = rollups;
    this.timestamps = timestamps;
  }

  /**
   * This job, rejecting readings whose {@code ts} lies outside {@code limits} around the broker's
   * receive time; without it, any timestamp InfluxDB can store passes.
   */
  public TelemetryStorageJob withTimestampLimits(TimestampLimits limits) {
    return new TelemetryStorageJob(
        source,
        devices,
        deviceTypes,
        storage,
        minuteRollups,
        hourRollups,
        deadLetters,
        latestValues,
        rollups,
        limits);
  }

  /**
   * Everything {@link #submit} needs.
   *
   * @param kafkaBootstrapServers Kafka's bootstrap servers, {@code host:port[,host:port]}
   * @param consumerGroupId the consumer group reading {@code iot.telemetry.v1}; offsets are kept
   *     per group, so a job restarted with the same group resumes where it stopped
   * @param influx where and how points are written
   * @param checkpointInterval how often a checkpoint flushes the sinks and commits offsets: the
   *     longest a point can wait for storage and the most that is replayed after a failure
   * @param rollups event time, lateness and retention of the rollups
   * @param latestValues where the latest value per device and metric is kept; null to keep none
   */
  public record Config(
      String kafkaBootstrapServers,
      String consumerGroupId,
      InfluxSinkOptions influx,
      Duration checkpointInterval,
      RollupOptions rollups,
      @Nullable LatestValueOptions latestValues) {

    /** The consumer group of the storage job unless configured otherwise. */
    public static final String DEFAULT_GROUP_ID = "flink-telemetry-storage";

    /** The default checkpoint interval. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * The default group, InfluxDB options, checkpoint interval and rollups for these servers,
     * without latest values.
     */
    public static Config defaults(String kafkaBootstrapServers, String influxUrl) {
      return new Config(
          kafkaBootstrapServers,
          DEFAULT_GROUP_ID,
          InfluxSinkOptions.defaults(influxUrl),
          DEFAULT_CHECKPOINT_INTERVAL,
          RollupOptions.defaults(),
          null);
    }

    /** This configuration, keeping latest values in the Redis at {@code redisUri}. */
    public Config withLatestValues(String redisUri) {
      return new Config(
          kafkaBootstrapServers,
          consumerGroupId,
          influx,
          checkpointInterval,
          rollups,
          LatestValueOptions.defaults(redisUri));
    }
  }

  /** Adds the job's operators to {@code env}. */
  public void build(StreamExecutionEnvironment env) {
    SingleOutputStreamOperator<Telemetry> valid =
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "telemetry-source")
            .uid("telemetry-source")
            .process(new TelemetryValidator(timestamps))
            .name("validate-telemetry")
            .uid("validate-telemetry");
    DataStream<DeviceUpdate> deviceUpdates =
        env.fromSource(devices, WatermarkStrategy.noWatermarks(), "devices-source")
            .uid("devices-source");
    DataStream<EnrichedRecord> enrichedRecords =
        valid
            .connect(deviceUpdates)
            .keyBy(Telemetry::deviceId, DeviceUpdate::deviceId)
            .process(new TelemetryEnricher())
            .name("enrich-telemetry")
            .uid("enrich-telemetry");
    DataStream<RejectedTelemetry> rejected = valid.getSideOutput(TelemetryValidator.REJECTED);
    SingleOutputStreamOperator<EnrichedTelemetry> enriched =
        checkRanges(env, deviceTypes, enrichedRecords);
    rejected = rejected.union(enriched.getSideOutput(MetricRangeValidator.REJECTED));
    enriched.sinkTo(storage).name("influxdb-raw").uid("influxdb-raw");
    if (latestValues != null) {
      enriched.sinkTo(latestValues).name("redis-latest").uid("redis-latest");
    }
    Rollups.Streams rolledUp = Rollups.of(enriched, rollups);
    rolledUp.minutes().sinkTo(minuteRollups).name("influxdb-rollup-1m").uid("influxdb-rollup-1m");
    rolledUp.hours().sinkTo(hourRollups).name("influxdb-rollup-1h").uid("influxdb-rollup-1h");
    rejected.sinkTo(deadLetters).name("telemetry-dlq").uid("telemetry-dlq");
  }

  /** Enriched readings checked against the device types, which every subtask receives whole. */
  private static SingleOutputStreamOperator<EnrichedTelemetry> checkRanges(
      StreamExecutionEnvironment env,
      Source<DeviceTypeUpdate, ?, ?> deviceTypes,
      DataStream<EnrichedRecord> enrichedRecords) {
    BroadcastStream<DeviceTypeUpdate> types =
        env.fromSource(deviceTypes, WatermarkStrategy.noWatermarks(), "device-types-source")
            .uid("device-types-source")
            .broadcast(MetricRangeValidator.TYPES);
    return enrichedRecords
        .connect(types)
        .process(new MetricRangeValidator())
        .name("check-metric-ranges")
        .uid("check-metric-ranges");
  }

  /**
   * Adds the job, reading from Kafka and writing to InfluxDB, to {@code env}, enables
   * checkpointing, and starts it without waiting for it to end. The topics {@code
   * iot.telemetry.v1}, {@code iot.telemetry.dlq.v1} and {@code iot.devices.v1} should exist (the
   * job reads nothing from a missing telemetry topic until it appears); {@code iot.device-types.v1}
   * and {@code iot.anomaly-scores.v1} are picked up whenever they appear. This is how a launcher
   * runs it on a local MiniCluster: {@code JobClient.cancel()} stops it.
   */
  public static JobClient submit(StreamExecutionEnvironment env, Config config) throws Exception {
    prepare(env, config);
    return env.executeAsync(NAME);
  }

  /** Adds the Kafka-to-InfluxDB job to {@code env} and enables checkpointing. */
  static void prepare(StreamExecutionEnvironment env, Config config) {
    // At-least-once barriers: every sink is at least once, so aligning barriers buys nothing.
    env.enableCheckpointing(
        config.checkpointInterval().toMillis(), CheckpointingMode.AT_LEAST_ONCE);
    LatestValueOptions latest = config.latestValues();
    new TelemetryStorageJob(
            TelemetryKafka.telemetryAndScores(
                config.kafkaBootstrapServers(), config.consumerGroupId()),
            DevicesKafka.source(config.kafkaBootstrapServers(), config.consumerGroupId()),
            DeviceTypesKafka.source(config.kafkaBootstrapServers(), config.consumerGroupId()),
            InfluxSink.raw(config.influx()),
            InfluxSink.rollups(
                config
                    .influx()
                    .withSecondaryPolicy(
                        InfluxSchema.ROLLUP_1M_RETENTION_POLICY,
                        config.rollups().minuteRetention())),
            InfluxSink.rollups(
                config
                    .influx()
                    .withSecondaryPolicy(
                        InfluxSchema.ROLLUP_1H_RETENTION_POLICY, config.rollups().hourRetention())),
            TelemetryKafka.deadLetterSink(config.kafkaBootstrapServers()),
            latest == null ? null : new LatestValueSink(latest),
            config.rollups())
        .withTimestampLimits(TimestampLimits.forRawRetention(config.influx().retentionDuration()))
        .build(env);
  }
}
