package org.iotplatform.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.flink.alerting.AlertEvaluationJob;
import org.iotplatform.flink.anomaly.AnomalyDetectionJob;
import org.iotplatform.flink.checkpoint.RetainedCheckpoints;
import org.iotplatform.flink.storage.TelemetryStorageJob;

/** Runs the Flink jobs on a local MiniCluster inside the launcher's JVM. */
final class FlinkJobs {

  private FlinkJobs() {}

  static JobClient startTelemetryStorage(
      String kafkaBootstrapServers, String influxUrl, String redisUri, Path dir) {
    return start(
        "telemetry storage",
        dir,
        env ->
            TelemetryStorageJob.submit(
                env,
                TelemetryStorageJob.Config.defaults(kafkaBootstrapServers, influxUrl)
                    .withLatestValues(redisUri)));
  }

  static JobClient startAlertEvaluation(String kafkaBootstrapServers, Path dir) {
    return start(
        "alert evaluation",
        dir,
        env ->
            AlertEvaluationJob.submit(
                env, AlertEvaluationJob.Config.defaults(kafkaBootstrapServers)));
  }

  static JobClient startAnomalyDetection(String kafkaBootstrapServers, Path dir) {
    return start(
        "anomaly detection",
        dir,
        env ->
            AnomalyDetectionJob.submit(
                env, AnomalyDetectionJob.Config.defaults(kafkaBootstrapServers)));
  }

  /** A job on a MiniCluster of its own, resuming from the latest checkpoint kept under dir. */
  private static JobClient start(String name, Path dir, Submission submission) {
    Configuration config = new Configuration();
    // A local cluster on a developer's machine: keep Flink's memory small.
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
    // A restart of ./iot up resumes the job's state (open rollup windows, alerts, baselines) too.
    new RetainedCheckpoints(dir.resolve("checkpoints")).resumeFromLatest(config);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
    try {
      return submission.submit(env);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the " + name + " job", e);
    }
  }

  private interface Submission {
    JobClient submit(StreamExecutionEnvironment env) throws Exception;
  }

  static void stop(JobClient job) throws Exception {
    job.cancel().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
  }
}
