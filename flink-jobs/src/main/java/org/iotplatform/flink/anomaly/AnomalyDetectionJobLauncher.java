package org.iotplatform.flink.anomaly;

import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.flink.launcher.JobSettings;

/**
 * Runs {@link AnomalyDetectionJob} from the command line or {@code flink run}, settings as {@link
 * JobSettings} reads them. See the module's README for the list.
 */
public final class AnomalyDetectionJobLauncher {

  private AnomalyDetectionJobLauncher() {}

  public static void main(String[] args) throws Exception {
    AnomalyDetectionJob.Config config = config(args, System.getenv());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    AnomalyDetectionJob.prepare(env, config);
    env.execute(AnomalyDetectionJob.NAME);
  }

  /** The configuration from arguments, then environment variables, then defaults. */
  static AnomalyDetectionJob.Config config(String[] args, Map<String, String> environment) {
    JobSettings settings = JobSettings.of(args, environment);
    AnomalyOptions defaults = AnomalyOptions.defaults();
    AnomalyOptions.ForestOptions forest = defaults.forest();
    String alpha = settings.get("anomaly.alpha");
    return new AnomalyDetectionJob.Config(
        settings.get("kafka.bootstrap-servers", "127.0.0.1:9092"),
        settings.get("kafka.group-id", AnomalyDetectionJob.Config.DEFAULT_GROUP_ID),
        settings.getDuration(
            "checkpoint.interval", AnomalyDetectionJob.Config.DEFAULT_CHECKPOINT_INTERVAL),
        new AnomalyOptions(
            alpha == null ? defaults.alpha() : Double.parseDouble(alpha),
            settings.getInt("anomaly.warm-up", defaults.warmUp()),
            settings.getInt("anomaly.max-metrics", defaults.maxMetrics()),
            new AnomalyOptions.ForestOptions(
                settings.getInt("anomaly.forest.trees", forest.trees()),
                settings.getInt("anomaly.forest.sample-size", forest.sampleSize()),
                settings.getInt("anomaly.forest.warm-up", forest.warmUp()),
                settings.getInt("anomaly.forest.dimensions", forest.dimensions())),
            settings.getDuration("anomaly.state-ttl", defaults.stateTtl())));
  }
}
