package org.iotplatform.sdk.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rebuilds an on-disk buffer's index when it is opened: scans every segment record by record and
 * cuts each at its first damaged record (a record torn by a crash, or garbage after the last one).
 * Segments must follow each other without a gap; a damaged record in an older segment (possible
 * only after a crash of the operating system without {@code syncEveryWrite}) ends the buffer there
 * and the later segments are deleted, since their messages no longer follow on.
 */
final class DiskRecovery {

  /**
   * What was found.
   *
   * @param segments the kept segments, oldest first
   * @param held the index of the messages from {@code headPosition} on
   * @param headPosition the position of the oldest unreleased message (or the next position)
   * @param heldBytes the record bytes of the held messages
   * @param unreleased how many of the held messages are not released
   */
  record Recovered(
      ArrayDeque<DiskSegment> segments,
      MemoryRing<DiskEntry> held,
      long headPosition,
      long heldBytes,
      long unreleased) {}

  private DiskRecovery() {}

  static Recovered recover(Path directory, Optional<DiskHead.Stored> stored) throws IOException {
    ArrayDeque<DiskSegment> segments = new ArrayDeque<>();
    try {
      return recover(directory, stored, segments);
    } catch (IOException | RuntimeException e) {
      for (DiskSegment segment : segments) {
        segment.closeQuietly();
      }
      throw e;
    }
  }

  private static Recovered recover(
      Path directory, Optional<DiskHead.Stored> stored, ArrayDeque<DiskSegment> segments)
      throws IOException {
    List<DiskEntry> entries = new ArrayList<>();
    boolean damaged = false;
    for (Path file : segmentFiles(directory)) {
      DiskSegment segment = DiskSegment.openExisting(file);
      if (damaged
          || (!segments.isEmpty()
              && segment.firstPosition() != segments.getLast().nextPosition())) {
        damaged = true;
        segment.closeAndDelete();
        continue;
      }
      damaged = !scan(segment, entries);
      segments.addLast(segment);
    }
    long first = segments.isEmpty() ? 0 : segments.getFirst().firstPosition();
    long end = segments.isEmpty() ? 0 : segments.getLast().nextPosition();
    // A stale head (its file is not forced) only brings released messages back: at least once.
    long head = Math.max(stored.map(DiskHead.Stored::position).orElse(first), first);
    if (head >= end) {
      // Everything was released; the head file alone remembers where positions go on.
      while (!segments.isEmpty()) {
        segments.removeFirst().closeAndDelete();
      }
    }
    while (segments.size() > 1 && segments.getFirst().nextPosition() <= head) {
      segments.removeFirst().closeAndDelete();
    }
    MemoryRing<DiskEntry> held = new MemoryRing<>();
    long heldBytes = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (first + i >= head) {
        held.addLast(entries.get(i));
        heldBytes += entries.get(i).length();
      }
    }
    long unreleased = held.size();
    for (long position : stored.map(DiskHead.Stored::releasedAfter).orElse(new long[0])) {
      long index = position - head;
      if (index >= 0 && index < held.size() && !held.get((int) index).released()) {
        held.set((int) index, held.get((int) index).asReleased());
        unreleased--;
      }
    }
    return new Recovered(segments, held, head, heldBytes, unreleased);
  }

  private static List<Path> segmentFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> DiskSegment.firstPositionOf(file).isPresent())
          .sorted(Comparator.comparingLong(file -> DiskSegment.firstPositionOf(file).getAsLong()))
          .toList();
    }
  }

  /** Adds the segment's whole records to {@code entries}; false if it had to be cut. */
  private static boolean scan(DiskSegment segment, List<DiskEntry> entries) throws IOException {
    long offset = 0;
    long position = segment.firstPosition();
    long size = segment.size();
    while (size - offset >= DiskRecord.OVERHEAD) {
      int length = segment.read(offset, 4).getInt();
      if (length < DiskRecord.OVERHEAD
          || length > size - offset
          || DiskRecord.decode(segment.read(offset, length), position) == null) {
        break;
      }
      entries.add(new DiskEntry(segment, offset, length, false));
      offset += length;
      position++;
    }
    segment.recovered(offset, position);
    return offset == size;
  }
}
