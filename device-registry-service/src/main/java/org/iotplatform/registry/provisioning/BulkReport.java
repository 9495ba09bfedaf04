package org.iotplatform.registry.provisioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.iotplatform.registry.device.DeviceUpsert;
import org.iotplatform.web.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a bulk import: what became of the lines, and why each failed one failed.
 *
 * @param dryRun true when nothing was stored (the counts say what an import would have done)
 * @param lines device lines read (blank lines and the CSV header row do not count)
 * @param created devices created
 * @param updated existing devices changed by their line
 * @param unchanged existing devices that already were as their line says
 * @param failed lines that changed nothing, each listed in {@code failures} up to a limit
 * @param failures the failed lines with the lowest numbers, in line order, at most {@code
 *     iot.registry.provisioning.max-reported-failures}
 * @param failuresOmitted failed lines counted but not listed
 * @param truncated true when the body had more lines than allowed: the import stopped at the line
 *     reported as {@code bulk.too-many-lines} and did not read the rest
 */
record BulkReport(
    boolean dryRun,
    int lines,
    int created,
    int updated,
    int unchanged,
    int failed,
    List<Failure> failures,
    int failuresOmitted,
    boolean truncated) {

  /**
   * @param line the line's number in the body, from 1 (a CSV header is line 1)
   * @param id the device id the line names, when it could be read
   * @param errorCode why it failed, a code of the registry's error catalogue
   * @param message what was wrong and what to do
   */
  record Failure(int line, @Nullable String id, String errorCode, String message) {}

  /** Collects a report line by line; not thread-safe. */
  static final class Builder {

    private final boolean dryRun;
    private final int maxFailures;
    // The listed failures: the lowest line numbers seen so far, the highest on top. Lines of a
    // batch are reported after the bad lines read while the batch filled, so not in line order.
    private final PriorityQueue<Failure> failures =
        new PriorityQueue<>(Comparator.comparingInt(Failure::line).reversed());
    private int lines;
    private int created;
    private int updated;
    private int unchanged;
    private int failed;
    private boolean truncated;

    Builder(boolean dryRun, int maxFailures) {
      this.dryRun = dryRun;
      this.maxFailures = maxFailures;
    }

    void line() {
      lines++;
    }

    int lines() {
      return lines;
    }

    void failed(int line, @Nullable String id, ErrorCode error, String message) {
      failed++;
      failures.add(new Failure(line, id, error.code(), message));
      if (failures.size() > maxFailures) {
        failures.poll();
      }
    }

    void outcome(int line, @Nullable String id, DeviceUpsert outcome) {
      switch (outcome.result()) {
        case CREATED -> created++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case FAILED ->
            failed(line, id, requireNonNull(outcome.error()), String.valueOf(outcome.message()));
      }
    }

    void truncated() {
      truncated = true;
    }

    BulkReport build() {
      List<Failure> sorted = new ArrayList<>(failures);
      sorted.sort(Comparator.comparingInt(Failure::line));
      return new BulkReport(
          dryRun,
          lines,
          created,
          updated,
          unchanged,
          failed,
          List.copyOf(sorted),
          failed - sorted.size(),
          truncated);
    }

    private static ErrorCode requireNonNull(@Nullable ErrorCode error) {
      if (error == null) {
        throw new IllegalStateException("A failed outcome without an error");
      }
      return error;
    }
  }
}
