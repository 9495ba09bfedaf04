package org.iotplatform.flink.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a local directory that outlive the job: Flink writes them to {@code <dir>/<job
 * id>/chk-<n>/}, keeps them when the job is cancelled or fails, and a job started again through
 * {@link #resumeFromLatest} restores the newest complete one.
 *
 * <p>Without this, a job started again reads Kafka from its committed offsets but forgets its
 * state: rollup windows open at the stop are lost and the enrichment starts empty until the device
 * topic is read again.
 */
public final class RetainedCheckpoints {

  /** The file Flink writes last into a checkpoint's directory: its presence marks it complete. */
  static final String METADATA = "_metadata";

  private static final Logger LOG = LoggerFactory.getLogger(RetainedCheckpoints.class);
  private static final String CHECKPOINT_PREFIX = "chk-";

  private final Path dir;

  public RetainedCheckpoints(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  public Path dir() {
    return dir;
  }

  /**
   * Sets {@code config} to write checkpoints under {@link #dir()} and keep them when the job is
   * cancelled, and to restore the newest complete one if there is one. Checkpoints of older jobs
   * than the one restored are deleted: only the newest is ever restored.
   *
   * @return the checkpoint restored, if any
   */
  public Optional<Path> resumeFromLatest(Configuration config) {
    config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.toUri().toString());
    config.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    Optional<Path> latest = latest();
    latest.ifPresent(
        checkpoint -> {
          config.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString());
          // An operator removed in a newer version of the job must not stop it from starting.
          config.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
          deleteJobsOtherThan(checkpoint.getParent());
          LOG.info("Restoring the job from checkpoint {}", checkpoint);
        });
    return latest;
  }

  /** The newest complete checkpoint of any job under {@link #dir()}. */
  public Optional<Path> latest() {
    return jobDirs().stream()
        .flatMap(RetainedCheckpoints::completeCheckpoints)
        .max(Comparator.comparing(RetainedCheckpoints::lastModified));
  }

  private List<Path> jobDirs() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> jobs = Files.list(dir)) {
      return jobs.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
    }
  }

  private static Stream<Path> completeCheckpoints(Path jobDir) {
    try (Stream<Path> entries = Files.list(jobDir)) {
      return entries
          .filter(path -> path.getFileName().toString().startsWith(CHECKPOINT_PREFIX))
          .filter(path -> Files.isRegularFile(path.resolve(METADATA)))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoints in " + jobDir, e);
    }
  }

  private static long lastModified(Path checkpoint) {
    try {
      return Files.getLastModifiedTime(checkpoint.resolve(METADATA)).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }

  private void deleteJobsOtherThan(Path keep) {
    for (Path job : jobDirs()) {
      if (!job.equals(keep)) {
        deleteRecursively(job);
      }
    }
  }

  private static void deleteRecursively(Path path) {
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete old checkpoints in {}: {}", path, e.toString());
    }
  }
}
