package org.iotplatform.flink.storage;

import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.flink.latest.LatestValueOptions;
import org.iotplatform.flink.launcher.JobSettings;
import org.iotplatform.flink.rollup.RollupOptions;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link TelemetryStorageJob} from the command line or {@code flink run}, settings as {@link
 * JobSettings} reads them. See the module's README for the list.
 */
public final class TelemetryStorageJobLauncher {

  private TelemetryStorageJobLauncher() {}

  public static void main(String[] args) throws Exception {
    TelemetryStorageJob.Config config = config(args, System.getenv());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    TelemetryStorageJob.prepare(env, config);
    env.execute(TelemetryStorageJob.NAME);
  }

  /** The configuration from arguments, then environment variables, then defaults. */
  static TelemetryStorageJob.Config config(String[] args, Map<String, String> environment) {
    JobSettings settings = JobSettings.of(args, environment);
    RollupOptions rollups = RollupOptions.defaults();
    InfluxSinkOptions defaults =
        InfluxSinkOptions.defaults(settings.get("influx.url", "http://127.0.0.1:8086"));
    InfluxSinkOptions influx =
        new InfluxSinkOptions(
            defaults.url(),
            settings.get("influx.username"),
            settings.get("influx.password"),
            settings.get("influx.database", defaults.database()),
            settings.get("influx.retention-policy", defaults.retentionPolicy()),
            settings.get("influx.raw-retention", defaults.retentionDuration()),
            settings.getInt("influx.batch-size", defaults.batchSize()),
            settings.getDuration("influx.flush-interval", defaults.flushInterval()),
            settings.getInt("influx.max-retries", defaults.maxRetries()),
            settings.getDuration("influx.initial-backoff", defaults.initialBackoff()),
            true);
    return new TelemetryStorageJob.Config(
        settings.get("kafka.bootstrap-servers", "127.0.0.1:9092"),
        settings.get("kafka.group-id", TelemetryStorageJob.Config.DEFAULT_GROUP_ID),
        influx,
        settings.getDuration(
            "checkpoint.interval", TelemetryStorageJob.Config.DEFAULT_CHECKPOINT_INTERVAL),
        new RollupOptions(
            settings.getDuration("rollup.out-of-orderness", rollups.outOfOrderness()),
            settings.getDuration("rollup.allowed-lateness", rollups.allowedLateness()),
            settings.getDuration("rollup.idleness", rollups.idleness()),
            settings.get("influx.rollup-1m-retention", rollups.minuteRetention()),
            settings.get("influx.rollup-1h-retention", rollups.hourRetention())),
        latestValues(settings.get("redis.uri")));
  }

  private static @Nullable LatestValueOptions latestValues(@Nullable String redisUri) {
    return redisUri == null ? null : LatestValueOptions.defaults(redisUri);
  }
}
