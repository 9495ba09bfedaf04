package org.iotplatform.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iotplatform.flink.checkpoint.RetainedCheckpoints;
import org.iotplatform.flink.storage.TelemetryStorageJob;

/** Runs the Flink jobs on a local MiniCluster inside the launcher's JVM. */
final class FlinkJobs {

  private FlinkJobs() {}

  static JobClient startTelemetryStorage(
      String kafkaBootstrapServers, String influxUrl, String redisUri, Path dir) {
    Configuration config = new Configuration();
    // A local cluster on a developer's machine: keep Flink's memory small.
    config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("32m"));
    config.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
    // A restart of ./iot up resumes the job's state (open rollup windows, enrichment) too.
    new RetainedCheckpoints(dir.resolve("checkpoints")).resumeFromLatest(config);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, config);
    try {
      return TelemetryStorageJob.submit(
          env,
          TelemetryStorageJob.Config.defaults(kafkaBootstrapServers, influxUrl)
              .withLatestValues(redisUri));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the telemetry storage job", e);
    }
  }

  static void stop(JobClient job) throws Exception {
    job.cancel().get(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
  }
}
