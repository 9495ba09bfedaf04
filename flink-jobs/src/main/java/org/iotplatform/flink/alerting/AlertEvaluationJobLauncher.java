package org.iotplatform.flink.alerting;

import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.flink.launcher.JobSettings;

/**
 * Runs {@link AlertEvaluationJob} from the command line or {@code flink run}, settings as {@link
 * JobSettings} reads them. See the module's README for the list.
 */
public final class AlertEvaluationJobLauncher {

  private AlertEvaluationJobLauncher() {}

  public static void main(String[] args) throws Exception {
    AlertEvaluationJob.Config config = config(args, System.getenv());
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    AlertEvaluationJob.prepare(env, config);
    env.execute(AlertEvaluationJob.NAME);
  }

  /** The configuration from arguments, then environment variables, then defaults. */
  static AlertEvaluationJob.Config config(String[] args, Map<String, String> environment) {
    JobSettings settings = JobSettings.of(args, environment);
    return new AlertEvaluationJob.Config(
        settings.get("kafka.bootstrap-servers", "127.0.0.1:9092"),
        settings.get("kafka.group-id", AlertEvaluationJob.Config.DEFAULT_GROUP_ID),
        settings.getDuration(
            "checkpoint.interval", AlertEvaluationJob.Config.DEFAULT_CHECKPOINT_INTERVAL),
        settings.getDuration(
            "alerts.buffer-timeout", AlertEvaluationJob.Config.DEFAULT_BUFFER_TIMEOUT),
        settings.getDuration(
            "alerts.offline-recheck", AlertEvaluationJob.Config.DEFAULT_OFFLINE_RECHECK));
  }
}
