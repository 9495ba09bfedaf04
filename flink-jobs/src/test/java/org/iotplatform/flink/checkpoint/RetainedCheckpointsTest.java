package org.iotplatform.flink.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

  @TempDir Path dir;

  @Test
  void aFirstStartRestoresNothingButRetainsCheckpointsUnderTheDirectory() {
    Configuration config = new Configuration();

    assertThat(new RetainedCheckpoints(dir).resumeFromLatest(config)).isEmpty();

    assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
        .isEqualTo(dir.toUri().toString());
    assertThat(config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    assertThat(config.getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
  }

  @Test
  void restoresTheNewestCompleteCheckpointOfAnyJob() throws IOException {
    checkpoint("job-a", "chk-7", Instant.parse("2026-01-01T10:00:00Z"));
    Path newest = checkpoint("job-b", "chk-2", Instant.parse("2026-01-01T11:00:00Z"));
    Files.createDirectories(dir.resolve("job-b").resolve("chk-3")); // in progress: no metadata
    Configuration config = new Configuration();

    assertThat(new RetainedCheckpoints(dir).resumeFromLatest(config)).contains(newest);

    assertThat(config.get(StateRecoveryOptions.SAVEPOINT_PATH))
        .isEqualTo(newest.toUri().toString());
    assertThat(config.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE)).isTrue();
  }

  @Test
  void deletesTheCheckpointsOfOlderJobsWhenRestoring() throws IOException {
    checkpoint("job-a", "chk-7", Instant.parse("2026-01-01T10:00:00Z"));
    checkpoint("job-b", "chk-2", Instant.parse("2026-01-01T11:00:00Z"));

    new RetainedCheckpoints(dir).resumeFromLatest(new Configuration());

    assertThat(dir.resolve("job-a")).doesNotExist();
    assertThat(dir.resolve("job-b").resolve("chk-2")).isDirectory();
  }

  @Test
  void aDirectoryThatDoesNotExistYetHoldsNoCheckpoint() {
    assertThat(new RetainedCheckpoints(dir.resolve("missing")).latest()).isEmpty();
  }

  private Path checkpoint(String job, String name, Instant written) throws IOException {
    Path checkpoint = Files.createDirectories(dir.resolve(job).resolve(name));
    Path metadata = Files.writeString(checkpoint.resolve(RetainedCheckpoints.METADATA), "x");
    Files.setLastModifiedTime(metadata, FileTime.from(written));
    return checkpoint;
  }
}
