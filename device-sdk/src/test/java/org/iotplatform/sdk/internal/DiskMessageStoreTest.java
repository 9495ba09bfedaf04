package org.iotplatform.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.iotplatform.sdk.InvalidConfigurationException;
import org.iotplatform.sdk.OfflineBuffer.Overflow;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskMessageStoreTest {

  /** The smallest store the configuration allows; its segments roll at 16 KiB. */
  private static final long MAX_BYTES = 64 * 1024;

  /** Record bytes of a message from {@link #append}: 19 of framing, 9 of subtopic, its payload. */
  private static final int RECORD_BYTES = 19 + 9 + 1000;

  @TempDir Path directory;

  private DiskMessageStore underTest;

  @AfterEach
  void closeStore() {
    if (underTest != null) {
      underTest.close();
    }
  }

  @Test
  void keepsOrderPositionsSubtopicQosAndPayload() {
    underTest = open(Overflow.REJECT_NEW);
    underTest.append("telemetry", 1, payload(0));
    underTest.append("status/xy", 0, payload(1));

    List<StoredMessage> read = underTest.read(0, 10);

    assertThat(StoreChecks.positions(read)).containsExactly(0L, 1L);
    assertThat(read.get(1).subtopic()).isEqualTo("status/xy");
    assertThat(read.get(1).qos()).isZero();
    assertThat(read.get(0).payload()).isEqualTo(payload(0));
    assertThat(StoreChecks.positions(underTest.read(1, 10))).containsExactly(1L);
    assertThat(StoreChecks.positions(underTest.read(Long.MIN_VALUE, 1))).containsExactly(0L);
  }

  @Test
  void skipsMessagesReleasedOutOfOrderAndLetsThemLeaveOnceTheHeadIsReleased() {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 5);

    underTest.release(3);
    underTest.release(1);
    assertThat(StoreChecks.positions(underTest.read(0, 10))).containsExactly(0L, 2L, 4L);

    underTest.release(0);
    underTest.release(0);
    underTest.release(99);
    assertThat(StoreChecks.positions(underTest.read(0, 10))).containsExactly(2L, 4L);
    assertThat(underTest.size()).isEqualTo(2);
    assertThat(underTest.nextPosition()).isEqualTo(5);
  }

  @Test
  void yieldsTheUnreleasedMessagesWithTheirPositionsAfterReopening() {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 40);
    for (long p = 0; p < 30; p++) {
      if (p != 20) {
        underTest.release(p);
      }
    }
    underTest.close();

    underTest = open(Overflow.REJECT_NEW);

    assertThat(StoreChecks.positions(underTest.read(0, 100)))
        .containsExactlyElementsOf(positions(20, 21, 30, 40));
    assertThat(underTest.read(20, 1).get(0).payload()).isEqualTo(payload(20));
    assertThat(underTest.append("telemetry", 1, payload(40)).message().position()).isEqualTo(40);
  }

  @Test
  void continuesPositionsAfterReopeningAnEmptiedStore() {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 3);
    for (long p = 0; p < 3; p++) {
      underTest.release(p);
    }
    underTest.close();

    underTest = open(Overflow.REJECT_NEW);

    assertThat(underTest.size()).isZero();
    assertThat(underTest.read(0, 10)).isEmpty();
    assertThat(underTest.append("telemetry", 1, payload(3)).message().position()).isEqualTo(3);
  }

  @Test
  void cutsARecordTornAtTheEndOfTheLastSegmentAndKeepsTheRest() throws IOException {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 20);
    underTest.close();
    Path last = segmentFiles().get(segmentFiles().size() - 1);
    try (FileChannel file = FileChannel.open(last, StandardOpenOption.WRITE)) {
      file.truncate(file.size() - 3);
    }

    underTest = open(Overflow.REJECT_NEW);

    assertThat(StoreChecks.positions(underTest.read(0, 100)))
        .containsExactlyElementsOf(positions(0, 19));
    assertThat(underTest.append("telemetry", 1, payload(19)).message().position()).isEqualTo(19);
  }

  @Test
  void cutsGarbageAfterTheLastRecordSoLaterAppendsReadBackWhole() throws IOException {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 3);
    underTest.close();
    byte[] garbage = new byte[50];
    Arrays.fill(garbage, (byte) 0x7f);
    Files.write(segmentFiles().get(0), garbage, StandardOpenOption.APPEND);

    underTest = open(Overflow.REJECT_NEW);
    assertThat(StoreChecks.positions(underTest.read(0, 100))).containsExactly(0L, 1L, 2L);
    underTest.append("telemetry", 1, payload(3));
    underTest.close();

    underTest = open(Overflow.REJECT_NEW);
    assertThat(StoreChecks.payloads(underTest.read(0, 100)).get(3))
        .isEqualTo(new String(payload(3), StandardCharsets.UTF_8));
  }

  @Test
  void bringsBackTheMessagesFromTheLastWrittenHeadAfterACrash() throws IOException {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 10);
    for (long p = 0; p < 5; p++) {
      underTest.release(p);
    }
    underTest.release(7);
    Path crashed = copyOfTheFilesAsTheySeeThem();

    try (DiskMessageStore afterCrash =
        DiskMessageStore.open(crashed, MAX_BYTES, Overflow.REJECT_NEW, false)) {
      // 7 was released behind the head: it comes back, as at-least-once allows
      assertThat(StoreChecks.positions(afterCrash.read(0, 100)))
          .containsExactly(5L, 6L, 7L, 8L, 9L);
      assertThat(afterCrash.nextPosition()).isEqualTo(10);
    }
  }

  @Test
  void bringsBackEveryMessageWhenTheHeadFileIsDamaged() throws IOException {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 4);
    underTest.release(0);
    underTest.release(1);
    underTest.close();
    Files.write(directory.resolve("head"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});

    underTest = open(Overflow.REJECT_NEW);

    assertThat(StoreChecks.positions(underTest.read(0, 100))).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void endsTheBufferAtADamagedRecordInAnOlderSegmentAndDeletesTheLaterOnes() throws IOException {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 40);
    underTest.close();
    List<Path> segments = segmentFiles();
    assertThat(segments).hasSize(3);
    try (FileChannel file = FileChannel.open(segments.get(0), StandardOpenOption.WRITE)) {
      // flips a payload byte of message 3 so its CRC no longer matches
      file.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), 3L * RECORD_BYTES + 500);
    }

    underTest = open(Overflow.REJECT_NEW);

    assertThat(StoreChecks.positions(underTest.read(0, 100))).containsExactly(0L, 1L, 2L);
    assertThat(segmentFiles()).hasSize(1);
    assertThat(underTest.append("telemetry", 1, payload(3)).message().position()).isEqualTo(3);
  }

  @Test
  void deletesASegmentOnceAllItsMessagesAreReleased() throws IOException {
    underTest = open(Overflow.REJECT_NEW);
    appendMessages(0, 50);
    int segmentsBefore = segmentFiles().size();
    assertThat(segmentsBefore).isEqualTo(4);

    for (long p = 0; p < 32; p++) {
      underTest.release(p);
    }

    assertThat(segmentFiles()).hasSize(2);
    assertThat(underTest.size()).isEqualTo(18);
  }

  @Test
  void dropsWholeOldestMessagesUntilTheNewOneFitsAndReportsTheirPositions() {
    underTest = open(Overflow.DROP_OLDEST);
    int fitting = (int) (MAX_BYTES / RECORD_BYTES);
    appendMessages(0, fitting);

    MessageStore.Appended appended = underTest.append("telemetry", 1, new byte[3500]);

    assertThat(appended.dropped()).containsExactly(0L, 1L, 2L);
    assertThat(appended.message().position()).isEqualTo(fitting);
    assertThat(underTest.read(0, 1).get(0).position()).isEqualTo(3);
    assertThat(underTest.size()).isEqualTo(fitting - 3 + 1);
  }

  @Test
  void refusesNewMessagesWhenFullWithRejectNewAndKeepsTheOldOnes() {
    underTest = open(Overflow.REJECT_NEW);
    int fitting = (int) (MAX_BYTES / RECORD_BYTES);
    appendMessages(0, fitting);

    assertThatThrownBy(() -> underTest.append("telemetry", 1, payload(fitting)))
        .isInstanceOf(OfflineBufferFullException.class)
        .hasMessageContaining("of 65536 bytes");
    assertThat(underTest.size()).isEqualTo(fitting);
    assertThat(underTest.read(0, 1).get(0).position()).isZero();
  }

  @Test
  void refusesAMessageLargerThanTheWholeStoreInEitherMode() {
    for (Overflow overflow : Overflow.values()) {
      underTest =
          DiskMessageStore.open(directory.resolve(overflow.name()), MAX_BYTES, overflow, false);
      underTest.append("telemetry", 1, payload(0));

      assertThatThrownBy(() -> underTest.append("telemetry", 1, new byte[(int) MAX_BYTES]))
          .as(overflow.name())
          .isInstanceOf(OfflineBufferFullException.class)
          .hasMessageContaining("does not fit");
      assertThat(underTest.size()).isEqualTo(1);
      underTest.close();
    }
    underTest = null;
  }

  @Test
  void refusesASecondOpenOfTheSameDirectory() {
    underTest = open(Overflow.REJECT_NEW);

    assertThatThrownBy(() -> open(Overflow.REJECT_NEW))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(directory.toString())
        .hasMessageContaining("another client");
  }

  @Test
  void refusesADirectoryThatCannotBeCreatedNamingIt() throws IOException {
    Path file = Files.writeString(directory.resolve("plain-file"), "x");
    Path impossible = file.resolve("buffer");

    assertThatThrownBy(
            () -> DiskMessageStore.open(impossible, MAX_BYTES, Overflow.REJECT_NEW, false))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining(impossible.toString());
  }

  @Test
  void keepsEveryMessageExactlyOnceUnderConcurrentAppends() throws Exception {
    underTest = DiskMessageStore.open(directory, 10_000_000, Overflow.REJECT_NEW, false);

    List<StoredMessage> stored = StoreChecks.appendConcurrently(underTest, 4, 1_000);

    StoreChecks.assertEveryMessageOnceInOrder(stored, 4, 1_000);
    underTest.close();
    underTest = DiskMessageStore.open(directory, 10_000_000, Overflow.REJECT_NEW, false);
    StoreChecks.assertEveryMessageOnceInOrder(underTest.read(0, 5_000), 4, 1_000);
  }

  @Test
  void keepsForcedMessagesAcrossReopening() {
    underTest = DiskMessageStore.open(directory, MAX_BYTES, Overflow.DROP_OLDEST, true);
    appendMessages(0, 20);
    underTest.close();

    underTest = open(Overflow.DROP_OLDEST);

    assertThat(StoreChecks.positions(underTest.read(0, 100)))
        .containsExactlyElementsOf(positions(0, 20));
  }

  private DiskMessageStore open(Overflow overflow) {
    return DiskMessageStore.open(directory, MAX_BYTES, overflow, false);
  }

  private void appendMessages(int from, int to) {
    for (int i = from; i < to; i++) {
      assertThat(underTest.append("telemetry", 1, payload(i)).message().position()).isEqualTo(i);
    }
  }

  /** 1000 bytes that name the message. */
  private static byte[] payload(int i) {
    byte[] bytes = new byte[1000];
    Arrays.fill(bytes, (byte) ' ');
    byte[] name = ("m" + i).getBytes(StandardCharsets.UTF_8);
    System.arraycopy(name, 0, bytes, 0, name.length);
    return bytes;
  }

  /** Positions {@code [from, to)} followed by {@code [from2, to2)}. */
  private static List<Long> positions(long from, long to, long from2, long to2) {
    return Stream.concat(
            java.util.stream.LongStream.range(from, to).boxed(),
            java.util.stream.LongStream.range(from2, to2).boxed())
        .toList();
  }

  private static List<Long> positions(long from, long to) {
    return positions(from, to, 0, 0);
  }

  /** The directory's files copied elsewhere while the store is open, as a crash leaves them. */
  private Path copyOfTheFilesAsTheySeeThem() throws IOException {
    Path copy = Files.createDirectory(directory.resolveSibling(directory.getFileName() + "-crash"));
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".segment")).sorted().toList();
    }
  }
}
